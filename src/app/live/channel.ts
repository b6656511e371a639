import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { liveEvents } from '../../db/schema/index';
import { type RecordedTicketChange, type TicketChangeEffect, withBatchForm } from '../effects';

/** The PostgreSQL channel on which every committed ticket change is announced. */
export const liveChannel = 'guichet_ticket_changed';

/** What travels on the channel: enough to route and show a change, nothing a customer may not see. */
export interface TicketChangedNotice {
  ticketId: string;
  key: string;
  status: string;
  companyId: string;
  /** Null when the system acted (timers, inbound mail). */
  actorId: string | null;
  /** Internal entries (notes, internal events) are announced to staff only. */
  internal: boolean;
  /** Staff who got a notice (the bell) with this change: their consoles refresh their bell. */
  recipients?: string[];
  /** Position in the kept window of changes (live_events), for replay after a reconnect. */
  eventId?: number;
}

/**
 * Keeps the change in the replay window and announces it, in the caller's transaction: PostgreSQL
 * delivers a NOTIFY at commit and drops it (and the row) on rollback, so listeners never hear of
 * a change that did not happen.
 */
export async function announceTicketChange(tx: Tx, notice: TicketChangedNotice, at: Date): Promise<void> {
  // One round trip: the row is kept and its id travels in the announced notice.
  await tx.execute(sql`
    with kept as (
      insert into ${liveEvents} (ticket_id, notice, created_at)
      values (${notice.ticketId}, ${JSON.stringify({ ...notice })}::jsonb, ${at.toISOString()}::timestamptz)
      returning id
    )
    select pg_notify(${liveChannel}, jsonb_set(${JSON.stringify(notice)}::jsonb, '{eventId}', to_jsonb(kept.id))::text)
      from kept`);
}

const noticeOfChange = ({ ticket, event }: RecordedTicketChange): TicketChangedNotice => ({
  ticketId: ticket.id,
  key: ticket.key,
  status: ticket.status,
  companyId: ticket.companyId,
  actorId: event.actorId,
  internal: event.visibility === 'internal',
});

/** Announces every recorded change of a ticket (a batch of changes: all in one round trip). */
export const publishTicketChange: TicketChangeEffect = withBatchForm(
  async function publishTicketChange(tx: Tx, ticket, event) {
    await announceTicketChange(tx, noticeOfChange({ ticket, event }), event.at);
  },
  async (tx, changes) => {
    const rows = changes.map((change) => ({
      ticketId: change.ticket.id,
      notice: noticeOfChange(change),
      at: change.event.at.toISOString(),
    }));
    // As announceTicketChange, row by row: each kept notice, then its NOTIFY carrying its id.
    await tx.execute(sql`
      with kept as (
        insert into ${liveEvents} (ticket_id, notice, created_at)
        select "ticketId", notice, at
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v("ticketId" uuid, notice jsonb, at timestamptz)
        returning id, notice
      )
      select pg_notify(${liveChannel}, jsonb_set(kept.notice, '{eventId}', to_jsonb(kept.id))::text)
        from kept order by kept.id`);
  },
);

export function parseNotice(payload: string): TicketChangedNotice | null {
  try {
    return noticeOf(JSON.parse(payload) as Partial<TicketChangedNotice>);
  } catch {
    return null;
  }
}

/** A notice read back from the channel or the replay window; null when it is not one. */
export function noticeOf(value: Partial<TicketChangedNotice>): TicketChangedNotice | null {
  if (typeof value.ticketId !== 'string' || typeof value.companyId !== 'string') return null;
  return {
    ticketId: value.ticketId,
    key: String(value.key ?? ''),
    status: String(value.status ?? ''),
    companyId: value.companyId,
    actorId: typeof value.actorId === 'string' ? value.actorId : null,
    internal: value.internal === true,
    recipients: Array.isArray(value.recipients)
      ? value.recipients.filter((id): id is string => typeof id === 'string')
      : [],
    ...(typeof value.eventId === 'number' ? { eventId: value.eventId } : {}),
  };
}
