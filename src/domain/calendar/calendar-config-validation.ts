/**
 * Checks an admin-edited calendar before it is used, so a typo gives a readable list of problems
 * rather than a calendar that silently never opens.
 */
import Holidays from 'date-holidays';
import type { CalendarConfig, OpeningInterval } from './calendar-config';
import { WEEKDAYS } from './calendar-config';
import { parseIsoDate } from './iso-date';

/** Returns the problems found in a calendar configuration (an empty list when it is valid). */
export function calendarConfigProblems(config: CalendarConfig): string[] {
  const problems: string[] = [];
  for (const weekday of WEEKDAYS) {
    problems.push(...intervalProblems(config.weeklyHours[weekday] ?? [], weekday));
  }
  for (const special of config.specialHours) {
    if (parseIsoDate(special.date) === null) problems.push(`specialHours: bad date ${special.date}`);
    problems.push(...intervalProblems(special.intervals, `specialHours ${special.date}`));
  }
  for (const closed of config.extraClosedDays) {
    if (parseIsoDate(closed.date) === null) problems.push(`extraClosedDays: bad date ${closed.date}`);
  }
  const eve = config.eveClosingMinute;
  if (eve !== null && !isMinuteOfDay(eve)) problems.push(`eveClosingMinute out of range: ${eve}`);
  problems.push(...regionProblems(config));
  return problems;
}

function intervalProblems(intervals: OpeningInterval[], where: string): string[] {
  return intervals
    .filter(({ start, end }) => !isMinuteOfDay(start) || !isMinuteOfDay(end) || start >= end)
    .map(({ start, end }) => `${where}: interval ${start}–${end} must satisfy 0 ≤ start < end ≤ 1440`);
}

function isMinuteOfDay(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 1440;
}

function regionProblems({ holidayRegion }: CalendarConfig): string[] {
  const known = new Holidays();
  const countries = known.getCountries() ?? {};
  if (!(holidayRegion.country in countries))
    return [`holidayRegion: unknown country ${holidayRegion.country}`];
  if (holidayRegion.state === undefined) return [];
  const states = known.getStates(holidayRegion.country) ?? {};
  if (!(holidayRegion.state in states)) return [`holidayRegion: unknown state ${holidayRegion.state}`];
  return [];
}
