import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessCalendar } from './business-calendar';
import {
  type CalendarConfig,
  defaultCalendarConfig,
  type OpeningInterval,
  WEEKDAYS,
} from './calendar-config';
import { isoDateOf } from './iso-date';

const MINUTE = 60_000;
const RUNS = { numRuns: 200 };

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

const calendarConfig: fc.Arbitrary<CalendarConfig> = fc
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

const instant = fc
  .integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-10-01T00:00:00Z') })
  .map((ms) => new Date(ms));
const minutes = fc.integer({ min: 0, max: 12_000 });

describe('business calendar properties (random calendars)', () => {
  it('adding x then y equals adding x + y', () => {
    fc.assert(
      fc.property(calendarConfig, instant, minutes, minutes, (config, start, x, y) => {
        const calendar = businessCalendar(config);
        const stepwise = calendar.addBusinessMinutes(calendar.addBusinessMinutes(start, x), y);
        expect(stepwise).toEqual(calendar.addBusinessMinutes(start, x + y));
      }),
      RUNS,
    );
  });

  it('counts back exactly the minutes added, and the result is the earliest such instant', () => {
    fc.assert(
      fc.property(calendarConfig, instant, minutes, (config, start, x) => {
        const calendar = businessCalendar(config);
        const due = calendar.addBusinessMinutes(start, x);
        expect(calendar.businessMinutesBetween(start, due)).toBe(x);
        if (x > 0) {
          expect(calendar.businessMinutesBetween(start, new Date(due.getTime() - MINUTE))).toBe(x - 1);
        }
      }),
      RUNS,
    );
  });

  it('never puts a due time in closed time (open, or the end of an open interval)', () => {
    fc.assert(
      fc.property(calendarConfig, instant, minutes, (config, start, x) => {
        const calendar = businessCalendar(config);
        const due = calendar.addBusinessMinutes(start, x);
        const endOfInterval = calendar.isOpen(new Date(due.getTime() - MINUTE));
        expect(calendar.isOpen(due) || endOfInterval).toBe(true);
      }),
      RUNS,
    );
  });

  it('splits spans additively', () => {
    fc.assert(
      fc.property(calendarConfig, instant, instant, instant, (config, ...instants) => {
        const calendar = businessCalendar(config);
        const [a, b, c] = instants.sort((x, y) => x.getTime() - y.getTime()) as [Date, Date, Date];
        const split = calendar.businessMinutesBetween(a, b) + calendar.businessMinutesBetween(b, c);
        expect(split).toBe(calendar.businessMinutesBetween(a, c));
      }),
      RUNS,
    );
  });

  it('agrees with counting open minutes one by one', () => {
    const span = fc.integer({ min: 0, max: 1500 });
    fc.assert(
      fc.property(calendarConfig, instant, span, (config, start, length) => {
        const calendar = businessCalendar(config);
        const from = Math.floor(start.getTime() / MINUTE) * MINUTE;
        let open = 0;
        for (let m = 0; m < length; m++) if (calendar.isOpen(new Date(from + m * MINUTE))) open++;
        expect(calendar.businessMinutesBetween(start, new Date(from + length * MINUTE))).toBe(open);
      }),
      { numRuns: 50 },
    );
  });

  it('finds the next opening as an open instant with no open minute before it', () => {
    fc.assert(
      fc.property(calendarConfig, instant, (config, start) => {
        const calendar = businessCalendar(config);
        const opening = calendar.nextOpening(start);
        expect(calendar.isOpen(opening)).toBe(true);
        expect(calendar.businessMinutesBetween(start, opening)).toBe(0);
      }),
      RUNS,
    );
  });
});
