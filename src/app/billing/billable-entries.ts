import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { companies, projects, timeEntries } from '../../db/schema/index';
import type { BillingKind } from '../../domain/flex/index';
import { AppError } from '../errors/index';

export interface BillableEntry {
  id: string;
  companyId: string;
  companyName: string;
  projectId: string | null;
  projectName: string | null;
  ticketId: string;
  billing: BillingKind;
  minutes: number;
}

export interface BillingPeriod {
  from: string;
  to: string;
}

export function checkPeriod(period: BillingPeriod): void {
  if (period.from > period.to) throw new AppError('billing_period_invalid');
}

/**
 * The unbilled entries whose work date falls in the period; with `ids`, only those (the snapshot a
 * preview showed); with `lock`, locked until the transaction ends, so a concurrent run that waited
 * for them sees them billed and skips them.
 */
export async function billableEntries(
  db: DbOrTx,
  period: BillingPeriod,
  options: { ids?: string[]; lock?: boolean } = {},
): Promise<BillableEntry[]> {
  if (options.ids && options.ids.length === 0) return [];
  const conditions = [
    isNull(timeEntries.billedAt),
    gte(timeEntries.workDate, period.from),
    lte(timeEntries.workDate, period.to),
  ];
  if (options.ids) conditions.push(inArray(timeEntries.id, options.ids));
  const query = db
    .select({
      id: timeEntries.id,
      companyId: timeEntries.companyId,
      companyName: companies.name,
      projectId: timeEntries.projectId,
      projectName: projects.name,
      ticketId: timeEntries.ticketId,
      billing: timeEntries.billing,
      minutes: timeEntries.minutes,
    })
    .from(timeEntries)
    .innerJoin(companies, eq(companies.id, timeEntries.companyId))
    .leftJoin(projects, eq(projects.id, timeEntries.projectId))
    .where(and(...conditions))
    .orderBy(asc(timeEntries.id));
  return options.lock ? query.for('update', { of: timeEntries }) : query;
}

export interface CompanyBilling {
  companyId: string;
  companyName: string;
  entries: number;
  flexMinutes: number;
  regieMinutes: number;
  maintenanceMinutes: number;
  regieByProject: { projectId: string | null; projectName: string | null; minutes: number }[];
}

export interface BillingTotals {
  entries: number;
  flexMinutes: number;
  regieMinutes: number;
  maintenanceMinutes: number;
  companies: CompanyBilling[];
}

/** Sums entries per company and per billing kind (régie also per project). */
export function summarise(entries: BillableEntry[]): BillingTotals {
  const byCompany = new Map<string, CompanyBilling>();
  for (const e of entries) {
    let c = byCompany.get(e.companyId);
    if (!c) {
      c = {
        companyId: e.companyId,
        companyName: e.companyName,
        entries: 0,
        flexMinutes: 0,
        regieMinutes: 0,
        maintenanceMinutes: 0,
        regieByProject: [],
      };
      byCompany.set(e.companyId, c);
    }
    c.entries += 1;
    if (e.billing === 'flex') c.flexMinutes += e.minutes;
    else if (e.billing === 'maintenance') c.maintenanceMinutes += e.minutes;
    else {
      c.regieMinutes += e.minutes;
      const project = c.regieByProject.find((p) => p.projectId === e.projectId);
      if (project) project.minutes += e.minutes;
      else c.regieByProject.push({ projectId: e.projectId, projectName: e.projectName, minutes: e.minutes });
    }
  }
  const list = [...byCompany.values()].sort((a, b) => a.companyName.localeCompare(b.companyName));
  return {
    entries: entries.length,
    flexMinutes: list.reduce((s, c) => s + c.flexMinutes, 0),
    regieMinutes: list.reduce((s, c) => s + c.regieMinutes, 0),
    maintenanceMinutes: list.reduce((s, c) => s + c.maintenanceMinutes, 0),
    companies: list,
  };
}
