import { describe, expect, it } from 'vitest';
import { businessCalendar } from './business-calendar';
import { type CalendarConfig, defaultCalendarConfig } from './calendar-config';
import { calendarConfigProblems } from './calendar-config-validation';
import { zurichInstant as at, zurichLocalString as local } from './zurich-time';

const calendar = businessCalendar(defaultCalendarConfig);

// [from (Zurich local), business minutes to add, expected due (Zurich local)] — why, in the comment.
const additions: Array<[string, number, string]> = [
  ['2026-01-07 09:00', 60, '2026-01-07 10:00'], // Wednesday morning, nothing in the way
  ['2026-01-07 22:00', 60, '2026-01-08 09:00'], // created at night: counting starts Thursday 08:00
  ['2026-01-08 06:15', 30, '2026-01-08 08:30'], // before opening: starts at 08:00
  ['2026-01-10 10:00', 60, '2026-01-12 09:00'], // Saturday: nothing counts until Monday 08:00
  ['2026-01-07 12:45', 60, '2026-01-07 14:30'], // in the lunch break: starts at 13:30
  ['2026-01-07 11:30', 60, '2026-01-07 14:00'], // 30 min before noon, 30 after 13:30
  ['2026-01-07 11:30', 30, '2026-01-07 12:00'], // end-inclusive: exactly the morning's rest ends at 12:00
  ['2026-01-07 12:30', 0, '2026-01-07 13:30'], // 0 minutes in closed time: the next opening
  ['2026-01-07 12:00', 0, '2026-01-07 12:00'], // 0 minutes at an interval end: that end itself
  ['2026-01-09 17:30', 60, '2026-01-12 09:00'], // Friday after 17:00: Monday 08:00 + 1 h
  ['2026-01-09 16:30', 60, '2026-01-12 08:30'], // Friday closes at 17:00: 30 min, then 30 on Monday
  ['2026-01-16 15:00', 480, '2026-01-19 15:30'], // 8 h over a weekend: Fri 2 h + Mon 4 h + 2 h from 13:30
  ['2026-05-13 15:00', 120, '2026-05-15 09:00'], // eve of Ascension closes 16:00, Ascension closed, Fri 08:00+1 h
  ['2025-05-28 17:00', 60, '2025-05-30 09:00'], // after the 16:00 eve closing of Ascension 2025 (May 29)
  ['2025-12-24 15:30', 60, '2025-12-29 08:30'], // Christmas eve closes 16:00; Dec 25, St Stephen Dec 26, weekend
  ['2026-12-24 17:00', 30, '2026-12-28 08:30'], // Christmas 2026 is a Friday: next opening Monday Dec 28
  ['2025-12-31 15:00', 120, '2026-01-05 09:00'], // New Year's eve closes 16:00; Jan 1, Berchtoldstag Jan 2 (Fri)
  ['2025-01-01 10:00', 60, '2025-01-03 09:00'], // New Year and Berchtoldstag (Thu Jan 2 2025) both closed
  ['2026-04-02 15:30', 60, '2026-04-07 08:30'], // eve of Good Friday 16:00; Good Friday, Easter, Easter Monday
  ['2025-04-19 10:00', 60, '2025-04-22 09:00'], // Easter Saturday 2025: Easter Monday Apr 21 is closed too
  ['2026-05-22 16:30', 60, '2026-05-26 08:30'], // Friday before Whit Monday (the eve is Saturday, no effect)
  ['2027-05-14 16:00', 120, '2027-05-18 09:00'], // Whit Monday 2027 is May 17
  ['2025-07-31 15:00', 120, '2025-08-04 09:00'], // eve of Aug 1 2025 (Fri) closes 16:00; national day closed
  ['2026-07-31 15:30', 60, '2026-08-03 08:30'], // Aug 1 2026 is a Saturday: its eve, Friday, still closes 16:00
  ['2027-03-25 15:00', 120, '2027-03-30 09:00'], // eve of Good Friday 2027; DST and Easter Monday Mar 29
];

describe('addBusinessMinutes (hand-computed, default calendar)', () => {
  it.each(additions)('%s + %i min → %s', (from, minutes, expected) => {
    expect(local(calendar.addBusinessMinutes(at(from), minutes))).toBe(expected);
  });
});

// Targets spanning a DST weekend must land on the right UTC instant, not one hour off.
const acrossDaylightSaving: Array<[string, number, string]> = [
  ['2026-03-27 16:00', 120, '2026-03-30T07:00:00.000Z'], // 1 h Fri (CET) + Mon 08:00–09:00 CEST = 07:00 UTC
  ['2026-10-23 16:00', 120, '2026-10-26T08:00:00.000Z'], // 1 h Fri (CEST) + Mon 08:00–09:00 CET = 08:00 UTC
  ['2025-03-28 17:00', 480, '2025-03-31T15:30:00.000Z'], // Fri closed; Mon 4 h + 13:30–17:30 CEST = 15:30 UTC
  ['2027-10-29 11:00', 600, '2027-11-01T14:00:00.000Z'], // Fri 1 h + 3.5 h, Mon 4 h + 1.5 h: 15:00 CET
];

describe('addBusinessMinutes across daylight-saving changes', () => {
  it.each(acrossDaylightSaving)('%s + %i min → %s', (from, minutes, expected) => {
    expect(calendar.addBusinessMinutes(at(from), minutes).toISOString()).toBe(expected);
  });
});

// [from, to, expected business minutes]
const spans: Array<[string, string, number]> = [
  ['2026-01-07 08:00', '2026-01-07 18:00', 510], // a full Mon–Thu day: 4 h + 4 h 30
  ['2026-01-09 00:00', '2026-01-10 00:00', 450], // a full Friday: 4 h + 3 h 30
  ['2026-01-12 00:00', '2026-01-19 00:00', 2490], // a full week: 4 × 510 + 450
  ['2025-12-24 00:00', '2025-12-27 00:00', 390], // Christmas eve until 16:00 (4 h + 2 h 30), then two holidays
  ['2026-03-28 00:00', '2026-03-30 09:00', 60], // the 23-hour DST Sunday adds nothing; Monday 08:00–09:00
  ['2026-01-07 10:00', '2026-01-07 09:00', 0], // reversed span
];

describe('businessMinutesBetween (hand-computed)', () => {
  it.each(spans)('%s → %s = %i', (from, to, expected) => {
    expect(calendar.businessMinutesBetween(at(from), at(to))).toBe(expected);
  });

  it('truncates both instants to the minute', () => {
    const from = new Date(at('2026-01-07 09:00').getTime() + 59_000);
    const to = new Date(at('2026-01-07 10:00').getTime() + 30_000);
    expect(calendar.businessMinutesBetween(from, to)).toBe(60);
  });
});

describe('isOpen and nextOpening', () => {
  it('treats an interval as [start, end)', () => {
    expect(calendar.isOpen(at('2026-01-07 11:59'))).toBe(true);
    expect(calendar.isOpen(at('2026-01-07 12:00'))).toBe(false);
    expect(calendar.isOpen(at('2026-01-07 13:30'))).toBe(true);
    expect(calendar.isOpen(at('2026-01-09 17:00'))).toBe(false); // Friday closes at 17:00
    expect(calendar.isOpen(at('2026-05-13 15:59'))).toBe(true);
    expect(calendar.isOpen(at('2026-05-13 16:00'))).toBe(false); // eve of Ascension
  });

  it('returns the instant itself, truncated, when open', () => {
    const instant = new Date(at('2026-01-07 10:17').getTime() + 45_000);
    expect(local(calendar.nextOpening(instant))).toBe('2026-01-07 10:17');
  });

  it('skips Christmas and the weekend after a closed Christmas eve', () => {
    expect(local(calendar.nextOpening(at('2026-12-24 16:30')))).toBe('2026-12-28 08:00');
  });
});

describe('openIntervalsOn and closedDaysBetween', () => {
  it('shortens a holiday eve and empties a holiday', () => {
    const eve = calendar.openIntervalsOn('2026-12-24');
    expect(eve.map((i) => [i.localStartMinute, i.localEndMinute])).toEqual([
      [480, 720],
      [810, 960],
    ]);
    expect(eve[1]?.end.toISOString()).toBe('2026-12-24T15:00:00.000Z');
    expect(calendar.openIntervalsOn('2026-12-25')).toEqual([]);
  });

  it('lists the public holidays of Bern in 2026, from date-holidays', () => {
    const days = calendar.closedDaysBetween(at('2026-01-01 00:00'), at('2026-12-31 23:59'), {
      language: 'de',
    });
    expect(days.map((d) => d.date)).toEqual([
      '2026-01-01',
      '2026-01-02', // Berchtoldstag
      '2026-04-03', // Good Friday
      '2026-04-05', // Easter Sunday (a Sunday, listed because it is a public holiday)
      '2026-04-06', // Easter Monday
      '2026-05-14', // Ascension
      '2026-05-24', // Whit Sunday
      '2026-05-25', // Whit Monday
      '2026-08-01', // national day
      '2026-09-20', // Federal Fast (a Sunday)
      '2026-12-25',
      '2026-12-26', // St Stephen
    ]);
    expect(days.every((d) => d.reason === 'holiday')).toBe(true);
    expect(days[1]?.name).toBe('Berchtoldstag');
  });

  it('lists weekends only when asked', () => {
    const week = calendar.closedDaysBetween(at('2026-01-05 12:00'), at('2026-01-11 12:00'), {
      includeWeekends: true,
    });
    expect(week).toEqual([
      { date: '2026-01-10', reason: 'weekend' },
      { date: '2026-01-11', reason: 'weekend' },
    ]);
  });
});

describe('admin configuration', () => {
  const custom: CalendarConfig = {
    ...defaultCalendarConfig,
    extraClosedDays: [{ date: '2026-01-07', label: 'Inventaire' }],
    specialHours: [
      { date: '2026-01-10', intervals: [{ start: 540, end: 660 }], label: 'Migration' },
      { date: '2026-08-01', intervals: [{ start: 600, end: 720 }] },
    ],
  };
  const customCalendar = businessCalendar(custom);

  it('skips an extra closed day', () => {
    // Tuesday 17:30–18:00, Wednesday closed for inventory, Thursday 08:00 + 30 min.
    expect(local(customCalendar.addBusinessMinutes(at('2026-01-06 17:30'), 60))).toBe('2026-01-08 08:30');
    expect(customCalendar.closedDaysBetween(at('2026-01-07 00:00'), at('2026-01-07 23:00'))).toEqual([
      { date: '2026-01-07', reason: 'extra', name: 'Inventaire' },
    ]);
  });

  it('opens on special hours, even on a Saturday or a holiday', () => {
    // Friday 16:30–17:00, then Saturday's special 09:00–11:00: 60 more minutes end at 10:00.
    expect(local(customCalendar.addBusinessMinutes(at('2026-01-09 16:30'), 90))).toBe('2026-01-10 10:00');
    expect(customCalendar.isOpen(at('2026-08-01 10:30'))).toBe(true);
  });

  it('can turn the eve rule off', () => {
    const noEves = businessCalendar({ ...defaultCalendarConfig, eveClosingMinute: null });
    expect(noEves.isOpen(at('2026-12-24 17:00'))).toBe(true);
  });

  it('refuses invalid configurations with readable problems', () => {
    const broken: CalendarConfig = {
      ...defaultCalendarConfig,
      weeklyHours: { ...defaultCalendarConfig.weeklyHours, monday: [{ start: 600, end: 540 }] },
      extraClosedDays: [{ date: '2026-02-30' }],
      holidayRegion: { country: 'CH', state: 'XX' },
    };
    expect(calendarConfigProblems(broken)).toHaveLength(3);
    expect(() => businessCalendar(broken)).toThrow(/monday: interval 600–540/);
    expect(calendarConfigProblems(defaultCalendarConfig)).toEqual([]);
  });

  it('refuses negative or fractional minutes, and a calendar that never opens', () => {
    expect(() => calendar.addBusinessMinutes(at('2026-01-07 09:00'), -1)).toThrow(RangeError);
    expect(() => calendar.addBusinessMinutes(at('2026-01-07 09:00'), 1.5)).toThrow(RangeError);
    const never = businessCalendar({
      ...defaultCalendarConfig,
      weeklyHours: {
        ...defaultCalendarConfig.weeklyHours,
        monday: [],
        tuesday: [],
        wednesday: [],
        thursday: [],
        friday: [],
      },
    });
    expect(() => never.addBusinessMinutes(at('2026-01-07 09:00'), 1)).toThrow(/no opening hours/);
  });

  it('adds 160 business hours across four weeks of the real calendar', () => {
    // Monday 2 Feb 2026 09:00: 7.5 h that day, 33 h to Friday, two weeks of 41.5 h, then 36.5 h
    // of the fourth week end on Friday 27 Feb at 10:30 (no holiday in between).
    expect(calendar.addBusinessMinutes(at('2026-02-02 09:00'), 9600)).toEqual(at('2026-02-27 10:30'));
  });
});
