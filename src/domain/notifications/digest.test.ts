import { describe, expect, it } from 'vitest';
import { zurichInstant } from '../calendar/zurich-time';
import { digestDayDue } from './digest';

describe('the daily digest', () => {
  it('is due once a Zurich day, from 07:00 on', () => {
    expect(digestDayDue(zurichInstant('2026-03-10 06:59'), null)).toBeNull();
    expect(digestDayDue(zurichInstant('2026-03-10 07:00'), null)).toBe('2026-03-10');
    expect(digestDayDue(zurichInstant('2026-03-10 18:00'), '2026-03-09')).toBe('2026-03-10');
    expect(digestDayDue(zurichInstant('2026-03-10 18:00'), '2026-03-10')).toBeNull();
    expect(digestDayDue(zurichInstant('2026-03-11 06:00'), '2026-03-10')).toBeNull();
  });

  it('counts days in Zurich: 23:30 UTC is already the next day there', () => {
    expect(digestDayDue(new Date('2026-07-01T05:30:00Z'), '2026-06-30')).toBe('2026-07-01');
    expect(digestDayDue(new Date('2026-06-30T23:30:00Z'), null)).toBeNull();
  });
});
