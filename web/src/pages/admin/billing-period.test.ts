import { describe, expect, it } from 'vitest';
import { monthSoFar, previousMonth } from './billing-period';

describe('the billing page default period', () => {
  it('is the previous calendar month, across a year and a leap February', () => {
    expect(previousMonth('2026-12-02')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(previousMonth('2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(previousMonth('2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('offers the month so far', () => {
    expect(monthSoFar('2026-12-02')).toEqual({ from: '2026-12-01', to: '2026-12-02' });
  });
});
