import { and, asc, desc, eq, gte, isNull, lt, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { flexLedger, tickets, timeEntries } from '../../db/schema/index';
import { overdraftMinutes } from '../../domain/flex/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { activeFlexContract, contractBalanceMinutes } from './balance';
import { flexCompanyFor } from './scope';

/** The newest movements shown with the balance; the statement pages through a period instead. */
export const OVERVIEW_MOVEMENTS = 500;

export interface FlexMovementView {
  id: number;
  kind: 'credit' | 'debit' | 'adjustment';
  minutes: number;
  reason: string | null;
  ticket: { id: string; key: string; subject: string } | null;
  billingRunId: string | null;
  createdAt: Date;
}

export interface FlexOverview {
  companyId: string;
  balanceMinutes: number;
  /** Minutes below zero (0: none): billed work beyond the balance, covered first by the next credit. */
  overdraftMinutes: number;
  lowBalanceMinutes: number | null;
  contract: { id: string; reference: string; startsOn: string; endsOn: string | null };
  movements: FlexMovementView[];
  /** Minutes consumed (debited) per month, Zurich time, oldest first. */
  perMonth: { month: string; minutes: number }[];
  /** Time logged on Flex-billed tickets that no billing run has debited yet, per ticket. */
  pending: PendingFlexTime[];
}

export interface PendingFlexTime {
  ticket: { id: string; key: string; subject: string };
  minutes: number;
  /** The latest day worked, 'YYYY-MM-DD'. */
  lastWorkDate: string;
}

/** R12: a company's Flex balance and movements (customers: their own; staff: any). */
export async function getFlexOverview(
  ctx: AppContext,
  actor: Actor,
  input: { companyId?: string },
): Promise<FlexOverview> {
  const companyId = flexCompanyFor(actor, input.companyId);
  const contract = await activeFlexContract(ctx.db, companyId, ctx.clock.now());
  if (!contract) throw new AppError('not_found');
  const balanceMinutes = await contractBalanceMinutes(ctx.db, contract.id);
  const movements = await listMovements(ctx.db, contract.id, { limit: OVERVIEW_MOVEMENTS });
  const month = sql<string>`to_char(${flexLedger.createdAt} AT TIME ZONE 'Europe/Zurich', 'YYYY-MM')`;
  const perMonth = await ctx.db
    .select({ month, minutes: sql<number>`(-sum(${flexLedger.minutes}))::integer` })
    .from(flexLedger)
    .where(and(eq(flexLedger.contractId, contract.id), eq(flexLedger.kind, 'debit')))
    .groupBy(month)
    .orderBy(asc(month));
  return {
    companyId,
    balanceMinutes,
    overdraftMinutes: overdraftMinutes(balanceMinutes),
    lowBalanceMinutes: contract.lowBalanceMinutes,
    contract: {
      id: contract.id,
      reference: contract.reference,
      startsOn: contract.startsOn,
      endsOn: contract.endsOn,
    },
    movements,
    perMonth: perMonth.map((r) => ({ month: r.month, minutes: Number(r.minutes) })),
    pending: await pendingFlexTime(ctx.db, companyId),
  };
}

/**
 * R12: the time the next billing run will debit (Flex billing, not billed yet), so the customer
 * sees it as soon as it is logged rather than at the billing run.
 */
export async function pendingFlexTime(db: DbOrTx, companyId: string): Promise<PendingFlexTime[]> {
  const rows = await db
    .select({
      id: tickets.id,
      key: tickets.key,
      subject: tickets.subject,
      minutes: sql<number>`sum(${timeEntries.minutes})::integer`,
      lastWorkDate: max(timeEntries.workDate),
    })
    .from(timeEntries)
    .innerJoin(tickets, eq(tickets.id, timeEntries.ticketId))
    .where(
      and(
        eq(timeEntries.companyId, companyId),
        eq(timeEntries.billing, 'flex'),
        isNull(timeEntries.billedAt),
      ),
    )
    .groupBy(tickets.id, tickets.key, tickets.subject)
    .orderBy(desc(max(timeEntries.workDate)), asc(tickets.key));
  return rows.map((r) => ({
    ticket: { id: r.id, key: r.key, subject: r.subject },
    minutes: Number(r.minutes),
    lastWorkDate: r.lastWorkDate ?? '',
  }));
}

/** A contract's movements, newest first, with the ticket each one bills. */
export async function listMovements(
  db: DbOrTx,
  contractId: string,
  options: { limit?: number; from?: Date; to?: Date },
): Promise<FlexMovementView[]> {
  const conditions = [eq(flexLedger.contractId, contractId)];
  if (options.from) conditions.push(gte(flexLedger.createdAt, options.from));
  if (options.to) conditions.push(lt(flexLedger.createdAt, options.to));
  const query = db
    .select({
      id: flexLedger.id,
      kind: flexLedger.kind,
      minutes: flexLedger.minutes,
      reason: flexLedger.reason,
      billingRunId: flexLedger.billingRunId,
      createdAt: flexLedger.createdAt,
      ticketId: tickets.id,
      ticketKey: tickets.key,
      ticketSubject: tickets.subject,
    })
    .from(flexLedger)
    .leftJoin(tickets, eq(tickets.id, flexLedger.ticketId))
    .where(and(...conditions))
    .orderBy(desc(flexLedger.createdAt), desc(flexLedger.id));
  const rows = options.limit ? await query.limit(options.limit) : await query;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    minutes: r.minutes,
    reason: r.reason,
    billingRunId: r.billingRunId,
    createdAt: r.createdAt,
    ticket:
      r.ticketId && r.ticketKey && r.ticketSubject !== null
        ? { id: r.ticketId, key: r.ticketKey, subject: r.ticketSubject }
        : null,
  }));
}
