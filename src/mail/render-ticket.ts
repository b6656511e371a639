import type { DbOrTx } from '../db/client';
import type { TicketView } from './templates/ticket-view';

/** The ticket as mails show it, from its current state; null when it does not exist. */
export async function loadTicketView(
  _db: DbOrTx,
  _ticketId: string,
  _publicUrl: string,
): Promise<TicketView | null> {
  // Ticket mails arrive with the tickets schema; until then no ticket exists.
  return null;
}
