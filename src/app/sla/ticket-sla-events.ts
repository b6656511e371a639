/**
 * The bridge between a ticket's timeline (ticket_events, the audit trail) and the SLA engine's
 * history: which stored entries the clocks depend on, in the engine's words.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { requestTypes, ticketEvents, tickets, users } from '../../db/schema/index';
import type { Criticality, TicketEvent, TicketStatus } from '../../domain/sla/index';

export type SlaTicketRow = typeof tickets.$inferSelect;

export interface StoredEvent {
  kind: string;
  at: Date;
  visibility: 'public' | 'internal';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  data: Record<string, unknown>;
  actorRole: string | null;
}

/**
 * The engine's history of a ticket, from its stored events:
 * - the creation, with the criticality chosen and whether the request type counts toward SLA
 *   (a consulting request, or a support ticket without a counting type, has no SLA);
 * - every change of status, criticality and request type (an entry whose `after` holds it);
 * - the first public answer by staff, and a pick-up by staff ('taken'), as taken in charge.
 * Returns null when the ticket does not exist.
 */
/** What the SLA history reads of each stored entry (joined with its actor, for the role). */
export const storedEventColumns = {
  kind: ticketEvents.kind,
  at: ticketEvents.at,
  visibility: ticketEvents.visibility,
  before: ticketEvents.before,
  after: ticketEvents.after,
  data: ticketEvents.data,
  actorRole: users.role,
};

export async function ticketSlaEvents(
  db: DbOrTx,
  ticketId: string,
): Promise<{ ticket: SlaTicketRow; events: TicketEvent[] } | null> {
  const [ticket] = await db.select().from(tickets).where(eq(tickets.id, ticketId)).limit(1);
  if (!ticket) return null;
  const stored: StoredEvent[] = await db
    .select(storedEventColumns)
    .from(ticketEvents)
    .leftJoin(users, eq(users.id, ticketEvents.actorId))
    .where(eq(ticketEvents.ticketId, ticketId))
    .orderBy(asc(ticketEvents.id));
  return slaHistoryOf(db, ticket, stored);
}

/**
 * The engine's history of a ticket whose stored entries are already at hand (a ticket just
 * created has its creation entry only), without reading them back.
 */
export async function slaHistoryOf(
  db: DbOrTx,
  ticket: SlaTicketRow,
  stored: StoredEvent[],
  knownCounting?: ReadonlyMap<string, boolean>,
): Promise<{ ticket: SlaTicketRow; events: TicketEvent[] }> {
  const counting = await countingTypes(db, ticket, stored, knownCounting);
  return { ticket, events: toSlaEvents(ticket, stored, counting) };
}

/** Whether a stored event can change a ticket's SLA (the others need no recomputation). */
export function mattersToSla(event: Omit<StoredEvent, 'actorRole'> & { actorRole?: string | null }): boolean {
  if (event.kind === 'created' || event.kind === 'taken') return true;
  if (event.kind === 'message') return event.visibility === 'public' && event.data.byStaff === true;
  const after = event.after ?? {};
  return 'status' in after || 'criticality' in after || 'requestTypeId' in after;
}

function toSlaEvents(
  ticket: SlaTicketRow,
  stored: StoredEvent[],
  counting: ReadonlyMap<string, boolean>,
): TicketEvent[] {
  // A consulting request has no SLA; a support ticket keeps its clocks (stopped) once transferred.
  const createdOnSupport = (createdEntry(stored)?.data.desk ?? ticket.desk) === 'support';
  const countsFor = (typeId: unknown) =>
    createdOnSupport && typeof typeId === 'string' && (counting.get(typeId) ?? false);
  const events: TicketEvent[] = [
    {
      kind: 'created',
      at: ticket.createdAt,
      criticality: initialCriticality(ticket, stored),
      countsTowardSla: countsFor(initialRequestType(ticket, stored)),
    },
  ];
  for (const event of stored) {
    const { at } = event;
    const before = event.before ?? {};
    const after = event.after ?? {};
    if (event.kind === 'created') continue;
    if ('requestTypeId' in after) {
      const counts =
        typeof event.data.countsTowardSla === 'boolean' && createdOnSupport
          ? event.data.countsTowardSla
          : countsFor(after.requestTypeId);
      events.push({ kind: 'request_type_changed', at, countsTowardSla: counts });
    }
    if ('criticality' in after && typeof after.criticality === 'string') {
      const from = (before.criticality ?? after.criticality) as Criticality;
      events.push({ kind: 'criticality_changed', at, from, to: after.criticality as Criticality });
    }
    if ('status' in after && typeof after.status === 'string') {
      const to = after.status as TicketStatus;
      const from = (before.status ?? to) as TicketStatus;
      events.push({ kind: 'status_changed', at, from, to });
    }
    const byStaff = event.actorRole !== null && event.actorRole !== 'customer';
    if (
      event.kind === 'message' &&
      event.visibility === 'public' &&
      (byStaff || event.data.byStaff === true)
    ) {
      events.push({ kind: 'taken_in_charge', at, via: 'public_answer' });
    }
    if (event.kind === 'taken' && byStaff && !('status' in after)) {
      events.push({ kind: 'taken_in_charge', at, via: 'pick_up' });
    }
  }
  return events;
}

/** The criticality chosen at creation: recorded on the creation entry, else before the first change. */
function initialCriticality(ticket: SlaTicketRow, stored: StoredEvent[]): Criticality {
  const created = createdEntry(stored);
  if (typeof created?.data.criticality === 'string') return created.data.criticality as Criticality;
  const firstChange = stored.find((event) => event.after && 'criticality' in event.after);
  const before = firstChange?.before?.criticality;
  return typeof before === 'string' ? (before as Criticality) : ticket.criticality;
}

function initialRequestType(ticket: SlaTicketRow, stored: StoredEvent[]): unknown {
  const created = createdEntry(stored);
  if (created && 'requestTypeId' in created.data) return created.data.requestTypeId;
  const firstChange = stored.find((event) => event.after && 'requestTypeId' in event.after);
  return firstChange ? firstChange.before?.requestTypeId : ticket.requestTypeId;
}

const createdEntry = (stored: StoredEvent[]) => stored.find((event) => event.kind === 'created');

async function countingTypes(
  db: DbOrTx,
  ticket: SlaTicketRow,
  stored: StoredEvent[],
  known?: ReadonlyMap<string, boolean>,
): Promise<ReadonlyMap<string, boolean>> {
  const ids = new Set<string>();
  if (ticket.requestTypeId) ids.add(ticket.requestTypeId);
  for (const event of stored) {
    for (const value of [event.data.requestTypeId, event.before?.requestTypeId, event.after?.requestTypeId]) {
      if (typeof value === 'string') ids.add(value);
    }
  }
  if (ids.size === 0) return new Map();
  if (known && [...ids].every((id) => known.has(id))) return known;
  const rows = await db
    .select({ id: requestTypes.id, counts: requestTypes.countsTowardSla })
    .from(requestTypes)
    .where(inArray(requestTypes.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.counts]));
}
