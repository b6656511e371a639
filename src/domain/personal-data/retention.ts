/** Retention of tickets (GDPR): how long a ticket's texts and files are kept after its last change. */

export interface RetentionSettings {
  /** Years after a ticket's last change; null keeps tickets for ever. */
  ticketYears: number | null;
}

export const DEFAULT_RETENTION: RetentionSettings = { ticketYears: null };
export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 30;

/**
 * The instant before which a ticket's last change makes it due: `years` calendar years before
 * `now` (UTC), 29 February falling back to 28 February in a year that has none.
 */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(now.getUTCFullYear() - years);
  if (cutoff.getUTCMonth() !== now.getUTCMonth()) cutoff.setUTCDate(0);
  return cutoff;
}

const CODED = /^([0-9a-f-]{36}|[a-z][a-z0-9_.]*|\d{4}-\d\d-\d\dT[\d:.]+Z?|[A-Z]{2,5}-\d+)$/;

/**
 * An event payload with its free texts replaced: ids, numbers, booleans, instants, ticket keys and
 * coded values (statuses, kinds) stay, so the timeline still tells what happened, not what was written.
 */
export function retainedValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, retained(value)]));
}

function retained(value: unknown): unknown {
  if (typeof value === 'string') return CODED.test(value) ? value : '[—]';
  if (Array.isArray(value)) return value.map(retained);
  if (value && typeof value === 'object') return retainedValues(value as Record<string, unknown>);
  return value;
}
