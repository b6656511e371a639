/**
 * Where the SLA engine's configuration lives: the global targets and the business calendar are
 * settings (admin-editable, shared by every instance through the database; read through
 * app/sla-settings.ts), a contract's own targets are a row of `sla_overrides`.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { settings } from '../../db/schema/index';
import { defaultCalendarConfig } from '../../domain/calendar/index';
import { defaultSlaTargets } from '../../domain/sla/index';
import { type MaintenanceTerms, maintenanceTerms } from '../admin/maintenance';
import { CALENDAR_CONFIG_KEY, SLA_TARGETS_KEY } from '../sla-settings';

export {
  CALENDAR_CONFIG_KEY,
  calendarFor,
  readSlaConfig,
  SLA_TARGETS_KEY,
  type SlaConfig,
} from '../sla-settings';

export interface SettingState<T> {
  value: T;
  /** False while the default applies (no admin ever saved it). */
  saved: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export const readSlaTargetsSetting = (db: DbOrTx) => readSettingState(db, SLA_TARGETS_KEY, defaultSlaTargets);
export const readCalendarSetting = (db: DbOrTx) =>
  readSettingState(db, CALENDAR_CONFIG_KEY, defaultCalendarConfig);

async function readSettingState<T>(db: DbOrTx, key: string, fallback: T): Promise<SettingState<T>> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key)).limit(1);
  if (!row) return { value: fallback, saved: false, updatedAt: null, updatedBy: null };
  return { value: row.value as T, saved: true, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
}

/**
 * The overrides that apply to a ticket of `companyId` opened at `openedAt`: those of the company's
 * maintenance contract running on that Zurich date (see maintenanceTerms). An empty override when
 * the contract has none.
 */
export async function overrideForCompany(
  db: DbOrTx,
  companyId: string,
  openedAt: Date,
): Promise<MaintenanceTerms> {
  return (await maintenanceTerms(db, companyId, openedAt)) ?? { contractId: null, override: {} };
}
