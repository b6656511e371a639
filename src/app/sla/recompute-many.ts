/**
 * The SLA recomputation of many changed tickets at once (the timers close hundreds per
 * transaction): the histories, request types, settings, contract terms and kept targets read in
 * one statement each, the engine run on each ticket, and what it stores written in two. What it
 * stores is what `recomputeTicketSla` stores for each ticket in turn.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { anyOf } from '../../db/any-of';
import type { Tx } from '../../db/client';
import { requestTypes, ticketEvents, ticketSla, tickets, users } from '../../db/schema/index';
import { computeSla } from '../../domain/sla/index';
import { maintenanceTermsOfMany, termsKey } from '../admin/maintenance';
import { installedEffects, type RecordedTicketChange } from '../effects';
import { readSlaConfig } from './config';
import { slaInputs, slaToStore } from './ticket-sla';
import { type SlaTicketRow, type StoredEvent, slaHistoryOf, storedEventColumns } from './ticket-sla-events';

/** Recomputes the SLA of each change's ticket as of its event, keeping the row in step. */
export async function recomputeSlaOfChanges(tx: Tx, changes: readonly RecordedTicketChange[]): Promise<void> {
  if (!changes.length) return;
  const ids = changes.map((c) => c.ticket.id);
  const stored = await storedEventsOf(tx, ids);
  const counting = await countingTypesOf(
    tx,
    changes.map((c) => c.ticket),
    [...stored.values()].flat(),
  );
  const config = await readSlaConfig(tx);
  const terms = await maintenanceTermsOfMany(
    tx,
    changes.map(({ ticket }) => ({ companyId: ticket.companyId, at: ticket.createdAt })),
  );
  const closed = changes.filter((c) => c.ticket.status === 'closed').map((c) => c.ticket.id);
  const kept = closed.length
    ? await tx
        .select({ ticketId: ticketSla.ticketId, targets: ticketSla.targets })
        .from(ticketSla)
        .where(anyOf(ticketSla.ticketId, closed, 'uuid'))
    : [];
  const keptOf = new Map(kept.map((k) => [k.ticketId, k.targets]));

  const results: (ReturnType<typeof slaToStore> & { ticket: SlaTicketRow })[] = [];
  for (const { ticket, event } of changes) {
    const { events } = await slaHistoryOf(tx, ticket, stored.get(ticket.id) ?? [], counting);
    const override = terms.get(termsKey(ticket.companyId, ticket.createdAt))?.override ?? {};
    const { at, targets } = slaInputs(
      ticket,
      event.at,
      config.targets,
      override,
      keptOf.get(ticket.id) ?? null,
    );
    const report = computeSla(events, { now: at, calendar: config.calendar, targets });
    results.push({ ticket, ...slaToStore(ticket, report, targets, event.at) });
  }

  const changedRows = results
    .filter((r) => r.ticketChanged)
    .map(({ ticket, change }) => ({
      id: ticket.id,
      engagementDueAt: change.after.engagementDueAt?.toISOString() ?? null,
      resolutionDueAt: change.after.resolutionDueAt?.toISOString() ?? null,
      slaState: change.after.slaState,
    }));
  if (changedRows.length) {
    await tx.execute(sql`
      update ${tickets} set engagement_due_at = v."engagementDueAt", resolution_due_at = v."resolutionDueAt",
             sla_state = v."slaState"
        from jsonb_to_recordset(${JSON.stringify(changedRows)}::jsonb)
          as v(id uuid, "engagementDueAt" timestamptz, "resolutionDueAt" timestamptz, "slaState" text)
       where ${tickets.id} = v.id`);
  }
  await tx
    .insert(ticketSla)
    .values(results.map(({ ticket, next }) => ({ ticketId: ticket.id, ...next })))
    .onConflictDoUpdate({
      target: ticketSla.ticketId,
      set: {
        nextAtRiskAt: sql`excluded.next_at_risk_at`,
        nextBreachAt: sql`excluded.next_breach_at`,
        targets: sql`excluded.targets`,
        computedAt: sql`excluded.computed_at`,
      },
    });
  for (const { ticket, change } of results) {
    // The callers go on with these very rows: keep their due times in step with what was stored.
    Object.assign(ticket, change.after);
    for (const effect of installedEffects().afterSlaRecompute) await effect(tx, change);
  }
}

/** The stored entries of each ticket, oldest first, with their actor's role. */
async function storedEventsOf(tx: Tx, ids: string[]): Promise<Map<string, StoredEvent[]>> {
  const rows = await tx
    .select({ ticketId: ticketEvents.ticketId, ...storedEventColumns })
    .from(ticketEvents)
    .leftJoin(users, eq(users.id, ticketEvents.actorId))
    .where(anyOf(ticketEvents.ticketId, ids, 'uuid'))
    .orderBy(asc(ticketEvents.id));
  const byTicket = new Map<string, StoredEvent[]>();
  for (const { ticketId, ...event } of rows) {
    const list = byTicket.get(ticketId) ?? [];
    list.push(event);
    byTicket.set(ticketId, list);
  }
  return byTicket;
}

/**
 * Whether each request type the tickets and their histories name counts toward SLA; one unknown
 * (removed) counts as not counting, as the single recomputation reads it.
 */
async function countingTypesOf(
  tx: Tx,
  ticketRows: SlaTicketRow[],
  stored: StoredEvent[],
): Promise<ReadonlyMap<string, boolean>> {
  const ids = new Set<string>();
  for (const ticket of ticketRows) if (ticket.requestTypeId) ids.add(ticket.requestTypeId);
  for (const event of stored) {
    for (const value of [event.data.requestTypeId, event.before?.requestTypeId, event.after?.requestTypeId]) {
      if (typeof value === 'string') ids.add(value);
    }
  }
  if (!ids.size) return new Map();
  const rows = await tx
    .select({ id: requestTypes.id, counts: requestTypes.countsTowardSla })
    .from(requestTypes)
    .where(inArray(requestTypes.id, [...ids]));
  const counting = new Map<string, boolean>([...ids].map((id) => [id, false]));
  for (const row of rows) counting.set(row.id, row.counts);
  return counting;
}
