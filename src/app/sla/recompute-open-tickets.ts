/**
 * After an admin changes what the SLA depends on (targets, a contract's overrides, the calendar),
 * the open tickets' stored due times follow: recomputed in bounded batches, one short
 * transaction each, and every ticket whose due times changed gets an internal timeline entry.
 */
import { and, asc, eq, gt, inArray, ne, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { ticketEvents, tickets } from '../../db/schema/index';
import { type StoredSla, sameStoredSla } from '../../domain/sla/index';
import type { AppContext } from '../context';
import { recomputeTicketSla } from './ticket-sla';

export const RECOMPUTE_BATCH_SIZE = 200;

export interface RecomputeScope {
  /** Only this company's tickets (a contract's overrides); all open tickets when absent. */
  companyId?: string;
  /** Who made the change that causes the recomputation. */
  actorId: string;
  /** The admin action, e.g. 'sla.targets.updated'. */
  reason: string;
  /** The admin_audit entry of the change. */
  auditId: number;
}

/** Recomputes every open ticket in scope; returns how many had their due times or state changed. */
export async function recomputeOpenTickets(ctx: AppContext, scope: RecomputeScope): Promise<number> {
  let cursor: string | null = null;
  let changed = 0;
  for (;;) {
    const now = ctx.clock.now();
    const batch: { count: number; last: string | null; changed: number } = await ctx.db.transaction((tx) =>
      recomputeBatch(tx, scope, cursor, now),
    );
    changed += batch.changed;
    if (batch.count < RECOMPUTE_BATCH_SIZE || batch.last === null) return changed;
    cursor = batch.last;
  }
}

async function recomputeBatch(
  tx: Tx,
  scope: RecomputeScope,
  cursor: string | null,
  now: Date,
): Promise<{ count: number; last: string | null; changed: number }> {
  const conditions: (SQL | undefined)[] = [
    ne(tickets.status, 'closed'),
    scope.companyId ? eq(tickets.companyId, scope.companyId) : undefined,
    cursor ? gt(tickets.id, cursor) : undefined,
  ];
  const rows = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(...conditions))
    .orderBy(asc(tickets.id))
    .limit(RECOMPUTE_BATCH_SIZE);
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return { count: 0, last: null, changed: 0 };
  // Lock the batch: a change to one of these tickets meanwhile waits, then recomputes on top.
  await tx.select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, ids)).for('update');
  let changed = 0;
  for (const id of ids) {
    const change = await recomputeTicketSla(tx, id, now);
    if (!change || sameStoredSla(change.before, change.after)) continue;
    changed += 1;
    await tx.insert(ticketEvents).values({
      ticketId: id,
      at: now,
      actorId: scope.actorId,
      kind: 'sla_recomputed',
      visibility: 'internal',
      before: storedJson(change.before),
      after: storedJson(change.after),
      data: { reason: scope.reason, auditId: scope.auditId },
    });
  }
  return { count: ids.length, last: ids.at(-1) ?? null, changed };
}

const storedJson = (stored: StoredSla): Record<string, unknown> => ({
  engagementDueAt: stored.engagementDueAt?.toISOString() ?? null,
  resolutionDueAt: stored.resolutionDueAt?.toISOString() ?? null,
  slaState: stored.slaState,
});
