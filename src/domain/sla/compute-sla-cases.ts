/** The hand-computed SLA cases of compute-sla.test.ts: a history, an instant, a clock and what it shows. */
import type { SlaClockReport } from './clock-report';
import { history, type Step } from './sla-test-support';
import type { TicketEvent } from './ticket-events';

/** The part of a clock report the table checks; instants as Zurich local strings. */
export interface Expected {
  state: SlaClockReport['state'];
  due: string | null;
  elapsed: number;
  remaining?: number | null;
  atRisk?: boolean;
  metAt?: string;
  breachedAt?: string;
}

export type Case = [
  name: string,
  events: TicketEvent[],
  now: string,
  clock: 'engagement' | 'resolution',
  expected: Expected,
];
const steps = (...list: Array<[string, Step]>) => list;

export const cases: Case[] = [
  // Critique on a Wednesday morning: 1 h engagement, nothing in the way, half used.
  [
    'plain engagement',
    history('2026-01-07 09:00', 'critique'),
    '2026-01-07 09:30',
    'engagement',
    { state: 'running', due: '2026-01-07 10:00', elapsed: 30, remaining: 30, atRisk: false },
  ],
  // 8 h resolution: 3 h Wed morning + 4 h 30 afternoon, last 30 min Thursday from 08:00.
  [
    'plain resolution',
    history('2026-01-07 09:00', 'critique'),
    '2026-01-07 09:30',
    'resolution',
    { state: 'running', due: '2026-01-08 08:30', elapsed: 30 },
  ],
  // Created at 22:00: nothing counts before Thursday 08:00; 50 of 60 min used is ≥ 75 %.
  [
    'created at night',
    history('2026-01-07 22:00', 'critique'),
    '2026-01-08 08:50',
    'engagement',
    { state: 'running', due: '2026-01-08 09:00', elapsed: 50, remaining: 10, atRisk: true },
  ],
  // Created on Saturday: 4 h engagement is Monday's whole morning.
  [
    'created on a weekend',
    history('2026-01-10 10:00', 'haute'),
    '2026-01-10 18:00',
    'engagement',
    { state: 'running', due: '2026-01-12 12:00', elapsed: 0, remaining: 240 },
  ],
  // Created in the lunch break, taken at 13:50: 20 business minutes since 13:30.
  [
    'created during lunch',
    history('2026-01-07 12:15', 'critique', steps(['2026-01-07 13:50', 'taken'])),
    '2026-01-07 15:00',
    'engagement',
    { state: 'met', due: '2026-01-07 14:30', elapsed: 20, metAt: '2026-01-07 13:50' },
  ],
  // Friday 16:30: 30 min Friday, due Monday 08:30; taken 08:45 is 15 min late, breached from 08:31.
  [
    'Friday afternoon, taken late on Monday',
    history('2026-01-09 16:30', 'critique', steps(['2026-01-12 08:45', 'in_progress'])),
    '2026-01-12 10:00',
    'engagement',
    {
      state: 'breached',
      due: '2026-01-12 08:30',
      elapsed: 75,
      remaining: -15,
      breachedAt: '2026-01-12 08:31',
      metAt: '2026-01-12 08:45',
    },
  ],
  // Christmas eve 2025 closes 16:00 (2 h), Dec 25/26 and weekend closed, Monday 4 h + 2 h from 13:30.
  [
    'over Christmas 2025',
    history('2025-12-24 14:00', 'moyenne'),
    '2025-12-29 09:00',
    'engagement',
    { state: 'running', due: '2025-12-29 15:30', elapsed: 180 },
  ],
  // St Stephen's Day 2025 is a Friday: a ticket created then starts counting Monday.
  [
    "created on St Stephen's Day",
    history('2025-12-26 10:00', 'critique'),
    '2025-12-26 12:00',
    'engagement',
    { state: 'running', due: '2025-12-29 09:00', elapsed: 0 },
  ],
  // Eve of Ascension 2027 (Wed May 5) closes 16:00: 2 h, Ascension closed, 2 h on Friday.
  [
    'eve of Ascension 2027',
    history('2027-05-05 14:00', 'haute'),
    '2027-05-05 14:00',
    'engagement',
    { state: 'running', due: '2027-05-07 10:00', elapsed: 0 },
  ],
  // Eve of Good Friday 2025: 1 h + 2 h 30 until 16:00; Good Friday, weekend, Easter Monday; Tue 08:30.
  [
    'Good Friday and Easter Monday 2025',
    history('2025-04-17 11:00', 'haute'),
    '2025-04-17 11:00',
    'engagement',
    { state: 'running', due: '2025-04-22 08:30', elapsed: 0 },
  ],
  // Eve of Aug 1 2025 closes at 16:00: 30 min, national day Friday, weekend, Monday 08:30.
  [
    'Swiss national day 2025',
    history('2025-07-31 15:30', 'critique'),
    '2025-07-31 15:30',
    'engagement',
    { state: 'running', due: '2025-08-04 08:30', elapsed: 0 },
  ],
  // New Year's eve: 2 h + 2 h 30 until 16:00; Jan 1, Berchtoldstag (Fri), weekend; Mon 8 h 30; Tue 3 h.
  [
    'Berchtoldstag 2026',
    history('2025-12-31 10:00', 'basse'),
    '2025-12-31 10:00',
    'engagement',
    { state: 'running', due: '2026-01-06 11:00', elapsed: 0 },
  ],
  // Friday 15:00–17:00 (2 h), Whit Monday closed, Tuesday 2 h.
  [
    'Whit Monday 2026',
    history('2026-05-22 15:00', 'haute'),
    '2026-05-22 15:00',
    'engagement',
    { state: 'running', due: '2026-05-26 10:00', elapsed: 0 },
  ],
  // Critique taken, waits on the customer from 19:00 to 07:30: the pause hides no business minute.
  [
    'pause entirely outside opening hours',
    history(
      '2026-01-07 10:00',
      'critique',
      steps(
        ['2026-01-07 10:30', 'in_progress'],
        ['2026-01-07 19:00', 'waiting_customer'],
        ['2026-01-08 07:30', 'in_progress'],
      ),
    ),
    '2026-01-08 09:00',
    'resolution',
    { state: 'running', due: '2026-01-08 09:30', elapsed: 450, remaining: 30, atRisk: true },
  ],
  // Two pauses of 1 h each push the 8 h resolution by 2 h: Mon 8 h 30, Tue 1 h 30.
  [
    'two pauses',
    history(
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
    '2026-01-12 17:00',
    'resolution',
    { state: 'running', due: '2026-01-13 09:30', elapsed: 330, remaining: 150 },
  ],
  // Engagement met at 08:10 under critique: 10 min.
  [
    'engagement before two pauses',
    history(
      '2026-01-12 08:00',
      'critique',
      steps(['2026-01-12 08:10', 'in_progress'], ['2026-01-12 09:00', 'waiting_customer']),
    ),
    '2026-01-12 17:00',
    'engagement',
    { state: 'met', due: '2026-01-12 09:00', elapsed: 10 },
  ],
  // Haute waits Mon 10:00 → Tue 10:00, then lowered to basse: 160 h from creation minus the pause:
  // 1 h before the pause, 9540 min from Tue 10:00 = Tue 6 h 30, Wed–Fri 24 h 30, 3 weeks, Mon 3 h 30.
  [
    'criticality lowered after a pause',
    history(
      '2026-01-12 09:00',
      'haute',
      steps(
        ['2026-01-12 09:30', 'in_progress'],
        ['2026-01-12 10:00', 'waiting_customer'],
        ['2026-01-13 10:00', 'in_progress'],
        ['2026-01-13 11:00', { criticality: 'basse' }],
      ),
    ),
    '2026-01-13 12:00',
    'resolution',
    { state: 'running', due: '2026-02-09 11:30', elapsed: 180, remaining: 9420 },
  ],
  // The engagement was met under haute (4 h: 3 h until noon, 1 h from 13:30); lowering later does not rewrite it.
  [
    'criticality lowered after engagement',
    history(
      '2026-01-12 09:00',
      'haute',
      steps(['2026-01-12 09:30', 'in_progress'], ['2026-01-13 11:00', { criticality: 'basse' }]),
    ),
    '2026-01-13 12:00',
    'engagement',
    { state: 'met', due: '2026-01-12 14:30', elapsed: 30, remaining: 210 },
  ],
  // Raised from moyenne to critique at 10:00: 1 h from creation was due 09:00, breached from 09:01.
  [
    'criticality raised breaches at once',
    history('2026-01-12 08:00', 'moyenne', steps(['2026-01-12 10:00', { criticality: 'critique' }])),
    '2026-01-12 10:00',
    'engagement',
    {
      state: 'breached',
      due: '2026-01-12 09:00',
      elapsed: 120,
      remaining: -60,
      breachedAt: '2026-01-12 09:01',
    },
  ],
  // Paused since 09:00 with 1 h used of 24 h: due assumes the pause ends now (Mon 11:00).
  [
    'paused: due as if resumed now',
    history(
      '2026-01-12 08:00',
      'haute',
      steps(['2026-01-12 08:30', 'in_progress'], ['2026-01-12 09:00', 'waiting_customer']),
    ),
    '2026-01-12 11:00',
    'resolution',
    { state: 'paused', due: '2026-01-15 08:30', elapsed: 60, remaining: 1380 },
  ],
  // 2 h used, paused two days, resumed: 6 h left from Wed 10:00, not an instant breach.
  [
    'resumed ticket does not breach at once',
    history(
      '2026-01-12 08:00',
      'critique',
      steps(
        ['2026-01-12 08:05', 'in_progress'],
        ['2026-01-12 10:00', 'waiting_customer'],
        ['2026-01-14 10:00', 'in_progress'],
      ),
    ),
    '2026-01-14 10:01',
    'resolution',
    { state: 'running', due: '2026-01-14 17:30', elapsed: 121, remaining: 359 },
  ],
  // Closed at 15:00: 4 h + 1 h 30 = 330 of 480 min.
  [
    'closed in time',
    history(
      '2026-01-12 08:00',
      'critique',
      steps(['2026-01-12 08:20', 'in_progress'], ['2026-01-12 15:00', 'closed']),
    ),
    '2026-01-20 10:00',
    'resolution',
    { state: 'met', due: '2026-01-12 17:30', elapsed: 330, metAt: '2026-01-12 15:00', atRisk: false },
  ],
  // Closed Tuesday 10:00: 8 h 30 + 2 h = 630 > 480; due Mon 17:30, breached from 17:31.
  [
    'closed late',
    history(
      '2026-01-12 08:00',
      'critique',
      steps(['2026-01-12 08:30', 'taken'], ['2026-01-13 10:00', 'closed']),
    ),
    '2026-01-13 12:00',
    'resolution',
    {
      state: 'breached',
      due: '2026-01-12 17:30',
      elapsed: 630,
      breachedAt: '2026-01-12 17:31',
      metAt: '2026-01-13 10:00',
    },
  ],
  // Transferred to Consulting at 09:00 after 1 h: stopped for good, a later closing changes nothing.
  [
    'transferred to consulting',
    history(
      '2026-01-12 08:00',
      'haute',
      steps(
        ['2026-01-12 08:30', 'in_progress'],
        ['2026-01-12 09:00', 'transferred_consulting'],
        ['2026-01-13 09:00', 'closed'],
      ),
    ),
    '2026-01-20 10:00',
    'resolution',
    { state: 'stopped', due: null, elapsed: 60, remaining: 1380 },
  ],
  // Closed by the customer at 08:30 before anyone took it: the engagement is stopped, not met.
  [
    'closed before engagement',
    history('2026-01-12 08:00', 'critique', steps(['2026-01-12 08:30', 'closed'])),
    '2026-01-12 09:30',
    'engagement',
    { state: 'stopped', due: null, elapsed: 30 },
  ],
  // A request type that does not count toward SLA: no clocks at all.
  [
    'request type without SLA',
    history('2026-01-12 08:00', 'critique', [], false),
    '2026-01-12 12:00',
    'resolution',
    { state: 'not_applicable', due: null, elapsed: 0, remaining: null },
  ],
  // Requalified to a type without SLA: no clocks, even though 4 h have run.
  [
    'requalified to a type without SLA',
    history('2026-01-12 08:00', 'critique', steps(['2026-01-12 08:30', { countsTowardSla: false }])),
    '2026-01-12 12:00',
    'engagement',
    { state: 'not_applicable', due: null, elapsed: 0 },
  ],
];
