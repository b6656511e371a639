import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { ticketEvents, tickets } from '../../db/schema/index';
import { setList, tableRows } from '../../db/table-rows';
import { installedEffects, type KnownAtChange } from '../effects';

export type TicketRow = typeof tickets.$inferSelect;
export type TicketEventRow = typeof ticketEvents.$inferSelect;
export type Visibility = 'public' | 'internal';

/** The kinds of timeline entries. A change of status is any event whose `after` has `status`. */
export const TICKET_EVENT_KINDS = [
  'created',
  'qualified',
  'status_changed',
  'criticality_changed',
  'type_changed',
  'assigned',
  'taken',
  'transferred',
  'closed',
  'message',
  'internal_note',
  'field_changed',
  'refused_reply',
  'sla_recomputed',
  // R9 and the outbox: a reminder queued (internal), sent (public, written when the mail leaves),
  // not sent for want of a recipient; a mail the history announced that did not leave; the
  // automatic closing suspended because a reminder could not be sent.
  'reminder_queued',
  'reminder_sent',
  'reminder_not_sent',
  'mail_not_sent',
  'auto_close_suspended',
  // The customer's answer to the satisfaction survey of the closed ticket (public).
  'survey_answered',
] as const;
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number];

/** Fields of a ticket an event may change (the rest are given once, at creation). */
export type TicketPatch = Partial<
  Pick<
    TicketRow,
    | 'desk'
    | 'status'
    | 'criticality'
    | 'requestTypeId'
    | 'assigneeId'
    | 'rpcReference'
    | 'spcReference'
    | 'closeReason'
    | 'closedAt'
    | 'qualifiedAt'
    | 'lastCustomerActivityAt'
    | 'engagementDueAt'
    | 'resolutionDueAt'
    | 'slaState'
  >
>;

export interface TicketChange {
  /** The ticket as it was before the change (as loaded, ideally locked, in this transaction). */
  ticket: TicketRow;
  /** Null when the system acts. */
  actorId: string | null;
  kind: TicketEventKind;
  visibility: Visibility;
  patch?: TicketPatch;
  data?: Record<string, unknown>;
  now: Date;
  /** False for entries that do not change the ticket (a refused reply): `updatedAt` stays. */
  touch?: boolean;
  /** What the caller already read in this transaction, so the effects need not read it again. */
  known?: KnownAtChange;
}

/** Fields that only the SLA engine maintains: they change often and are not part of the audit. */
const notAudited = new Set<keyof TicketPatch>(['engagementDueAt', 'resolutionDueAt', 'slaState']);

/**
 * The one place where a ticket changes: applies the patch, bumps `updatedAt`, appends the event
 * (with before and after of every audited field, R14) and runs the installed after-change effects
 * in their order.
 */
export async function recordEvent(
  tx: Tx,
  change: TicketChange,
): Promise<{ ticket: TicketRow; event: TicketEventRow }> {
  const patch = change.patch ?? {};
  const { before, after } = auditOf(change.ticket, patch);

  let ticket = change.ticket;
  const touch = change.touch !== false;
  const needsUpdate =
    Object.keys(patch).length > 0 || (touch && ticket.updatedAt.getTime() !== change.now.getTime());
  if (needsUpdate) {
    // As SQL text too, mapped back as the builder maps it.
    const set = setList(tickets, { ...patch, ...(touch ? { updatedAt: change.now } : {}) });
    const [updated] = tableRows(
      tickets,
      await tx.execute(sql`update tickets set ${set} where id = ${ticket.id} returning *`),
    );
    if (!updated) throw new Error(`ticket ${ticket.id} vanished during a change`);
    ticket = updated;
  }
  // Written as SQL text: it runs on every change of every ticket (see `tableRows`).
  const json = (value: Record<string, unknown> | null) => (value === null ? null : JSON.stringify(value));
  const [event] = tableRows(
    ticketEvents,
    await tx.execute(sql`
      insert into ticket_events (ticket_id, at, actor_id, kind, visibility, before, after, data)
      values (${ticket.id}, ${change.now.toISOString()}, ${change.actorId}, ${change.kind}, ${change.visibility},
              ${json(before)}::jsonb, ${json(after)}::jsonb, ${json(change.data ?? {})}::jsonb)
      returning *`),
  );
  if (!event) throw new Error('ticket event insert returned nothing');
  for (const effect of installedEffects().afterTicketChange) await effect(tx, ticket, event, change.known);
  return { ticket, event };
}

/** The before and after of the audited fields a patch changes (R14); null when it changes none. */
export function auditOf(
  ticket: TicketRow,
  patch: TicketPatch,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  const keys = (Object.keys(patch) as (keyof TicketPatch)[]).filter((k) => !notAudited.has(k));
  if (!keys.length) return { before: null, after: null };
  return {
    before: Object.fromEntries(keys.map((k) => [k, jsonValue(ticket[k])])),
    after: Object.fromEntries(keys.map((k) => [k, jsonValue(patch[k])])),
  };
}

const jsonValue = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString() : (value ?? null);
