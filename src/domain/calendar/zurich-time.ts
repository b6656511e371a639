/**
 * Readable Zurich wall-clock strings ('2026-03-27 16:30') for tests, seeds and logs, built on the
 * same conversions as the calendar (including its DST gap and overlap rules).
 */
import { dayNumberOf, type IsoDate, isoDateOf } from './iso-date';
import { instantOfLocalTime, localTimeAt } from './zoned-time';

const LOCAL = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/;
const ZURICH = 'Europe/Zurich';

/**
 * The instant of a Zurich wall-clock time 'YYYY-MM-DD HH:mm'. A time in the spring DST gap maps
 * to 03:00 summer time; a time in the autumn overlap maps to its first (summer-time) occurrence.
 */
export function zurichInstant(local: string): Date {
  const match = LOCAL.exec(local);
  const [hours, minutes] = [Number(match?.[2]), Number(match?.[3])];
  if (!match?.[1] || hours > 23 || minutes > 59)
    throw new RangeError(`Not a local time 'YYYY-MM-DD HH:mm': ${local}`);
  const epochMinute = instantOfLocalTime(
    { dayNumber: dayNumberOf(match[1]), minuteOfDay: hours * 60 + minutes },
    ZURICH,
  );
  return new Date(epochMinute * 60_000);
}

/** The calendar date in Zurich at an instant, 'YYYY-MM-DD': contracts and work run on Swiss days. */
export function zurichDateOf(instant: Date): IsoDate {
  return zurichLocalString(instant).slice(0, 10);
}

/** The Zurich wall-clock time of an instant, 'YYYY-MM-DD HH:mm' (seconds truncated). */
export function zurichLocalString(instant: Date): string {
  const local = localTimeAt(Math.floor(instant.getTime() / 60_000), ZURICH);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${isoDateOf(local.dayNumber)} ${pad(Math.floor(local.minuteOfDay / 60))}:${pad(local.minuteOfDay % 60)}`;
}
