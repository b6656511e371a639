import type { Actor, AppContext } from '../context';
import type { TicketRow } from './record-event';
import { loadTicketFor } from './scope';
import { applyStatusChange } from './status-change';

/**
 * Hands a support ticket to the Consulting department (R6): it moves to the consulting desk,
 * unassigned, keeping its SUP key; a consultant takes it from there and its time becomes billable.
 */
export async function transferToConsulting(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
): Promise<TicketRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, actor, ticketId, { lock: true });
    const result = await applyStatusChange(tx, { ticket, actor, to: 'transferred_consulting', now });
    return result.ticket;
  });
}
