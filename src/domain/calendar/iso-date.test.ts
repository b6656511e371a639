import { describe, expect, it } from 'vitest';
import { addDaysToIsoDate, addMonthsToIsoDate } from './iso-date';

describe('ISO date arithmetic', () => {
  it('adds calendar days across months, years and leap days', () => {
    expect(addDaysToIsoDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToIsoDate('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDaysToIsoDate('2027-03-28', 0)).toBe('2027-03-28');
  });

  it('adds months keeping the day, or the last day of a shorter month', () => {
    expect(addMonthsToIsoDate('2026-12-02', 12)).toBe('2027-12-02');
    expect(addMonthsToIsoDate('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonthsToIsoDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsToIsoDate('2027-03-31', -1)).toBe('2027-02-28');
  });
});
