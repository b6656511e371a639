/**
 * fast-check generators of calendars and instants, shared by the calendar and SLA property
 * tests. Test support only.
 */
import fc from 'fast-check';
import {
  type CalendarConfig,
  defaultCalendarConfig,
  type OpeningInterval,
  WEEKDAYS,
} from './calendar-config';
import { isoDateOf } from './iso-date';

// Boundaries near midnight and the 02:00–03:00 DST hour are the interesting ones.
const minuteOfDay = fc.oneof(
  fc.integer({ min: 0, max: 1440 }),
  fc.constantFrom(0, 60, 120, 150, 180, 210, 1440),
);
const interval: fc.Arbitrary<OpeningInterval> = fc
  .tuple(minuteOfDay, minuteOfDay)
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
const dayInRange = fc.integer({ min: 20_089, max: 21_183 }).map(isoDateOf); // 2025-01-01 … 2027-12-31

export const arbitraryCalendarConfig: fc.Arbitrary<CalendarConfig> = fc
  .record({
    week: fc.tuple(...WEEKDAYS.map(() => fc.array(interval, { maxLength: 3 }))),
    extraClosedDays: fc
      .uniqueArray(dayInRange, { maxLength: 15 })
      .map((dates) => dates.map((date) => ({ date }))),
    specialHours: fc.uniqueArray(
      fc.record({ date: dayInRange, intervals: fc.array(interval, { maxLength: 2 }) }),
      {
        maxLength: 5,
        selector: (special) => special.date,
      },
    ),
    eveClosingMinute: fc.option(fc.integer({ min: 0, max: 1440 })),
  })
  .filter(({ week }) => week.some((intervals) => intervals.length > 0))
  .map(({ week, extraClosedDays, specialHours, eveClosingMinute }) => ({
    ...defaultCalendarConfig,
    weeklyHours: Object.fromEntries(
      WEEKDAYS.map((day, index) => [day, week[index] ?? []]),
    ) as CalendarConfig['weeklyHours'],
    extraClosedDays,
    specialHours,
    eveClosingMinute,
  }));

export const arbitraryInstant = fc
  .integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-10-01T00:00:00Z') })
  .map((ms) => new Date(ms));
