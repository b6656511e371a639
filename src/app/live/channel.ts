import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { TicketChangeEffect } from '../effects';

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
}

/**
 * Announces a change from inside its transaction: PostgreSQL delivers a NOTIFY at commit and
 * drops it on rollback, so listeners never hear of a change that did not happen. Identical
 * notices of one transaction are delivered once.
 */
export const publishTicketChange: TicketChangeEffect = async (tx: Tx, ticket, event) => {
  const notice: TicketChangedNotice = {
    ticketId: ticket.id,
    key: ticket.key,
    status: ticket.status,
    companyId: ticket.companyId,
    actorId: event.actorId,
    internal: event.visibility === 'internal',
  };
  await tx.execute(sql`select pg_notify(${liveChannel}, ${JSON.stringify(notice)})`);
};

export function parseNotice(payload: string): TicketChangedNotice | null {
  try {
    const value = JSON.parse(payload) as Partial<TicketChangedNotice>;
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
    };
  } catch {
    return null;
  }
}
