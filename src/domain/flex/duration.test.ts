import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimalHours, minutesOfHours, sumMinutes } from './duration';

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
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a fractional movement', () => {
    expect(() => sumMinutes([60, 0.5])).toThrow(RangeError);
  });
});
