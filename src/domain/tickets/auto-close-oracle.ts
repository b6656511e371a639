/**
 * An independent reading of Zurich wall-clock time for the R9 tests: Intl formats the instant,
 * with its UTC offset, so the tests do not check the conversions with themselves. Test support only.
 */
const format = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Zurich',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'shortOffset',
});

export interface ZurichWallClock {
  date: string;
  time: string;
  offset: string;
}

export function zurichWallClock(instant: Date): ZurichWallClock {
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
    offset: String(parts.timeZoneName),
  };
}

/** The calendar date `days` after an ISO date, by UTC date arithmetic. */
export function isoDatePlus(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
