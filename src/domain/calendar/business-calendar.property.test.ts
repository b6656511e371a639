import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessCalendar } from './business-calendar';
import {
  arbitraryCalendarConfig as calendarConfig,
  arbitraryInstant as instant,
} from './calendar-arbitraries';

const MINUTE = 60_000;
const RUNS = { numRuns: 200 };

// Small and zero durations are where interval ends and boundary conventions show.
const minutes = fc.oneof(
  fc.constantFrom(0, 1),
  fc.integer({ min: 0, max: 600 }),
  fc.integer({ min: 0, max: 12_000 }),
);

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
    const offset = fc.integer({ min: 0, max: 90 * 24 * 60 * MINUTE });
    fc.assert(
      fc.property(calendarConfig, instant, offset, offset, (config, a, first, second) => {
        const calendar = businessCalendar(config);
        const b = new Date(a.getTime() + Math.min(first, second));
        const c = new Date(a.getTime() + Math.max(first, second));
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

  it('accepts every interval end as a due time: its own length from its start, and 0 more', () => {
    fc.assert(
      fc.property(calendarConfig, instant, (config, day) => {
        const calendar = businessCalendar(config);
        const date = day.toISOString().slice(0, 10);
        for (const interval of calendar.openIntervalsOn(date)) {
          const length = (interval.end.getTime() - interval.start.getTime()) / MINUTE;
          expect(calendar.addBusinessMinutes(interval.start, length)).toEqual(interval.end);
          expect(calendar.addBusinessMinutes(interval.end, 0)).toEqual(interval.end);
        }
      }),
      RUNS,
    );
  });
});
