/**
 * Calendar dates without a time zone. A "day number" counts days since 1970-01-01 and makes
 * date arithmetic plain integer arithmetic; ISO strings are the JSON form admins edit.
 */

/** An ISO calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Parses 'YYYY-MM-DD' into a day number, or returns null when the text is not a real date. */
export function parseIsoDate(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  // Date.UTC silently rolls 2026-02-30 over to March; a round trip catches it.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return ms / MS_PER_DAY;
}

/** Like parseIsoDate, but throws a RangeError naming the bad value. */
export function dayNumberOf(text: IsoDate): number {
  const dayNumber = parseIsoDate(text);
  if (dayNumber === null) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${text}`);
  return dayNumber;
}

export function isoDateOf(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayNumberFromParts(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function yearOf(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

/** ISO weekday: 1 = Monday … 7 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function isoWeekdayOf(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDaysToIsoDate(date: IsoDate, days: number): IsoDate {
  return isoDateOf(dayNumberOf(date) + days);
}

/** The same day `months` months later, or that month's last day when it is shorter (31 Jan + 1 → 28/29 Feb). */
export function addMonthsToIsoDate(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(year, month - 1 + months, 1));
  const targetYear = firstOfTarget.getUTCFullYear();
  const targetMonth = firstOfTarget.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return isoDateOf(dayNumberFromParts(targetYear, targetMonth, Math.min(day, lastDay)));
}
