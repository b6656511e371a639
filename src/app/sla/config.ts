/**
 * Where the SLA engine's configuration lives: the global targets and the business calendar are
 * settings (admin-editable, shared by every instance through the database), a contract's own
 * targets are a row of `sla_overrides`.
 */
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { settings, slaOverrides } from '../../db/schema/index';
import {
  type BusinessCalendar,
  businessCalendar,
  type CalendarConfig,
  defaultCalendarConfig,
  zurichDateOf,
} from '../../domain/calendar/index';
import { defaultSlaTargets, type SlaTargets, type SlaTargetsOverride } from '../../domain/sla/index';
import { activeContract } from '../admin/contracts';

export const SLA_TARGETS_KEY = 'sla.targets';
export const CALENDAR_CONFIG_KEY = 'calendar.config';

export interface SettingState<T> {
  value: T;
  /** False while the default applies (no admin ever saved it). */
  saved: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
}

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
  return {
    targets: (value(SLA_TARGETS_KEY) as SlaTargets | undefined) ?? defaultSlaTargets,
    calendar: calendarFor(
      (value(CALENDAR_CONFIG_KEY) as CalendarConfig | undefined) ?? defaultCalendarConfig,
    ),
  };
}

export const readSlaTargetsSetting = (db: DbOrTx) => readSettingState(db, SLA_TARGETS_KEY, defaultSlaTargets);
export const readCalendarSetting = (db: DbOrTx) =>
  readSettingState(db, CALENDAR_CONFIG_KEY, defaultCalendarConfig);

async function readSettingState<T>(db: DbOrTx, key: string, fallback: T): Promise<SettingState<T>> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key)).limit(1);
  if (!row) return { value: fallback, saved: false, updatedAt: null, updatedBy: null };
  return { value: row.value as T, saved: true, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
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

/**
 * The overrides that apply to a ticket of `companyId` opened at `openedAt`: those of the company's
 * maintenance contract running on that Zurich date (the most recently started one when a renewal
 * overlaps). An empty override when the contract has none.
 */
export async function overrideForCompany(
  db: DbOrTx,
  companyId: string,
  openedAt: Date,
): Promise<{ contractId: string | null; override: SlaTargetsOverride }> {
  const contract = await activeContract(db, companyId, 'maintenance', zurichDateOf(openedAt));
  if (!contract) return { contractId: null, override: {} };
  const [row] = await db
    .select({ targets: slaOverrides.targets })
    .from(slaOverrides)
    .where(eq(slaOverrides.contractId, contract.id))
    .limit(1);
  return { contractId: contract.id, override: row?.targets ?? {} };
}
