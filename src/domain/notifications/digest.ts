import { zurichLocalString } from '../calendar/zurich-time';

/** The daily digest goes out from this Zurich hour on, before the working day starts. */
export const DIGEST_HOUR = 7;

/**
 * The Zurich day whose digest is due at `now` for someone last sent one on `lastSentOn`
 * ('YYYY-MM-DD', or null if never), or null when none is due: one a day, from DIGEST_HOUR on.
 */
export function digestDayDue(now: Date, lastSentOn: string | null): string | null {
  const local = zurichLocalString(now);
  const day = local.slice(0, 10);
  if (Number(local.slice(11, 13)) < DIGEST_HOUR) return null;
  return lastSentOn !== null && lastSentOn >= day ? null : day;
}
