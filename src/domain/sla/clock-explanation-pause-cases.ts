/** Hand-described tickets whose clock pauses (see clock-explanation-cases.ts). */
import { type Described, steps } from './clock-explanation-cases';
import { history } from './sla-test-support';

export const pauseCases: Described[] = [
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
