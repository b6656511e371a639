import { inArray } from 'drizzle-orm';
import { tickets } from '../../db/schema/index';
import type { CloseReason, TicketStatus } from '../../domain/tickets/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import { assignTicket } from './assign-ticket';
import { changeStatus } from './change-status';
import { closeTicket } from './close-ticket';

/** The most tickets one bulk action covers: a page of the queue and then some. */
export const BULK_MAX = 200;

export type BulkAction =
  | { kind: 'assign'; assigneeId: string | null }
  | { kind: 'status'; status: TicketStatus; rpcReference?: string; spcReference?: string }
  | { kind: 'close'; reason: CloseReason };

export interface BulkOutcome {
  done: { id: string; key: string }[];
  /** Each refused ticket with the catalogue error that refused it (its key when the caller may see it). */
  refused: { id: string; key: string | null; error: AppError }[];
}

/**
 * Applies one action to many tickets from the queue. Each ticket goes through the same
 * application function as on its own page — policy, R6 transition table, its own transaction,
 * effects and mails — so a bulk action can do nothing a single one may not; a refusal stops only
 * its ticket and is reported with its reason.
 */
export async function applyBulkAction(
  ctx: AppContext,
  actor: Actor,
  input: { ticketIds: string[]; action: BulkAction },
): Promise<BulkOutcome> {
  authorize(policy.workAsStaff(actor));
  const ids = [...new Set(input.ticketIds)];
  if (ids.length > BULK_MAX) throw new AppError('bulk_too_many', { max: BULK_MAX });
  const outcome: BulkOutcome = { done: [], refused: [] };
  const failures: { id: string; error: AppError }[] = [];
  for (const id of ids) {
    try {
      const ticket = await applyOne(ctx, actor, id, input.action);
      outcome.done.push({ id: ticket.id, key: ticket.key });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failures.push({ id, error });
    }
  }
  if (failures.length) {
    const keys = await keysOf(
      ctx,
      failures.map((f) => f.id),
    );
    outcome.refused = failures.map((f) => ({
      ...f,
      key: f.error.code === 'not_found' ? null : (keys.get(f.id) ?? null),
    }));
  }
  return outcome;
}

function applyOne(ctx: AppContext, actor: Actor, id: string, action: BulkAction) {
  switch (action.kind) {
    case 'assign':
      return assignTicket(ctx, actor, id, { assigneeId: action.assigneeId });
    case 'status':
      return changeStatus(ctx, actor, id, {
        status: action.status,
        ...(action.rpcReference ? { rpcReference: action.rpcReference } : {}),
        ...(action.spcReference ? { spcReference: action.spcReference } : {}),
      });
    case 'close':
      return closeTicket(ctx, actor, id, { reason: action.reason });
  }
}

async function keysOf(ctx: AppContext, ids: string[]): Promise<Map<string, string>> {
  const rows = await ctx.db
    .select({ id: tickets.id, key: tickets.key })
    .from(tickets)
    .where(inArray(tickets.id, ids));
  return new Map(rows.map((r) => [r.id, r.key]));
}
