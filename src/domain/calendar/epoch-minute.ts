/**
 * The calendar works in whole minutes. Rounding rule, used everywhere: an instant is truncated
 * to the start of its minute (10:00:59 counts as 10:00), and every instant we return falls on a
 * whole minute.
 */

/** Minutes since 1970-01-01T00:00Z, truncated. Throws on an invalid Date. */
export function epochMinuteOf(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return Math.floor(ms / 60_000);
}

export function instantOfEpochMinute(epochMinute: number): Date {
  return new Date(epochMinute * 60_000);
}
