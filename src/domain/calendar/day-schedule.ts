/**
 * What a single local day looks like under a calendar configuration: its opening intervals in
 * local minutes, and why it is closed when it is. Precedence, strongest first:
 * extra closed day › special hours › public holiday › weekly hours; then the eve rule shortens
 * weekly hours on the day before a public holiday (special hours are taken as written).
 */
import type { CalendarConfig, OpeningInterval } from './calendar-config';
import { WEEKDAYS } from './calendar-config';
import { dayNumberOf, isoDateOf, isoWeekdayOf, yearOf } from './iso-date';
import { type PublicHoliday, publicHolidaysIn } from './public-holidays';

/** Why a day has no opening hours. 'weekend' covers any day the weekly hours leave closed. */
export type ClosedReason = 'weekend' | 'holiday' | 'extra';

export interface ScheduledDay {
  dayNumber: number;
  /** Sorted, non-overlapping, non-touching intervals in local minutes. */
  intervals: OpeningInterval[];
  closedReason: ClosedReason | null;
  holiday?: PublicHoliday;
  label?: string;
}

export type DayScheduler = (dayNumber: number) => ScheduledDay;

export function dayScheduler(config: CalendarConfig): DayScheduler {
  const extraClosed = new Map(config.extraClosedDays.map((day) => [dayNumberOf(day.date), day]));
  const special = new Map(config.specialHours.map((day) => [dayNumberOf(day.date), day]));
  const holidayOn = (dayNumber: number) =>
    publicHolidaysIn(config.holidayRegion, yearOf(dayNumber)).get(isoDateOf(dayNumber));

  return (dayNumber) => {
    const closed = extraClosed.get(dayNumber);
    if (closed) return closedDay(dayNumber, 'extra', { label: closed.label });
    const specialDay = special.get(dayNumber);
    if (specialDay) {
      const intervals = normalise(specialDay.intervals);
      if (intervals.length === 0) return closedDay(dayNumber, 'extra', { label: specialDay.label });
      return { dayNumber, intervals, closedReason: null, label: specialDay.label };
    }
    const holiday = holidayOn(dayNumber);
    if (holiday) return closedDay(dayNumber, 'holiday', { holiday });
    const weekday = WEEKDAYS[isoWeekdayOf(dayNumber) - 1] ?? 'monday';
    let intervals = normalise(config.weeklyHours[weekday] ?? []);
    if (config.eveClosingMinute !== null && holidayOn(dayNumber + 1)) {
      intervals = closeAt(intervals, config.eveClosingMinute);
    }
    if (intervals.length === 0) return closedDay(dayNumber, 'weekend', {});
    return { dayNumber, intervals, closedReason: null };
  };
}

function closedDay(
  dayNumber: number,
  closedReason: ClosedReason,
  details: { holiday?: PublicHoliday; label?: string },
): ScheduledDay {
  return { dayNumber, intervals: [], closedReason, ...details };
}

/** Sorts and merges overlapping or touching intervals so that every boundary is a real change. */
export function normalise(intervals: OpeningInterval[]): OpeningInterval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((x, y) => x.start - y.start);
  const merged: OpeningInterval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

function closeAt(intervals: OpeningInterval[], closingMinute: number): OpeningInterval[] {
  return intervals
    .filter((interval) => interval.start < closingMinute)
    .map((interval) => ({ start: interval.start, end: Math.min(interval.end, closingMinute) }));
}
