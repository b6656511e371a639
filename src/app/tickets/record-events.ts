import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import { anyOf } from '../../db/any-of';
import type { Tx } from '../../db/client';
import { ticketEvents, tickets } from '../../db/schema/index';
import { installedEffects, type RecordedTicketChange, runOverChanges } from '../effects';
import {
  auditOf,
  type TicketChange,
  type TicketEventRow,
  type TicketPatch,
  type TicketRow,
} from './record-event';

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
  const rows = changes.map((change, n) => {
    const { before, after } = auditOf(change.ticket, change.patch ?? {});
    return {
      n,
      ticketId: change.ticket.id,
      at: change.now.toISOString(),
      actorId: change.actorId,
      kind: change.kind,
      visibility: change.visibility,
      before,
      after,
      data: change.data ?? {},
    };
  });
  // One JSON parameter for the whole batch; the ids are drawn in the order the rows go in.
  const inserted = await tx.execute(sql`
    insert into ${ticketEvents} (ticket_id, at, actor_id, kind, visibility, before, after, data)
    select "ticketId", at, "actorId", kind, visibility, before, after, data
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(n int, "ticketId" uuid, at timestamptz,
        "actorId" uuid, kind text, visibility visibility, before jsonb, after jsonb, data jsonb)
     order by n
    returning id`);
  const ids = (inserted as unknown as { rows: { id: number | string }[] }).rows
    .map((r) => Number(r.id))
    .sort((a, b) => a - b);
  if (ids.length !== changes.length) throw new Error('ticket events insert returned too few rows');
  const recorded = changes.map((change, i) => {
    const row = rows[i] as (typeof rows)[number];
    const event: TicketEventRow = {
      id: ids[i] as number,
      ticketId: row.ticketId,
      at: change.now,
      actorId: row.actorId,
      kind: row.kind,
      visibility: row.visibility,
      before: row.before,
      after: row.after,
      data: row.data,
    };
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
  const rows = await tx
    .select()
    .from(tickets)
    .where(anyOf(tickets.id, ids, 'uuid'));
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
