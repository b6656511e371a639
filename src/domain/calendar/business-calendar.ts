/**
 * Business-time arithmetic over a calendar configuration, in Europe/Zurich, to the minute.
 *
 * Conventions:
 * - instants are truncated to the minute (see epoch-minute.ts);
 * - an open interval is [start, end): the minute starting at 12:00 is closed, so isOpen(12:00)
 *   is false, but a due time may equal an interval's end (adding the last 30 minutes of a
 *   morning at 11:30 gives 12:00, not 13:30);
 * - addBusinessMinutes returns the earliest instant at which the minutes have elapsed that lies
 *   within an open interval, ends included. For minutes > 0 the earliest instant always does;
 *   for 0 it is the instant itself when open or at an interval end, else the next opening.
 *   So a result never falls in closed time, and add(add(t, x), y) = add(t, x + y).
 * Work is done per day (a day's intervals are converted to instants once and cached), never
 * per minute.
 */
import type { CalendarConfig } from './calendar-config';
import { calendarConfigProblems } from './calendar-config-validation';
import { type ClosedReason, type DayScheduler, dayScheduler } from './day-schedule';
import { epochMinuteOf, instantOfEpochMinute } from './epoch-minute';
import { dayNumberOf, type IsoDate, isoDateOf } from './iso-date';
import type { HolidayLanguage } from './public-holidays';
import { instantOfLocalTime, localTimeAt } from './zoned-time';

/** The desk's time zone (R8). */
export const CALENDAR_TIME_ZONE = 'Europe/Zurich';

/** An opening interval of a particular day, both as instants and as local minutes. */
export interface OpenInterval {
  start: Date;
  end: Date;
  localStartMinute: number;
  localEndMinute: number;
}

/** A stretch of open time, in whole minutes since the epoch: [start, end). */
export interface OpenStretch {
  start: number;
  end: number;
}

export interface ClosedDay {
  date: IsoDate;
  reason: ClosedReason;
  /** Holiday name in the requested language, or the admin's label of an extra closed day. */
  name?: string;
}

export interface ClosedDaysOptions {
  /** Language of holiday names; default 'fr', the portal's reference language. */
  language?: HolidayLanguage;
  /** Also list days closed by the weekly hours (weekends); default false. */
  includeWeekends?: boolean;
}

/**
 * Business-time arithmetic for one calendar configuration. Instants are truncated to the minute
 * and every returned instant is a whole minute. Build it once per configuration and reuse it: it
 * caches each day's opening intervals.
 */
export interface BusinessCalendar {
  readonly config: CalendarConfig;
  /** True when the minute starting at `instant` is open; intervals are [start, end). */
  isOpen(instant: Date): boolean;
  /** `instant` itself (truncated) when open, else the start of the next opening interval. */
  nextOpening(instant: Date): Date;
  /**
   * The earliest instant at which `minutes` business minutes have elapsed since `instant` that
   * lies in [start, end] of an open interval: it may be an interval's end (11:30 + 30 → 12:00),
   * never inside closed time; with 0 minutes a closed instant moves to the next opening.
   * Throws a RangeError unless `minutes` is a non-negative integer.
   */
  addBusinessMinutes(instant: Date, minutes: number): Date;
  /**
   * The open intervals from `instant` on, in time order and without end: each one that ends at or
   * after `instant`, its start moved up to `instant` (so the first may have no length when
   * `instant` is an interval's end). addBusinessMinutes walks exactly these, and so does the SLA
   * explanation, which is why a due time and its explanation always agree.
   */
  openStretchesFrom(instant: Date): Iterable<OpenStretch>;
  /** Open minutes in [from, to); 0 when `to` is not after `from`. */
  businessMinutesBetween(from: Date, to: Date): number;
  /** The opening intervals of a local date ('YYYY-MM-DD'), after holidays, eves and overrides. */
  openIntervalsOn(date: IsoDate): OpenInterval[];
  /**
   * Closed days between the local dates of `from` and `to`, both included, oldest first:
   * holidays and extra closed days, and weekends only with `includeWeekends` (a year of
   * weekends would drown the holidays the portal wants to show).
   */
  closedDaysBetween(from: Date, to: Date, options?: ClosedDaysOptions): ClosedDay[];
}

/** An opening interval in epoch minutes, with the local minutes it came from. */
interface EpochInterval {
  start: number;
  end: number;
  localStart: number;
  localEnd: number;
}

// A calendar with no opening for ten years is a configuration error, not a long wait.
const MAX_CLOSED_DAYS_IN_A_ROW = 3660;

/**
 * Builds a business calendar. Throws a RangeError listing the problems when the configuration is
 * invalid (see calendarConfigProblems).
 */
export function businessCalendar(config: CalendarConfig): BusinessCalendar {
  const problems = calendarConfigProblems(config);
  if (problems.length > 0) throw new RangeError(`Invalid calendar configuration: ${problems.join('; ')}`);
  const schedule = dayScheduler(config);
  const intervalsOf = epochIntervals(schedule);
  const dayOf = (epochMinute: number) => localTimeAt(epochMinute, CALENDAR_TIME_ZONE).dayNumber;

  return {
    config,
    isOpen: (instant) => {
      const at = epochMinuteOf(instant);
      return intervalsOf(dayOf(at)).some((i) => i.start <= at && at < i.end);
    },
    nextOpening: (instant) => {
      const at = epochMinuteOf(instant);
      const found = firstInterval(intervalsOf, dayOf(at), (i) => i.end > at);
      return instantOfEpochMinute(Math.max(found.start, at));
    },
    addBusinessMinutes: (instant, minutes) =>
      instantOfEpochMinute(addMinutes(stretchesFrom(intervalsOf, dayOf, epochMinuteOf(instant)), minutes)),
    openStretchesFrom: (instant) => stretchesFrom(intervalsOf, dayOf, epochMinuteOf(instant)),
    businessMinutesBetween: (from, to) =>
      minutesBetween(intervalsOf, dayOf, epochMinuteOf(from), epochMinuteOf(to)),
    openIntervalsOn: (date) => openIntervalsOn(intervalsOf, dayNumberOf(date)),
    closedDaysBetween: (from, to, options = {}) =>
      closedDays(schedule, dayOf(epochMinuteOf(from)), dayOf(epochMinuteOf(to)), options),
  };
}

/** A day's intervals as epoch minutes, memoised per calendar. */
function epochIntervals(schedule: DayScheduler): (dayNumber: number) => EpochInterval[] {
  const cache = new Map<number, EpochInterval[]>();
  const toInstant = localToInstant();
  return (dayNumber) => {
    let intervals = cache.get(dayNumber);
    if (!intervals) {
      intervals = schedule(dayNumber)
        .intervals.map((i) => ({
          start: toInstant(dayNumber, i.start),
          end: toInstant(dayNumber, i.end),
          localStart: i.start,
          localEnd: i.end,
        }))
        // A local interval lying wholly in the spring DST gap lasts no real time.
        .filter((i) => i.end > i.start);
      cache.set(dayNumber, intervals);
    }
    return intervals;
  };
}

/**
 * Local time → epoch minute. Intl is slow, so on the many days without a DST change (local day
 * exactly 1440 minutes long) we add minutes to the day's midnight instead of asking Intl again.
 */
function localToInstant(): (dayNumber: number, minuteOfDay: number) => number {
  const midnights = new Map<number, number>();
  const midnight = (dayNumber: number) => {
    let instant = midnights.get(dayNumber);
    if (instant === undefined) {
      instant = instantOfLocalTime({ dayNumber, minuteOfDay: 0 }, CALENDAR_TIME_ZONE);
      midnights.set(dayNumber, instant);
    }
    return instant;
  };
  return (dayNumber, minuteOfDay) => {
    const start = midnight(dayNumber);
    if (midnight(dayNumber + 1) - start === 1440) return start + minuteOfDay;
    return instantOfLocalTime({ dayNumber, minuteOfDay }, CALENDAR_TIME_ZONE);
  };
}

function firstInterval(
  intervalsOf: (dayNumber: number) => EpochInterval[],
  fromDay: number,
  accept: (interval: EpochInterval) => boolean,
): EpochInterval {
  for (let day = fromDay; day < fromDay + MAX_CLOSED_DAYS_IN_A_ROW; day++) {
    const found = intervalsOf(day).find(accept);
    if (found) return found;
  }
  throw new RangeError('The business calendar has no opening hours in the next ten years');
}

function addMinutes(stretches: Iterable<OpenStretch>, minutes: number): number {
  if (!Number.isSafeInteger(minutes) || minutes < 0) {
    throw new RangeError(`Business minutes must be a non-negative integer, got ${minutes}`);
  }
  let left = minutes;
  for (const stretch of stretches) {
    if (left <= stretch.end - stretch.start) return stretch.start + left;
    left -= stretch.end - stretch.start;
  }
  throw new RangeError('The business calendar has no opening hours in the next ten years');
}

function* stretchesFrom(
  intervalsOf: (dayNumber: number) => EpochInterval[],
  dayOf: (epochMinute: number) => number,
  from: number,
): Generator<OpenStretch> {
  let cursor = from;
  let closedInARow = 0;
  // Start one minute earlier: an interval ending at local midnight belongs to the previous day,
  // and a 0-minute addition at that midnight must still find it.
  for (let day = dayOf(from - 1); closedInARow < MAX_CLOSED_DAYS_IN_A_ROW; day++) {
    const intervals = intervalsOf(day);
    closedInARow = intervals.length === 0 ? closedInARow + 1 : 0;
    for (const interval of intervals) {
      // `<` rather than `<=`: an interval ending exactly at the cursor can still hold a 0-minute result.
      if (interval.end < cursor) continue;
      const start = Math.max(interval.start, cursor);
      yield { start, end: interval.end };
      cursor = interval.end;
    }
  }
  throw new RangeError('The business calendar has no opening hours in the next ten years');
}

function minutesBetween(
  intervalsOf: (dayNumber: number) => EpochInterval[],
  dayOf: (epochMinute: number) => number,
  from: number,
  to: number,
): number {
  if (to <= from) return 0;
  let total = 0;
  for (let day = dayOf(from), last = dayOf(to); day <= last; day++) {
    for (const interval of intervalsOf(day)) {
      total += Math.max(0, Math.min(interval.end, to) - Math.max(interval.start, from));
    }
  }
  return total;
}

function openIntervalsOn(
  intervalsOf: (dayNumber: number) => EpochInterval[],
  dayNumber: number,
): OpenInterval[] {
  return intervalsOf(dayNumber).map((interval) => ({
    start: instantOfEpochMinute(interval.start),
    end: instantOfEpochMinute(interval.end),
    localStartMinute: interval.localStart,
    localEndMinute: interval.localEnd,
  }));
}

function closedDays(schedule: DayScheduler, fromDay: number, toDay: number, options: ClosedDaysOptions) {
  const language = options.language ?? 'fr';
  const days: ClosedDay[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    const scheduled = schedule(day);
    if (!scheduled.closedReason) continue;
    if (scheduled.closedReason === 'weekend' && !options.includeWeekends) continue;
    const name = scheduled.holiday?.names[language] ?? scheduled.label;
    days.push({ date: isoDateOf(day), reason: scheduled.closedReason, ...(name ? { name } : {}) });
  }
  return days;
}
