import type { Actor, AppContext } from '../context';
import { assertNotClosed, assertWorksDesk } from './guards';
import { recordEvent, type TicketRow } from './record-event';
import { loadTicketFor } from './scope';
import { applyStatusChange } from './status-change';

/**
 * A staff member takes the ticket in charge: assigned to themselves, and a qualified ticket (or
 * one transferred to Consulting) moves to in_progress. On a ticket already being handled it only
 * changes the assignee. An open ticket must be qualified first (R5).
 */
export async function takeTicket(ctx: AppContext, actor: Actor, ticketId: string): Promise<TicketRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, actor, ticketId, { lock: true });
    assertWorksDesk(actor, ticket);
    assertNotClosed(ticket);
    if (
      ticket.status === 'qualified' ||
      ticket.status === 'transferred_consulting' ||
      ticket.status === 'open'
    ) {
      const result = await applyStatusChange(tx, {
        ticket,
        actor,
        to: 'in_progress',
        now,
        extraPatch: { assigneeId: actor.userId },
      });
      return result.ticket;
    }
    if (ticket.assigneeId === actor.userId) return ticket;
    const result = await recordEvent(tx, {
      ticket,
      actorId: actor.userId,
      kind: 'taken',
      visibility: 'internal',
      patch: { assigneeId: actor.userId },
      now,
    });
    return result.ticket;
  });
}
