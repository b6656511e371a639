/**
 * A ticket's SLA (R7): computed from its history by the engine, and the part the queue needs
 * (due times, state, next warning instants) stored on the ticket after every change.
 */
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import { ticketSla, tickets } from '../../db/schema/index';
import { setList } from '../../db/table-rows';
import type { HolidayLanguage } from '../../domain/calendar/index';
import {
  type ClockExplanation,
  computeSla,
  explainSla,
  resolveSlaTargets,
  type SlaReport,
  type SlaTargets,
  slaTimers,
} from '../../domain/sla/index';
import {
  type SlaRecomputation,
  type StoredSla,
  sameStoredSla,
  storedSla,
  type TicketSlaState,
} from '../../domain/sla/stored-sla';
import type { MaintenanceTerms } from '../admin/maintenance';
import { installedEffects, type KnownAtChange } from '../effects';
import { overrideForCompany, readSlaConfig } from './config';
import { type SlaTicketRow, ticketSlaEvents } from './ticket-sla-events';

/** The settings and contract terms of a ticket, when its caller read them already. */
type KnownSlaInputs = Pick<NonNullable<KnownAtChange['sla']>, 'config' | 'contractId' | 'override'>;

/** A ticket with its history in the engine's words (see `ticketSlaEvents`). */
export type SlaHistory = NonNullable<Awaited<ReturnType<typeof ticketSlaEvents>>>;

export interface TicketSlaEvaluation {
  ticket: SlaTicketRow;
  report: SlaReport;
  /** The targets in force for this ticket (global, with its contract's overrides). */
  targets: SlaTargets;
  /** The maintenance contract whose overrides apply, if any. */
  contractId: string | null;
  /** Why each due time is what it is; only when asked for (null without SLA). */
  explanations?: { engagement: ClockExplanation | null; resolution: ClockExplanation | null };
}

/**
 * The SLA of a ticket as of `now`, or null when the ticket does not exist. A closed ticket is
 * judged by the targets in force when it was last computed (so a later change of targets does
 * not rewrite its record); an open one by the targets in force now.
 */
export async function evaluateTicketSla(
  db: DbOrTx,
  ticketId: string,
  now: Date,
  options: { explainIn?: HolidayLanguage; history?: SlaHistory; known?: KnownSlaInputs } = {},
): Promise<TicketSlaEvaluation | null> {
  const history = options.history ?? (await ticketSlaEvents(db, ticketId));
  if (!history) return null;
  const { ticket, events } = history;
  const config = options.known?.config ?? (await readSlaConfig(db));
  const { contractId, override } =
    options.known ?? (await overrideForCompany(db, ticket.companyId, ticket.createdAt));
  let kept: SlaTargets | null = null;
  if (ticket.status === 'closed') {
    const [row] = await db
      .select({ targets: ticketSla.targets })
      .from(ticketSla)
      .where(eq(ticketSla.ticketId, ticketId))
      .limit(1);
    kept = row?.targets ?? null;
  }
  const { at, targets } = slaInputs(ticket, now, config.targets, override, kept);
  const sla = { now: at, calendar: config.calendar, targets };
  if (!options.explainIn) return { ticket, report: computeSla(events, sla), targets, contractId };
  const { engagement, resolution, ...explained } = explainSla(events, {
    ...sla,
    language: options.explainIn,
  });
  return { ticket, report: explained.report, targets, contractId, explanations: { engagement, resolution } };
}

/**
 * The targets a ticket is judged by and the instant to judge it at: a closed ticket keeps the
 * targets stored when it was last computed (`kept`); the row's own clock may be slightly behind
 * the event's (same transaction), so never before creation.
 */
export function slaInputs(
  ticket: SlaTicketRow,
  now: Date,
  globalTargets: SlaTargets,
  override: MaintenanceTerms['override'],
  kept: SlaTargets | null,
): { at: Date; targets: SlaTargets } {
  const targets = ticket.status === 'closed' && kept ? kept : resolveSlaTargets(globalTargets, override);
  return { at: now.getTime() < ticket.createdAt.getTime() ? ticket.createdAt : now, targets };
}

/** The SLA report of a ticket as of `now`; throws when the ticket does not exist. */
export async function computeTicketSla(db: DbOrTx, ticketId: string, now: Date): Promise<SlaReport> {
  const evaluation = await evaluateTicketSla(db, ticketId, now);
  if (!evaluation) throw new Error(`ticket ${ticketId} not found`);
  return evaluation.report;
}

/**
 * Recomputes a ticket's SLA and stores it: due times and state on the ticket (what the queue
 * sorts and filters on), the next warning instants and targets in `ticket_sla`; then runs the
 * installed `afterSlaRecompute` effects (the warning timers). Returns null when the ticket does not exist.
 */
export async function recomputeTicketSla(
  db: Tx,
  ticketId: string,
  now: Date,
  history?: SlaHistory,
  known?: KnownSlaInputs,
): Promise<SlaRecomputation | null> {
  const evaluation = await evaluateTicketSla(db, ticketId, now, {
    ...(history ? { history } : {}),
    ...(known ? { known } : {}),
  });
  if (!evaluation) return null;
  return storeTicketSla(db, evaluation.ticket, evaluation.report, evaluation.targets, now);
}

/** Stores one computed SLA (see recomputeTicketSla) and runs the after-recompute effects. */
export async function storeTicketSla(
  db: Tx,
  ticket: SlaTicketRow,
  report: SlaReport,
  targets: SlaTargets,
  now: Date,
): Promise<SlaRecomputation> {
  const { change, ticketChanged, next } = slaToStore(ticket, report, targets, now);
  if (ticketChanged)
    await db.execute(sql`update tickets set ${setList(tickets, change.after)} where id = ${ticket.id}`);
  // Written as SQL text: it runs after every change that matters to the SLA (see `tableRows`).
  const at = (instant: Date | null) => instant?.toISOString() ?? null;
  await db.execute(sql`
    insert into ticket_sla (ticket_id, next_at_risk_at, next_breach_at, targets, computed_at)
    values (${ticket.id}, ${at(next.nextAtRiskAt)}, ${at(next.nextBreachAt)}, ${JSON.stringify(next.targets)}::jsonb,
            ${next.computedAt.toISOString()})
    on conflict (ticket_id) do update
      set next_at_risk_at = excluded.next_at_risk_at, next_breach_at = excluded.next_breach_at,
          targets = excluded.targets, computed_at = excluded.computed_at`);
  for (const effect of installedEffects().afterSlaRecompute) await effect(db, change);
  return change;
}

/**
 * What a computed SLA stores: the due times and state on the ticket (only when they changed, or
 * were never stored), and the next warning instants and targets in `ticket_sla`.
 */
export function slaToStore(ticket: SlaTicketRow, report: SlaReport, targets: SlaTargets, now: Date) {
  const before: StoredSla = {
    engagementDueAt: ticket.engagementDueAt,
    resolutionDueAt: ticket.resolutionDueAt,
    slaState: (ticket.slaState as TicketSlaState | null) ?? 'none',
  };
  const after = storedSla(report);
  const timers = slaTimers(report);
  const next = {
    nextAtRiskAt: timers.find((timer) => timer.kind === 'at_risk')?.at ?? null,
    nextBreachAt: timers.find((timer) => timer.kind === 'breach')?.at ?? null,
    targets,
    computedAt: now,
  };
  const change: SlaRecomputation = { ticketId: ticket.id, now, report, timers, before, after };
  return { change, ticketChanged: !sameStoredSla(before, after) || ticket.slaState === null, next };
}
