import type { CloseReason } from '../../domain/tickets/index';
import type { Actor, AppContext } from '../context';
import { applyStatusChange } from './apply-status-change';
import type { TicketRow } from './record-event';
import { loadTicketFor } from './scope';

/** Closes a ticket for good (R6). Customers close their company's tickets as `closed_by_customer`. */
export async function closeTicket(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
  input: { reason?: CloseReason },
): Promise<TicketRow> {
  const now = ctx.clock.now();
  const reason = input.reason ?? (actor.role === 'customer' ? 'closed_by_customer' : undefined);
  return ctx.db.transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, actor, ticketId, { lock: true });
    const result = await applyStatusChange(tx, {
      ticket,
      actor,
      to: 'closed',
      now,
      closeReason: reason ?? null,
    });
    return result.ticket;
  });
}
