import { getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { ticketEvents, tickets } from '../../db/schema/index';
import { installedEffects, type RecordedTicketChange, runOverChanges } from '../effects';
import { auditOf, type TicketChange, type TicketPatch, type TicketRow } from './record-event';

/**
 * `recordEvent` for many changes at once, each of a different ticket, in a few statements: the
 * patched tickets in one UPDATE per set of changed fields, the events in one INSERT, then each
 * installed after-change effect over the whole batch (its batch form when it has one). What it
 * writes is what `recordEvent` writes for each change in turn.
 */
export async function recordEvents(
  tx: Tx,
  changes: readonly TicketChange[],
): Promise<RecordedTicketChange[]> {
  if (!changes.length) return [];
  if (new Set(changes.map((c) => c.ticket.id)).size !== changes.length) {
    throw new Error('recordEvents takes one change per ticket');
  }
  const updated = await updateTickets(tx, changes);
  const rows = changes.map((change) => {
    const { before, after } = auditOf(change.ticket, change.patch ?? {});
    return {
      ticketId: change.ticket.id,
      at: change.now,
      actorId: change.actorId,
      kind: change.kind,
      visibility: change.visibility,
      before,
      after,
      data: change.data ?? {},
    };
  });
  const events = await tx.insert(ticketEvents).values(rows).returning();
  // PostgreSQL returns the rows of a multi-row VALUES in their order; checked, not assumed.
  const recorded = changes.map((change, i) => {
    const event = events[i];
    if (!event || event.ticketId !== change.ticket.id)
      throw new Error('ticket events came back out of order');
    const ticket = updated.get(change.ticket.id) ?? change.ticket;
    return { ticket, event, ...(change.known ? { known: change.known } : {}) };
  });
  for (const effect of installedEffects().afterTicketChange) await runOverChanges(effect, tx, recorded);
  return recorded;
}

/** The tickets after their patches, by id; those left unchanged are not read again. */
async function updateTickets(tx: Tx, changes: readonly TicketChange[]): Promise<Map<string, TicketRow>> {
  const groups = new Map<string, { fields: (keyof TicketPatch)[]; rows: Record<string, unknown>[] }>();
  for (const change of changes) {
    const patch = change.patch ?? {};
    const touch = change.touch !== false;
    const needsUpdate =
      Object.keys(patch).length > 0 || (touch && change.ticket.updatedAt.getTime() !== change.now.getTime());
    if (!needsUpdate) continue;
    const fields = (Object.keys(patch) as (keyof TicketPatch)[]).sort();
    const key = `${fields.join(',')}|${touch}`;
    const group = groups.get(key) ?? { fields, rows: [] };
    groups.set(key, group);
    group.rows.push({
      id: change.ticket.id,
      ...Object.fromEntries(fields.map((f) => [f, jsonValue(patch[f])])),
      ...(touch ? { updatedAt: change.now.toISOString() } : {}),
    });
  }
  const ids: string[] = [];
  for (const [key, group] of groups) {
    const fields: string[] = [...group.fields, ...(key.endsWith('|true') ? ['updatedAt'] : [])];
    await tx.execute(updateStatement(fields, group.rows));
    ids.push(...group.rows.map((row) => String(row.id)));
  }
  if (!ids.length) return new Map();
  const rows = await tx.select().from(tickets).where(inArray(tickets.id, ids));
  if (rows.length !== ids.length) throw new Error('a ticket vanished during a change');
  return new Map(rows.map((row) => [row.id, row]));
}

/** UPDATE … FROM jsonb_to_recordset: the rows' values typed as the columns they go to. */
function updateStatement(fields: string[], rows: Record<string, unknown>[]): SQL {
  const columns = getTableColumns(tickets);
  const column = (field: string) => {
    const c = columns[field as keyof typeof columns];
    if (!c) throw new Error(`tickets has no column ${field}`);
    return c;
  };
  const record = sql.join(
    ['id', ...fields].map((f) => sql`${sql.identifier(f)} ${sql.raw(column(f).getSQLType())}`),
    sql`, `,
  );
  const set = sql.join(
    fields.map((f) => sql`${sql.identifier(column(f).name)} = v.${sql.identifier(f)}`),
    sql`, `,
  );
  return sql`update ${tickets} set ${set}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(${record})
    where ${tickets.id} = v.id`;
}

const jsonValue = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString() : (value ?? null);
