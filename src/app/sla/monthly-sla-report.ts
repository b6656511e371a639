/**
 * A company's SLA month: the tickets it opened in a Zurich calendar month, how many of each
 * criticality met or breached their engagement and resolution targets, and each breach explained
 * by the same timeline that computed its due time. Read by the company's managers (and staff), and
 * mailed by staff to the managers.
 */
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { companies, tickets, users } from '../../db/schema/index';
import { zurichInstant } from '../../domain/calendar/index';
import type { ClockExplanation, SlaClockReport } from '../../domain/sla/index';
import { CRITICALITIES, type Criticality } from '../../domain/tickets/index';
import type { Language } from '../../i18n/language';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { queueMail } from '../outbox';
import { authorize, policy } from '../policy';
import { evaluateTicketSla } from './ticket-sla';

type Clock = 'engagement' | 'resolution';

export interface ClockCounts {
  met: number;
  breached: number;
  /** Still counting (or paused) at the time of the report. */
  running: number;
  /** Stopped without a verdict: transferred to Consulting, or closed before being taken in charge. */
  stopped: number;
}

export interface MonthlySlaReport {
  companyId: string;
  companyName: string;
  month: string;
  computedAt: Date;
  tickets: number;
  ticketsWithSla: number;
  rows: { criticality: Criticality; tickets: number; engagement: ClockCounts; resolution: ClockCounts }[];
  breaches: { ticketId: string; key: string; subject: string; clock: Clock; explanation: ClockExplanation }[];
}

/** Customers: managers, for their own company only; staff: any company. Others: forbidden. */
function companyReportedFor(actor: Actor, companyId: string | undefined): string {
  if (actor.role !== 'customer') {
    if (!companyId) throw new AppError('not_found');
    return companyId;
  }
  if (!actor.companyId || !actor.isManager) throw new AppError('forbidden');
  return actor.companyId;
}

export async function getMonthlySlaReport(
  ctx: AppContext,
  actor: Actor,
  input: { month: string; companyId?: string; language: Language },
): Promise<MonthlySlaReport> {
  return buildReport(ctx, companyReportedFor(actor, input.companyId), input.month, input.language);
}

/**
 * Staff mail a company's report to its managers, each in their own language, with a link to the
 * printable page. Returns the addresses written to the outbox.
 */
export async function sendMonthlySlaReport(
  ctx: AppContext,
  actor: Actor,
  input: { companyId: string; month: string },
): Promise<{ recipients: string[] }> {
  authorize(policy.workAsStaff(actor));
  const managers = await ctx.db
    .select({ email: users.email, notificationEmail: users.notificationEmail, language: users.language })
    .from(users)
    .where(and(eq(users.companyId, input.companyId), eq(users.isManager, true), eq(users.active, true)));
  const now = ctx.clock.now();
  const reports = new Map<Language, MonthlySlaReport>();
  for (const manager of managers) {
    const language = manager.language as Language;
    let report = reports.get(language);
    if (!report) {
      report = await buildReport(ctx, input.companyId, input.month, language);
      reports.set(language, report);
    }
    await queueMail(
      ctx.db,
      {
        template: 'sla.monthly-report',
        recipient: manager.notificationEmail ?? manager.email,
        language,
        params: {
          companyName: report.companyName,
          month: report.month,
          tickets: report.tickets,
          rows: report.rows.map((row) => ({
            criticality: row.criticality,
            tickets: row.tickets,
            met: row.resolution.met,
            breached: row.resolution.breached + row.engagement.breached,
          })),
          url: `${ctx.publicUrl}/sla-report?month=${input.month}`,
        },
      },
      now,
    );
  }
  return { recipients: managers.map((manager) => manager.notificationEmail ?? manager.email) };
}

async function buildReport(
  ctx: AppContext,
  companyId: string,
  month: string,
  language: Language,
): Promise<MonthlySlaReport> {
  const [company] = await ctx.db
    .select({ name: companies.name })
    .from(companies)
    .where(eq(companies.id, companyId))
    .limit(1);
  if (!company) throw new AppError('not_found');
  const { start, end } = monthBounds(month);
  const opened = await ctx.db
    .select({ id: tickets.id, key: tickets.key, subject: tickets.subject })
    .from(tickets)
    .where(and(eq(tickets.companyId, companyId), gte(tickets.createdAt, start), lt(tickets.createdAt, end)))
    .orderBy(asc(tickets.createdAt), asc(tickets.number));
  const now = ctx.clock.now();
  const rows = CRITICALITIES.map((criticality) => ({
    criticality,
    tickets: 0,
    engagement: emptyCounts(),
    resolution: emptyCounts(),
  }));
  const breaches: MonthlySlaReport['breaches'] = [];
  let ticketsWithSla = 0;
  for (const ticket of opened) {
    const evaluation = await evaluateTicketSla(ctx.db, ticket.id, now, { explainIn: language });
    if (!evaluation?.report.applicable) continue;
    ticketsWithSla += 1;
    const row = rows.find((r) => r.criticality === evaluation.report.criticality);
    if (!row) continue;
    row.tickets += 1;
    for (const clock of ['engagement', 'resolution'] as const) {
      count(row[clock], evaluation.report[clock]);
      const explanation = evaluation.explanations?.[clock];
      if (evaluation.report[clock].state === 'breached' && explanation) {
        breaches.push({ ticketId: ticket.id, key: ticket.key, subject: ticket.subject, clock, explanation });
      }
    }
  }
  return {
    companyId,
    companyName: company.name,
    month,
    computedAt: now,
    tickets: opened.length,
    ticketsWithSla,
    rows,
    breaches,
  };
}

function monthBounds(month: string): { start: Date; end: Date } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  return { start: zurichInstant(`${month}-01 00:00`), end: zurichInstant(`${next}-01 00:00`) };
}

const emptyCounts = (): ClockCounts => ({ met: 0, breached: 0, running: 0, stopped: 0 });

function count(counts: ClockCounts, clock: SlaClockReport): void {
  if (clock.state === 'met') counts.met += 1;
  else if (clock.state === 'breached') counts.breached += 1;
  else if (clock.state === 'stopped') counts.stopped += 1;
  else if (clock.state === 'running' || clock.state === 'paused') counts.running += 1;
}
