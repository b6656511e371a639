/**
 * The SLA settings every area reads: the global targets and the business calendar, shared by
 * every instance through the database (admin-editable, see app/sla). Kept beside the kernel so
 * that ticket creation computes a new ticket's SLA from them without importing the SLA area.
 */
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { settings } from '../db/schema/index';
import {
  type BusinessCalendar,
  businessCalendar,
  type CalendarConfig,
  defaultCalendarConfig,
} from '../domain/calendar/index';
import { defaultSlaTargets, type SlaTargets } from '../domain/sla/index';

export const SLA_TARGETS_KEY = 'sla.targets';
export const CALENDAR_CONFIG_KEY = 'calendar.config';

/** The global SLA targets and the calendar in force, read in one query. */
export interface SlaConfig {
  targets: SlaTargets;
  calendar: BusinessCalendar;
}

export async function readSlaConfig(db: DbOrTx): Promise<SlaConfig> {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, [SLA_TARGETS_KEY, CALENDAR_CONFIG_KEY]));
  const value = (key: string) => rows.find((row) => row.key === key)?.value;
  return slaConfigOf({ targets: value(SLA_TARGETS_KEY), calendar: value(CALENDAR_CONFIG_KEY) });
}

/** The SLA settings from the stored values (absent or null: the defaults), read by the caller. */
export function slaConfigOf(stored: { targets: unknown; calendar: unknown }): SlaConfig {
  return {
    targets: (stored.targets as SlaTargets | null | undefined) ?? defaultSlaTargets,
    calendar: calendarFor((stored.calendar as CalendarConfig | null | undefined) ?? defaultCalendarConfig),
  };
}

// A built calendar caches each day's opening hours, so it is worth keeping. The key is the
// configuration itself: whatever instance saved a change, the next read builds the new calendar,
// and a few entries are enough (the current configuration, and the previous one while it changes).
const calendars = new Map<string, BusinessCalendar>();
const CACHED_CALENDARS = 4;

/** The business calendar of a configuration, built once per distinct configuration. */
export function calendarFor(config: CalendarConfig): BusinessCalendar {
  const key = JSON.stringify(config);
  const cached = calendars.get(key);
  if (cached) {
    calendars.delete(key);
    calendars.set(key, cached);
    return cached;
  }
  const built = businessCalendar(config);
  calendars.set(key, built);
  if (calendars.size > CACHED_CALENDARS) {
    const oldest = calendars.keys().next().value;
    if (oldest !== undefined) calendars.delete(oldest);
  }
  return built;
}
