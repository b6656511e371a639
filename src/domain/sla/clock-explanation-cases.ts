/**
 * The hand-described tickets of clock-explanation.test.ts, in three files by subject: opening hours,
 * weekends, holidays and clock changes here; pauses in clock-explanation-pause-cases.ts; criticality
 * changes, closing and transfers in clock-explanation-stop-cases.ts.
 */
import type { ClockExplanation } from './clock-explanation';
import type { Criticality } from './criticality';
import { history, type Step } from './sla-test-support';
import type { TicketEvent, TicketStatus } from './ticket-events';

export const steps = (...list: Array<[string, Step]>) => list;

/**
 * A ticket described by hand: its history, and what its explanation must list — the criticality
 * whose target applies, the due time, the business minutes used, each pause (reason, wall-clock
 * minutes), the closed days skipped, the closed wall-clock minutes, whether a holiday eve shortened
 * a day — all before the due time. Each `closed` figure is the sum of the nights, lunches and
 * closed days between start and due, worked out in the comment.
 */
export interface Described {
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

/** Opening hours, nights, weekends, holidays and their eves, daylight-saving changes. */
export const calendarCases: Described[] = [
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
];
