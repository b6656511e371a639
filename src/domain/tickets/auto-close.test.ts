import { describe, expect, it } from 'vitest';
import { zurichInstant } from '../calendar/zurich-time';
import {
  addCalendarDays,
  catchUpDueAt,
  defaultAutoCloseDelays as delays,
  projectedSchedule,
  reminderSchedule,
} from './auto-close';
import { zurichWallClock } from './auto-close-oracle';

const local = (instant: Date) => {
  const wall = zurichWallClock(instant);
  return `${wall.date} ${wall.time} ${wall.offset}`;
};

describe('R9 calendar days in Europe/Zurich', () => {
  it('keeps the local time across the autumn change (the reported case)', () => {
    const schedule = reminderSchedule(zurichInstant('2026-10-25 10:00'), delays);
    expect(local(schedule.reminder1At)).toBe('2026-11-04 10:00:00 GMT+1');
    expect(local(schedule.reminder2At)).toBe('2026-11-09 10:00:00 GMT+1');
    expect(local(schedule.closeAt)).toBe('2026-11-14 10:00:00 GMT+1');
  });

  it('keeps the local time across the spring change', () => {
    const schedule = reminderSchedule(zurichInstant('2027-03-20 09:30'), delays);
    expect(local(schedule.reminder1At)).toBe('2027-03-30 09:30:00 GMT+2');
    expect(local(schedule.closeAt)).toBe('2027-04-09 09:30:00 GMT+2');
    // 20 days of 24 hours would have been one hour late by the calendar.
    expect(schedule.closeAt.getTime() - zurichInstant('2027-03-20 09:30').getTime()).toBe(
      20 * 86_400_000 - 3_600_000,
    );
  });

  it('keeps seconds and milliseconds', () => {
    const entered = new Date('2027-06-01T08:12:34.567Z');
    expect(addCalendarDays(entered, 10).toISOString()).toBe('2027-06-11T08:12:34.567Z');
  });

  it('puts a local time that does not exist that day at the jump, 03:00 summer time', () => {
    // 2027-03-28: the clocks jump from 02:00 to 03:00.
    const entered = new Date('2027-03-18T01:30:20Z'); // 02:30:20 winter time
    expect(local(addCalendarDays(entered, 10))).toBe('2027-03-28 03:00:00 GMT+2');
    expect(local(addCalendarDays(entered, 15))).toBe('2027-04-02 02:30:20 GMT+2');
  });

  it('puts a local time that exists twice that day at its first occurrence, summer time', () => {
    // 2027-10-31: 02:00–02:59 happens twice.
    const entered = zurichInstant('2027-10-21 02:30');
    expect(local(addCalendarDays(entered, 10))).toBe('2027-10-31 02:30:00 GMT+2');
    // An entry in the second occurrence (winter time) keeps its local time too.
    const second = new Date('2027-10-31T01:30:00Z');
    expect(local(second)).toBe('2027-10-31 02:30:00 GMT+1');
    expect(local(addCalendarDays(second, 10))).toBe('2027-11-10 02:30:00 GMT+1');
    // Zero days later is the instant itself, not its first occurrence an hour before.
    expect(addCalendarDays(second, 0)).toEqual(second);
  });
});

describe('R9 catch-up rule', () => {
  const entered = zurichInstant('2027-05-03 10:00');
  const nominal = reminderSchedule(entered, delays);

  it('keeps the dates when each reminder left on its date', () => {
    expect(
      projectedSchedule(nominal, delays, {
        reminder1At: nominal.reminder1At,
        reminder2At: nominal.reminder2At,
      }),
    ).toEqual(nominal);
    expect(projectedSchedule(nominal, delays, {})).toEqual(nominal);
  });

  it('after an outage over days 9–26, spaces reminder 2 and the closing from the late reminder 1', () => {
    const resumed = zurichInstant('2027-05-29 11:15'); // day 26
    const schedule = projectedSchedule(nominal, delays, { reminder1At: resumed });
    expect(local(schedule.reminder2At)).toBe('2027-06-03 11:15:00 GMT+2');
    expect(local(schedule.closeAt)).toBe('2027-06-08 11:15:00 GMT+2');
  });

  it('after an outage over days 15–20, moves only the closing', () => {
    const resumed = zurichInstant('2027-05-23 08:00'); // day 20
    const schedule = projectedSchedule(nominal, delays, {
      reminder1At: nominal.reminder1At,
      reminder2At: resumed,
    });
    expect(schedule.reminder2At).toEqual(resumed);
    expect(local(schedule.closeAt)).toBe('2027-05-28 08:00:00 GMT+2');
  });

  it('never moves a step earlier than its own date', () => {
    const early = new Date(nominal.reminder1At.getTime() - 3_600_000);
    expect(
      catchUpDueAt(
        'reminder_2',
        nominal.reminder2At,
        { nominalAt: nominal.reminder1At, sentAt: early },
        delays,
      ),
    ).toEqual(nominal.reminder2At);
    const slightlyLate = new Date(nominal.reminder1At.getTime() + 1000);
    expect(
      catchUpDueAt(
        'reminder_2',
        nominal.reminder2At,
        { nominalAt: nominal.reminder1At, sentAt: slightlyLate },
        delays,
      ).getTime(),
    ).toBe(nominal.reminder2At.getTime() + 1000);
  });
});
