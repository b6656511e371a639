import { describe, expect, it } from 'vitest';
import { zurichInstant as at, businessCalendar, defaultCalendarConfig, zurichLocalString } from '../calendar';
import type { ClockExplanation } from './clock-explanation';
import { explainSla } from './compute-sla';
import type { Criticality } from './criticality';
import { history, type Step } from './sla-test-support';
import { defaultSlaTargets } from './targets';
import type { TicketEvent, TicketStatus } from './ticket-events';

const calendar = businessCalendar(defaultCalendarConfig);
const local = (instant: Date) => zurichLocalString(instant);
const steps = (...list: Array<[string, Step]>) => list;

/**
 * A ticket described by hand: its history, and what its explanation must list — the criticality
 * whose target applies, the due time, the business minutes used, each pause (reason, wall-clock
 * minutes), the closed days skipped, the closed wall-clock minutes, whether a holiday eve shortened
 * a day — all before the due time. Each `closed` figure is the sum of the nights, lunches and
 * closed days between start and due, worked out in the comment.
 */
interface Described {
  name: string;
  events: TicketEvent[];
  now: string;
  clock: 'engagement' | 'resolution';
  criticality: Criticality;
  state: ClockExplanation['state'];
  due: string;
  used: number;
  pauses: Array<[TicketStatus, number]>;
  closedDays: string[];
  closed: number;
  eve?: boolean;
  changes?: number;
}

const tickets: Described[] = [
  // Wed 09:00 + 1 h.
  {
    name: 'plain engagement',
    events: history('2026-01-07 09:00', 'critique'),
    now: '2026-01-07 09:30',
    clock: 'engagement',
    criticality: 'critique',
    state: 'running',
    due: '2026-01-07 10:00',
    used: 30,
    pauses: [],
    closedDays: [],
    closed: 0,
  },
  // 3 h, lunch 90, 4 h 30, night 18:00–08:00 840, 30 min.
  {
    name: 'plain resolution',
    events: history('2026-01-07 09:00', 'critique'),
    now: '2026-01-07 09:30',
    clock: 'resolution',
    criticality: 'critique',
    state: 'running',
    due: '2026-01-08 08:30',
    used: 30,
    pauses: [],
    closedDays: [],
    closed: 930,
  },
  // Night 22:00–08:00: 600.
  {
    name: 'created at night',
    events: history('2026-01-07 22:00', 'critique'),
    now: '2026-01-08 08:50',
    clock: 'engagement',
    criticality: 'critique',
    state: 'running',
    due: '2026-01-08 09:00',
    used: 50,
    pauses: [],
    closedDays: [],
    closed: 600,
  },
  // Sat 10:00 → Mon 08:00: 46 h.
  {
    name: 'created on a Saturday',
    events: history('2026-01-10 10:00', 'haute'),
    now: '2026-01-10 18:00',
    clock: 'engagement',
    criticality: 'haute',
    state: 'running',
    due: '2026-01-12 12:00',
    used: 0,
    pauses: [],
    closedDays: ['2026-01-10', '2026-01-11'],
    closed: 2760,
  },
  // Lunch 12:15–13:30: 75.
  {
    name: 'created during lunch, taken in time',
    events: history('2026-01-07 12:15', 'critique', steps(['2026-01-07 13:50', 'taken'])),
    now: '2026-01-07 15:00',
    clock: 'engagement',
    criticality: 'critique',
    state: 'met',
    due: '2026-01-07 14:30',
    used: 20,
    pauses: [],
    closedDays: [],
    closed: 75,
  },
  // Fri 17:00 → Mon 08:00: 63 h.
  {
    name: 'Friday afternoon, taken late on Monday',
    events: history('2026-01-09 16:30', 'critique', steps(['2026-01-12 08:45', 'in_progress'])),
    now: '2026-01-12 10:00',
    clock: 'engagement',
    criticality: 'critique',
    state: 'breached',
    due: '2026-01-12 08:30',
    used: 75,
    pauses: [],
    closedDays: ['2026-01-10', '2026-01-11'],
    closed: 3780,
  },
  // Eve closes 16:00; Wed 16:00 → Mon 08:00 112 h; Monday lunch 90.
  {
    name: 'over Christmas 2025',
    events: history('2025-12-24 14:00', 'moyenne'),
    now: '2025-12-29 09:00',
    clock: 'engagement',
    criticality: 'moyenne',
    state: 'running',
    due: '2025-12-29 15:30',
    used: 180,
    pauses: [],
    closedDays: ['2025-12-25', '2025-12-26', '2025-12-27', '2025-12-28'],
    closed: 6810,
    eve: true,
  },
  // Fri 10:00 → Mon 08:00: 70 h.
  {
    name: "created on St Stephen's Day",
    events: history('2025-12-26 10:00', 'critique'),
    now: '2025-12-26 12:00',
    clock: 'engagement',
    criticality: 'critique',
    state: 'running',
    due: '2025-12-29 09:00',
    used: 0,
    pauses: [],
    closedDays: ['2025-12-26', '2025-12-27', '2025-12-28'],
    closed: 4200,
  },
  // Wed 16:00 (eve) → Fri 08:00: 40 h.
  {
    name: 'eve of Ascension 2027',
    events: history('2027-05-05 14:00', 'haute'),
    now: '2027-05-05 14:00',
    clock: 'engagement',
    criticality: 'haute',
    state: 'running',
    due: '2027-05-07 10:00',
    used: 0,
    pauses: [],
    closedDays: ['2027-05-06'],
    closed: 2400,
    eve: true,
  },
  // Lunch 90; Thu 16:00 (eve) → Tue 08:00: 112 h.
  {
    name: 'Good Friday and Easter Monday 2025',
    events: history('2025-04-17 11:00', 'haute'),
    now: '2025-04-17 11:00',
    clock: 'engagement',
    criticality: 'haute',
    state: 'running',
    due: '2025-04-22 08:30',
    used: 0,
    pauses: [],
    closedDays: ['2025-04-18', '2025-04-19', '2025-04-20', '2025-04-21'],
    closed: 6810,
    eve: true,
  },
  // Thu 16:00 (eve) → Mon 08:00: 88 h.
  {
    name: 'Swiss national day 2025',
    events: history('2025-07-31 15:30', 'critique'),
    now: '2025-07-31 15:30',
    clock: 'engagement',
    criticality: 'critique',
    state: 'running',
    due: '2025-08-04 08:30',
    used: 0,
    pauses: [],
    closedDays: ['2025-08-01', '2025-08-02', '2025-08-03'],
    closed: 5280,
    eve: true,
  },
  // Lunch 90, Wed 16:00 (eve) → Mon 08:00 112 h, Mon lunch 90, Mon night 840.
  {
    name: 'Berchtoldstag 2026',
    events: history('2025-12-31 10:00', 'basse'),
    now: '2025-12-31 10:00',
    clock: 'engagement',
    criticality: 'basse',
    state: 'running',
    due: '2026-01-06 11:00',
    used: 0,
    pauses: [],
    closedDays: ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'],
    closed: 7740,
    eve: true,
  },
  // Fri 17:00 → Tue 08:00: 87 h.
  {
    name: 'Whit Monday 2026',
    events: history('2026-05-22 15:00', 'haute'),
    now: '2026-05-22 15:00',
    clock: 'engagement',
    criticality: 'haute',
    state: 'running',
    due: '2026-05-26 10:00',
    used: 0,
    pauses: [],
    closedDays: ['2026-05-23', '2026-05-24', '2026-05-25'],
    closed: 5220,
  },
  // Lunch 90, 18:00–19:00 60, pause 19:00–07:30 750, 07:30–08:00 30.
  {
    name: 'pause outside opening hours',
    events: history(
      '2026-01-07 10:00',
      'critique',
      steps(
        ['2026-01-07 10:30', 'in_progress'],
        ['2026-01-07 19:00', 'waiting_customer'],
        ['2026-01-08 07:30', 'in_progress'],
      ),
    ),
    now: '2026-01-08 09:00',
    clock: 'resolution',
    criticality: 'critique',
    state: 'running',
    due: '2026-01-08 09:30',
    used: 450,
    pauses: [['waiting_customer', 750]],
    closedDays: [],
    closed: 180,
  },
  // Lunch 90, night 840.
  {
    name: 'two pauses',
    events: history(
      '2026-01-12 08:00',
      'critique',
      steps(
        ['2026-01-12 08:10', 'in_progress'],
        ['2026-01-12 09:00', 'waiting_customer'],
        ['2026-01-12 10:00', 'in_progress'],
        ['2026-01-12 14:00', 'waiting_development'],
        ['2026-01-12 15:00', 'in_progress'],
      ),
    ),
    now: '2026-01-12 17:00',
    clock: 'resolution',
    criticality: 'critique',
    state: 'running',
    due: '2026-01-13 09:30',
    used: 330,
    pauses: [
      ['waiting_customer', 60],
      ['waiting_development', 60],
    ],
    closedDays: [],
    closed: 930,
  },
  // Ended at 08:10: the later pause does not belong to this clock.
  {
    name: 'engagement met before two pauses',
    events: history(
      '2026-01-12 08:00',
      'critique',
      steps(['2026-01-12 08:10', 'in_progress'], ['2026-01-12 09:00', 'waiting_customer']),
    ),
    now: '2026-01-12 17:00',
    clock: 'engagement',
    criticality: 'critique',
    state: 'met',
    due: '2026-01-12 09:00',
    used: 10,
    pauses: [],
    closedDays: [],
    closed: 0,
  },
  // Mon 09:00 → Mon 9 Feb 11:30 is 40470 wall minutes: 9600 target + 1440 pause + 29430 closed
  // (Monday's lunch and night fall in the pause; Tue–Thu lunches and nights 3 × 930, Friday lunch 90
  // and weekend 3780: 6660; then three whole weeks of 4 × 930 + 90 + 3780: 3 × 7590).
  {
    name: 'criticality lowered after a pause',
    events: history(
      '2026-01-12 09:00',
      'haute',
      steps(
        ['2026-01-12 09:30', 'in_progress'],
        ['2026-01-12 10:00', 'waiting_customer'],
        ['2026-01-13 10:00', 'in_progress'],
        ['2026-01-13 11:00', { criticality: 'basse' }],
      ),
    ),
    now: '2026-01-13 12:00',
    clock: 'resolution',
    criticality: 'basse',
    state: 'running',
    due: '2026-02-09 11:30',
    used: 180,
    pauses: [['waiting_customer', 1440]],
    closedDays: [
      '2026-01-17',
      '2026-01-18',
      '2026-01-24',
      '2026-01-25',
      '2026-01-31',
      '2026-02-01',
      '2026-02-07',
      '2026-02-08',
    ],
    closed: 29430,
    changes: 1,
  },
  // Met under haute at 09:30; the later change is not part of this clock.
  {
    name: 'criticality lowered after engagement',
    events: history(
      '2026-01-12 09:00',
      'haute',
      steps(['2026-01-12 09:30', 'in_progress'], ['2026-01-13 11:00', { criticality: 'basse' }]),
    ),
    now: '2026-01-13 12:00',
    clock: 'engagement',
    criticality: 'haute',
    state: 'met',
    due: '2026-01-12 14:30',
    used: 30,
    pauses: [],
    closedDays: [],
    closed: 90,
    changes: 0,
  },
  {
    name: 'criticality raised breaches at once',
    events: history('2026-01-12 08:00', 'moyenne', steps(['2026-01-12 10:00', { criticality: 'critique' }])),
    now: '2026-01-12 10:00',
    clock: 'engagement',
    criticality: 'critique',
    state: 'breached',
    due: '2026-01-12 09:00',
    used: 120,
    pauses: [],
    closedDays: [],
    closed: 0,
    changes: 1,
  },
  // Paused since 09:00 (120 so far); Mon, Tue, Wed lunches and nights: 3 × 930.
  {
    name: 'paused: due as if resumed now',
    events: history(
      '2026-01-12 08:00',
      'haute',
      steps(['2026-01-12 08:30', 'in_progress'], ['2026-01-12 09:00', 'waiting_customer']),
    ),
    now: '2026-01-12 11:00',
    clock: 'resolution',
    criticality: 'haute',
    state: 'paused',
    due: '2026-01-15 08:30',
    used: 60,
    pauses: [['waiting_customer', 120]],
    closedDays: [],
    closed: 2790,
  },
  // Two days of pause (2880), Wednesday lunch 90.
  {
    name: 'resumed ticket',
    events: history(
      '2026-01-12 08:00',
      'critique',
      steps(
        ['2026-01-12 08:05', 'in_progress'],
        ['2026-01-12 10:00', 'waiting_customer'],
        ['2026-01-14 10:00', 'in_progress'],
      ),
    ),
    now: '2026-01-14 10:01',
    clock: 'resolution',
    criticality: 'critique',
    state: 'running',
    due: '2026-01-14 17:30',
    used: 121,
    pauses: [['waiting_customer', 2880]],
    closedDays: [],
    closed: 90,
  },
  {
    name: 'closed in time',
    events: history(
      '2026-01-12 08:00',
      'critique',
      steps(['2026-01-12 08:20', 'in_progress'], ['2026-01-12 15:00', 'closed']),
    ),
    now: '2026-01-20 10:00',
    clock: 'resolution',
    criticality: 'critique',
    state: 'met',
    due: '2026-01-12 17:30',
    used: 330,
    pauses: [],
    closedDays: [],
    closed: 90,
  },
  {
    name: 'closed late',
    events: history(
      '2026-01-12 08:00',
      'critique',
      steps(['2026-01-12 08:30', 'taken'], ['2026-01-13 10:00', 'closed']),
    ),
    now: '2026-01-13 12:00',
    clock: 'resolution',
    criticality: 'critique',
    state: 'breached',
    due: '2026-01-12 17:30',
    used: 630,
    pauses: [],
    closedDays: [],
    closed: 90,
  },
  // Stopped at 09:00; had it run: Mon 510, Tue 510, Wed 420 with two lunches and nights and a lunch.
  {
    name: 'transferred to Consulting',
    events: history(
      '2026-01-12 08:00',
      'haute',
      steps(
        ['2026-01-12 08:30', 'in_progress'],
        ['2026-01-12 09:00', 'transferred_consulting'],
        ['2026-01-13 09:00', 'closed'],
      ),
    ),
    now: '2026-01-20 10:00',
    clock: 'resolution',
    criticality: 'haute',
    state: 'stopped',
    due: '2026-01-14 16:30',
    used: 60,
    pauses: [],
    closedDays: [],
    closed: 1950,
  },
  {
    name: 'closed before engagement',
    events: history('2026-01-12 08:00', 'critique', steps(['2026-01-12 08:30', 'closed'])),
    now: '2026-01-12 09:30',
    clock: 'engagement',
    criticality: 'critique',
    state: 'stopped',
    due: '2026-01-12 09:00',
    used: 30,
    pauses: [],
    closedDays: [],
    closed: 0,
  },
  // Spring change: Fri 17:00 → Mon 08:00 is 62 real hours (3720), Monday lunch 90.
  {
    name: 'spring daylight-saving change',
    events: history('2026-03-27 14:00', 'moyenne'),
    now: '2026-03-27 14:00',
    clock: 'engagement',
    criticality: 'moyenne',
    state: 'running',
    due: '2026-03-30 14:30',
    used: 0,
    pauses: [],
    closedDays: ['2026-03-28', '2026-03-29'],
    closed: 3810,
  },
  // Autumn change: Fri 17:00 → Mon 08:00 is 64 real hours (3840), Monday lunch 90.
  {
    name: 'autumn daylight-saving change',
    events: history('2026-10-23 13:30', 'critique'),
    now: '2026-10-23 13:30',
    clock: 'resolution',
    criticality: 'critique',
    state: 'running',
    due: '2026-10-26 14:00',
    used: 0,
    pauses: [],
    closedDays: ['2026-10-24', '2026-10-25'],
    closed: 3930,
  },
  // Pause Fri 11:00 → Mon 09:00 (70 h) hides the weekend; then lunches and nights Mon, Tue, lunch Wed.
  {
    name: 'pause over a weekend',
    events: history(
      '2026-01-09 10:00',
      'haute',
      steps(
        ['2026-01-09 10:30', 'in_progress'],
        ['2026-01-09 11:00', 'waiting_customer'],
        ['2026-01-12 09:00', 'in_progress'],
      ),
    ),
    now: '2026-01-12 09:00',
    clock: 'resolution',
    criticality: 'haute',
    state: 'running',
    due: '2026-01-14 16:30',
    used: 60,
    pauses: [['waiting_customer', 4200]],
    closedDays: [],
    closed: 1950,
  },
  // Christmas eve: 1 h, pause 1 h, 1 h, lunch 90, 2 h 30 until 16:00, closed to Mon 08:00 (112 h), 3 h 30.
  {
    name: 'pause on a holiday eve',
    events: history(
      '2025-12-24 09:00',
      'critique',
      steps(
        ['2025-12-24 09:10', 'in_progress'],
        ['2025-12-24 10:00', 'waiting_development'],
        ['2025-12-24 11:00', 'in_progress'],
      ),
    ),
    now: '2025-12-24 12:00',
    clock: 'resolution',
    criticality: 'critique',
    state: 'running',
    due: '2025-12-29 11:30',
    used: 120,
    pauses: [['waiting_development', 60]],
    closedDays: ['2025-12-25', '2025-12-26', '2025-12-27', '2025-12-28'],
    closed: 6810,
    eve: true,
  },
  // Raised then lowered: moyenne's 8 h from 08:00, lunch 90.
  {
    name: 'criticality raised then lowered',
    events: history(
      '2026-01-12 08:00',
      'haute',
      steps(
        ['2026-01-12 08:30', { criticality: 'critique' }],
        ['2026-01-12 09:00', { criticality: 'moyenne' }],
      ),
    ),
    now: '2026-01-12 09:00',
    clock: 'engagement',
    criticality: 'moyenne',
    state: 'running',
    due: '2026-01-12 17:30',
    used: 60,
    pauses: [],
    closedDays: [],
    closed: 90,
    changes: 2,
  },
  // Pause Tue 15:00 → Thu 10:00 (43 h); lunches and nights Thu, Fri, the weekend (63 h), Mon.
  {
    name: 'transferred to Development, still there',
    events: history(
      '2026-01-13 14:00',
      'haute',
      steps(['2026-01-13 14:30', 'in_progress'], ['2026-01-13 15:00', 'transferred_development']),
    ),
    now: '2026-01-15 10:00',
    clock: 'resolution',
    criticality: 'haute',
    state: 'paused',
    due: '2026-01-20 08:30',
    used: 60,
    pauses: [['transferred_development', 2580]],
    closedDays: ['2026-01-17', '2026-01-18'],
    closed: 5730,
  },
  // Fri 17:30 → Mon 08:00 (62 h 30), Mon lunch and night, Tue lunch.
  {
    name: 'created after Friday closing',
    events: history('2026-01-09 17:30', 'basse', steps(['2026-01-12 08:05', 'taken'])),
    now: '2026-01-12 09:00',
    clock: 'engagement',
    criticality: 'basse',
    state: 'met',
    due: '2026-01-13 17:00',
    used: 5,
    pauses: [],
    closedDays: ['2026-01-10', '2026-01-11'],
    closed: 4770,
  },
  // Pause Sat 09:00 → Sun 20:00 (35 h) in closed time hides no business minute; closed: Fri 17:00 →
  // Sat 09:00 (960), Sun 20:00 → Mon 08:00 (720), Monday lunch 90.
  {
    name: 'waiting over a weekend only',
    events: history(
      '2026-01-09 16:00',
      'critique',
      steps(
        ['2026-01-09 16:10', 'in_progress'],
        ['2026-01-10 09:00', 'waiting_customer'],
        ['2026-01-11 20:00', 'in_progress'],
      ),
    ),
    now: '2026-01-12 08:00',
    clock: 'resolution',
    criticality: 'critique',
    state: 'running',
    due: '2026-01-12 16:30',
    used: 60,
    pauses: [['waiting_customer', 2100]],
    closedDays: ['2026-01-10', '2026-01-11'],
    closed: 1770,
  },
];

const minutesBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

function explanationOf(ticket: Described): ClockExplanation {
  const explained = explainSla(ticket.events, {
    now: at(ticket.now),
    calendar,
    targets: defaultSlaTargets,
  });
  const explanation = explained[ticket.clock];
  if (!explanation) throw new Error('no explanation');
  return explanation;
}

describe('the explanation of a due time (hand-described tickets)', () => {
  it('covers at least thirty tickets', () => {
    expect(tickets.length).toBeGreaterThanOrEqual(30);
  });

  it.each(tickets.map((ticket) => [ticket.name, ticket] as const))('%s', (_name, ticket) => {
    const explanation = explanationOf(ticket);
    const beforeDue = explanation.parts.filter((part) => !part.afterDue);
    const target = defaultSlaTargets[ticket.criticality][`${ticket.clock}Minutes`];
    expect({
      criticality: explanation.criticality,
      state: explanation.state,
      target: explanation.targetMinutes,
      due: local(explanation.dueAt),
      used: explanation.usedMinutes,
      pauses: beforeDue.filter((p) => p.kind === 'paused').map((p) => [p.reason, p.minutes]),
      closedDays: beforeDue.flatMap((p) => p.closedDays ?? []).map((day) => day.date),
      closed: explanation.untilDue.closed,
      eve: beforeDue.some((part) => part.eve),
      changes: explanation.criticalityChanges.length,
    }).toEqual({
      criticality: ticket.criticality,
      state: ticket.state,
      target,
      due: ticket.due,
      used: ticket.used,
      pauses: ticket.pauses,
      closedDays: ticket.closedDays,
      closed: ticket.closed,
      eve: ticket.eve ?? false,
      changes: ticket.changes ?? 0,
    });
    // The parts used before the reading instant add up exactly to the business time used …
    const counted = explanation.parts
      .filter((part) => part.kind === 'working' && !part.projected)
      .reduce((sum, part) => sum + part.businessMinutes, 0);
    expect(counted).toBe(explanation.usedMinutes);
    // … and the due time is the start plus the target, the pauses and the closed time listed.
    const paused = ticket.pauses.reduce((sum, [, minutes]) => sum + minutes, 0);
    expect(minutesBetween(explanation.startedAt, explanation.dueAt)).toBe(target + paused + ticket.closed);
    expect(explanation.untilDue.working).toBe(target);
  });
});
