import { describe, expect, it } from 'vitest';
import { dayNumberOf, isoWeekdayOf, parseIsoDate } from './iso-date';
import { instantOfLocalTime, localTimeAt, utcOffsetAt } from './zoned-time';
import { zurichInstant, zurichLocalString } from './zurich-time';

const ZURICH = 'Europe/Zurich';
const epochMinute = (iso: string) => Date.parse(iso) / 60_000;
const local = (date: string, hours: number, minutes = 0) => ({
  dayNumber: dayNumberOf(date),
  minuteOfDay: hours * 60 + minutes,
});

describe('iso dates', () => {
  it('rejects impossible dates', () => {
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('26-01-01')).toBeNull();
    expect(parseIsoDate('2028-02-29')).not.toBeNull();
  });

  it('knows ISO weekdays', () => {
    expect(isoWeekdayOf(dayNumberOf('2026-01-05'))).toBe(1); // a Monday
    expect(isoWeekdayOf(dayNumberOf('2026-03-29'))).toBe(7); // a Sunday
    expect(isoWeekdayOf(dayNumberOf('1969-12-31'))).toBe(3); // a Wednesday, before day 0
  });
});

describe('Zurich wall-clock time', () => {
  it('has +1 h in winter and +2 h in summer', () => {
    expect(utcOffsetAt(epochMinute('2026-01-15T12:00:00Z'), ZURICH)).toBe(60);
    expect(utcOffsetAt(epochMinute('2026-07-15T12:00:00Z'), ZURICH)).toBe(120);
  });

  it('maps ordinary local times both ways', () => {
    const instant = instantOfLocalTime(local('2026-01-15', 9, 30), ZURICH);
    expect(instant).toBe(epochMinute('2026-01-15T08:30:00Z'));
    expect(localTimeAt(instant, ZURICH)).toEqual(local('2026-01-15', 9, 30));
  });

  it('switches to summer time on 2026-03-29 at 01:00 UTC', () => {
    expect(instantOfLocalTime(local('2026-03-29', 1, 59), ZURICH)).toBe(epochMinute('2026-03-29T00:59:00Z'));
    expect(instantOfLocalTime(local('2026-03-29', 3, 0), ZURICH)).toBe(epochMinute('2026-03-29T01:00:00Z'));
  });

  it('maps every time in the spring gap to the jump, so intervals never run backwards', () => {
    const jump = epochMinute('2026-03-29T01:00:00Z');
    expect(instantOfLocalTime(local('2026-03-29', 2, 0), ZURICH)).toBe(jump);
    expect(instantOfLocalTime(local('2026-03-29', 2, 59), ZURICH)).toBe(jump);
    expect(instantOfLocalTime(local('2027-03-28', 2, 30), ZURICH)).toBe(epochMinute('2027-03-28T01:00:00Z'));
  });

  it('takes the first occurrence in the autumn overlap', () => {
    // 2026-10-25: 03:00 summer time becomes 02:00 winter time at 01:00 UTC.
    expect(instantOfLocalTime(local('2026-10-25', 2, 30), ZURICH)).toBe(epochMinute('2026-10-25T00:30:00Z'));
    expect(instantOfLocalTime(local('2026-10-25', 3, 0), ZURICH)).toBe(epochMinute('2026-10-25T02:00:00Z'));
    expect(localTimeAt(epochMinute('2026-10-25T01:30:00Z'), ZURICH)).toEqual(local('2026-10-25', 2, 30));
  });

  it('reads and writes readable local strings', () => {
    expect(zurichInstant('2026-12-24 16:00').toISOString()).toBe('2026-12-24T15:00:00.000Z');
    expect(zurichLocalString(new Date('2026-06-30T22:30:59Z'))).toBe('2026-07-01 00:30');
    expect(() => zurichInstant('2026-12-24 24:00')).toThrow(RangeError);
    expect(() => zurichInstant('tomorrow')).toThrow(RangeError);
  });
});
