import { statusLabels } from '../../i18n/ticket-labels';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { policy, startsWorkWhenTaken } from '../policy';
import { applyStatusChange } from './apply-status-change';
import { assertNotClosed, assertWorksDesk } from './guards';
import { recordEvent, type TicketRow } from './record-event';
import { loadTicketFor } from './scope';

/**
 * A staff member takes the ticket in charge: assigned to themselves, and a qualified ticket (or
 * one transferred to Consulting) moves to in_progress. On a ticket already being handled it only
 * changes the assignee. An open ticket must be qualified first (R5). Who may take what is
 * `policy.takeTicket`, the same predicate that tells the client.
 */
export async function takeTicket(ctx: AppContext, actor: Actor, ticketId: string): Promise<TicketRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, actor, ticketId, { lock: true });
    assertWorksDesk(actor, ticket);
    assertNotClosed(ticket);
    if (ticket.status === 'open') {
      const labels = statusLabels.open[actor.language];
      const to = statusLabels.in_progress[actor.language];
      throw new AppError('transition_not_allowed', { from: labels, to }, { from: 'open', to: 'in_progress' });
    }
    // Already theirs and already being worked on: taking it again changes nothing.
    if (!policy.takeTicket(actor, ticket)) return ticket;
    if (startsWorkWhenTaken(ticket.status)) {
      const result = await applyStatusChange(tx, {
        ticket,
        actor,
        to: 'in_progress',
        now,
        extraPatch: { assigneeId: actor.userId },
      });
      return result.ticket;
    }
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
