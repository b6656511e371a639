/**
 * Conversions between instants and wall-clock time in a named time zone, using only Intl.
 * Everything is in whole minutes: "epoch minutes" count minutes since 1970-01-01T00:00Z.
 */
import { dayNumberFromParts } from './iso-date';

/** Wall-clock position: a local calendar day and the minutes elapsed since its midnight. */
export interface LocalTime {
  dayNumber: number;
  minuteOfDay: number;
}

const MINUTES_PER_DAY = 1440;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Wall-clock time at an instant given in epoch minutes. Asking Intl is slow (microseconds a call,
 * and the R9 and SLA rules ask it many times per ticket), so the offset of each hour is kept once
 * known: within an hour whose start and end have the same offset, no clock change happens (zones
 * change at most once in an hour), and the wall-clock time is the instant plus that offset.
 */
export function localTimeAt(epochMinute: number, timeZone: string): LocalTime {
  const hour = Math.floor(epochMinute / 60);
  const key = `${timeZone}|${hour}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    const start = intlLocalTimeAt(hour * 60, timeZone);
    const end = intlLocalTimeAt(hour * 60 + 60, timeZone);
    const offsetOf = (local: LocalTime, at: number) =>
      local.dayNumber * MINUTES_PER_DAY + local.minuteOfDay - at;
    const atStart = offsetOf(start, hour * 60);
    offset = atStart === offsetOf(end, hour * 60 + 60) ? atStart : null;
    if (hourOffsets.size >= 100_000) hourOffsets.clear();
    hourOffsets.set(key, offset);
  }
  if (offset === null) return intlLocalTimeAt(epochMinute, timeZone);
  const wall = epochMinute + offset;
  const dayNumber = Math.floor(wall / MINUTES_PER_DAY);
  return { dayNumber, minuteOfDay: wall - dayNumber * MINUTES_PER_DAY };
}

/** Per time zone and epoch hour: the offset in minutes when it holds for the whole hour, else null. */
const hourOffsets = new Map<string, number | null>();

function intlLocalTimeAt(epochMinute: number, timeZone: string): LocalTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMinute * 60_000));
  const value = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value);
  return {
    dayNumber: dayNumberFromParts(value('year'), value('month'), value('day')),
    minuteOfDay: value('hour') * 60 + value('minute'),
  };
}

/** Offset of local time from UTC, in minutes (Zurich: +60 in winter, +120 in summer). */
export function utcOffsetAt(epochMinute: number, timeZone: string): number {
  const local = localTimeAt(epochMinute, timeZone);
  return local.dayNumber * MINUTES_PER_DAY + local.minuteOfDay - epochMinute;
}

/**
 * The instant of a wall-clock time. Two cases have no single answer, and we settle them so that
 * the mapping never goes backwards (a local interval can never map to a negative duration):
 * - in the spring gap (02:00–02:59 does not exist in Zurich), every missing time maps to the
 *   instant the clocks jump, i.e. 03:00 summer time;
 * - in the autumn overlap (02:00–02:59 happens twice), the earlier occurrence wins.
 */
export function instantOfLocalTime(local: LocalTime, timeZone: string): number {
  const wallMinute = local.dayNumber * MINUTES_PER_DAY + local.minuteOfDay;
  const offsets = new Set([
    utcOffsetAt(wallMinute - MINUTES_PER_DAY, timeZone),
    utcOffsetAt(wallMinute + MINUTES_PER_DAY, timeZone),
  ]);
  const valid = [...offsets]
    .map((offset) => wallMinute - offset)
    .filter((instant) => utcOffsetAt(instant, timeZone) === wallMinute - instant);
  if (valid.length > 0) return Math.min(...valid);
  return transitionInstant(wallMinute, [...offsets], timeZone);
}

/** In a gap, the clocks jump somewhere between the two candidate instants; find the minute. */
function transitionInstant(wallMinute: number, offsets: number[], timeZone: string): number {
  let before = wallMinute - Math.max(...offsets);
  let after = wallMinute - Math.min(...offsets);
  const offsetBefore = utcOffsetAt(before, timeZone);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (utcOffsetAt(middle, timeZone) === offsetBefore) before = middle;
    else after = middle;
  }
  return after;
}
