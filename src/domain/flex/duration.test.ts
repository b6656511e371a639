import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDecimalHours,
  formatHoursMinutes,
  minutesOfHours,
  parseHoursMinutes,
  sumMinutes,
} from './duration';

describe('formatHoursMinutes', () => {
  it.each([
    [0, '0 h 00'],
    [5, '0 h 05'],
    [59, '0 h 59'],
    [60, '1 h 00'],
    [90, '1 h 30'],
    [600, '10 h 00'],
    [-15, '-0 h 15'],
    [-75, '-1 h 15'],
    [-30, '-0 h 30'],
    [-605, '-10 h 05'],
    [123_456, '2057 h 36'],
  ])('%i minutes reads "%s"', (minutes, text) => {
    expect(formatHoursMinutes(minutes)).toBe(text);
  });

  it('refuses fractions of a minute', () => {
    expect(() => formatHoursMinutes(1.5)).toThrow(RangeError);
  });

  it('round-trips through parseHoursMinutes for any whole number of minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (minutes) => {
        expect(parseHoursMinutes(formatHoursMinutes(minutes))).toBe(minutes);
      }),
    );
  });
});

describe('parseHoursMinutes', () => {
  it('rejects text of another shape', () => {
    expect(parseHoursMinutes('1:30')).toBeNull();
    expect(parseHoursMinutes('1 h 60')).toBeNull();
    expect(parseHoursMinutes('1 h 5')).toBeNull();
  });
});

describe('formatDecimalHours', () => {
  it.each([
    [0, '0.00'],
    [90, '1.50'],
    [20, '0.33'],
    [40, '0.67'],
    [1, '0.02'],
    [-45, '-0.75'],
    [6000, '100.00'],
  ])('%i minutes are %s hours', (minutes, text) => {
    expect(formatDecimalHours(minutes)).toBe(text);
  });

  it('stays within half a hundredth of the exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (minutes) => {
        const shown = Number(formatDecimalHours(minutes));
        expect(Math.abs(shown - minutes / 60)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });
});

describe('minutesOfHours', () => {
  it('converts hours bought to whole minutes', () => {
    expect(minutesOfHours(10)).toBe(600);
    expect(minutesOfHours(7.5)).toBe(450);
    expect(minutesOfHours(0.25)).toBe(15);
  });

  it('refuses amounts that are not whole minutes', () => {
    expect(minutesOfHours(0.001)).toBeNull();
    expect(minutesOfHours(Number.NaN)).toBeNull();
  });
});

describe('sumMinutes', () => {
  it('is the exact integer sum of any long ledger of signed movements', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100_000, max: 100_000 }), { maxLength: 5_000 }),
        (movements) => {
          const total = sumMinutes(movements);
          expect(Number.isInteger(total)).toBe(true);
          expect(total).toBe(movements.reduce((a, b) => a + b, 0));
          // Order does not matter: the balance is the same whatever the order of movements.
          expect(sumMinutes([...movements].reverse())).toBe(total);
          expect(parseHoursMinutes(formatHoursMinutes(total))).toBe(total);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a fractional movement', () => {
    expect(() => sumMinutes([60, 0.5])).toThrow(RangeError);
  });
});
