import { and, asc, desc, eq } from 'drizzle-orm';
import { billingRuns, companies, projects, tickets, timeEntries, users } from '../../db/schema/index';
import { type CsvCell, csvDocument, formatDecimalHours } from '../../domain/flex/index';
import type { Language } from '../../i18n/language';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import type { BillingTotals } from './billable-entries';

export interface BillingRunView {
  id: string;
  periodFrom: string;
  periodTo: string;
  status: 'committed';
  createdAt: Date;
  createdBy: string | null;
  createdByName: string | null;
  totals: BillingTotals;
}

/** Admin: billing runs, newest first. */
export async function listBillingRuns(ctx: AppContext, actor: Actor): Promise<BillingRunView[]> {
  authorize(policy.administer(actor));
  const rows = await ctx.db
    .select({ run: billingRuns, createdByName: users.name })
    .from(billingRuns)
    .leftJoin(users, eq(users.id, billingRuns.createdBy))
    .orderBy(desc(billingRuns.createdAt))
    .limit(200);
  return rows.map((r) => present(r.run, r.createdByName));
}

/** Admin: one billing run. */
export async function getBillingRun(
  ctx: AppContext,
  actor: Actor,
  input: { id: string },
): Promise<BillingRunView> {
  authorize(policy.administer(actor));
  const [row] = await ctx.db
    .select({ run: billingRuns, createdByName: users.name })
    .from(billingRuns)
    .leftJoin(users, eq(users.id, billingRuns.createdBy))
    .where(eq(billingRuns.id, input.id));
  if (!row) throw new AppError('not_found');
  return present(row.run, row.createdByName);
}

const csvHeaders: Record<Language, string[]> = {
  fr: ['Date', 'Société', 'Projet', 'Ticket', 'Consultant', 'Minutes', 'Heures', 'Note'],
  de: ['Datum', 'Firma', 'Projekt', 'Ticket', 'Berater', 'Minuten', 'Stunden', 'Notiz'],
  en: ['Date', 'Company', 'Project', 'Ticket', 'Consultant', 'Minutes', 'Hours', 'Note'],
};
const totalLabel: Record<Language, string> = { fr: 'Total', de: 'Total', en: 'Total' };

/**
 * Admin: the run's régie time as a spreadsheet (semicolon CSV, UTF-8 with BOM, CRLF), one line per
 * entry and a total line; every free text is neutralised against formula injection.
 */
export async function regieCsv(
  ctx: AppContext,
  actor: Actor,
  input: { id: string; language: Language },
): Promise<{ filename: string; content: string }> {
  const run = await getBillingRun(ctx, actor, input);
  const rows = await ctx.db
    .select({
      workDate: timeEntries.workDate,
      company: companies.name,
      project: projects.name,
      ticketKey: tickets.key,
      consultant: users.name,
      minutes: timeEntries.minutes,
      note: timeEntries.note,
    })
    .from(timeEntries)
    .innerJoin(companies, eq(companies.id, timeEntries.companyId))
    .innerJoin(tickets, eq(tickets.id, timeEntries.ticketId))
    .innerJoin(users, eq(users.id, timeEntries.userId))
    .leftJoin(projects, eq(projects.id, timeEntries.projectId))
    .where(and(eq(timeEntries.billingRunId, run.id), eq(timeEntries.billing, 'regie')))
    .orderBy(asc(companies.name), asc(projects.name), asc(timeEntries.workDate), asc(tickets.key));
  const total = rows.reduce((sum, r) => sum + r.minutes, 0);
  const lines: CsvCell[][] = [
    csvHeaders[input.language],
    ...rows.map((r): CsvCell[] => [
      r.workDate,
      r.company,
      r.project ?? '',
      r.ticketKey,
      r.consultant,
      r.minutes,
      { raw: formatDecimalHours(r.minutes) },
      r.note,
    ]),
    [totalLabel[input.language], '', '', '', '', total, { raw: formatDecimalHours(total) }, ''],
  ];
  return { filename: `regie_${run.periodFrom}_${run.periodTo}.csv`, content: csvDocument(lines) };
}

function present(run: typeof billingRuns.$inferSelect, createdByName: string | null): BillingRunView {
  return {
    id: run.id,
    periodFrom: run.periodFrom,
    periodTo: run.periodTo,
    status: run.status,
    createdAt: run.createdAt,
    createdBy: run.createdBy,
    createdByName,
    totals: run.totals as BillingTotals,
  };
}
