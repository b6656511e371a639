import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import { handlesDesk } from '../../domain/tickets/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { notifyStaff } from '../notifications/notify-staff';
import { assertNotClosed, assertWorksDesk } from './guards';
import { recordEvent, type TicketRow } from './record-event';
import { loadTicketFor } from './scope';

/** Staff assign a ticket to a staff member of its desk, or unassign it (null). Internal entry. */
export async function assignTicket(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
  input: { assigneeId: string | null },
): Promise<TicketRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, actor, ticketId, { lock: true });
    assertWorksDesk(actor, ticket);
    assertNotClosed(ticket);
    if (input.assigneeId) {
      const [assignee] = await tx.select().from(users).where(eq(users.id, input.assigneeId)).limit(1);
      if (!assignee?.active || assignee.role === 'customer' || !handlesDesk(assignee.role, ticket.desk)) {
        throw new AppError('assignee_not_eligible');
      }
    }
    if (ticket.assigneeId === input.assigneeId) return ticket;
    const result = await recordEvent(tx, {
      ticket,
      actorId: actor.userId,
      kind: 'assigned',
      visibility: 'internal',
      patch: { assigneeId: input.assigneeId },
      now,
    });
    if (input.assigneeId) {
      await notifyStaff(tx, [input.assigneeId], {
        kind: 'assigned',
        ticket: result.ticket,
        actorId: actor.userId,
        actorName: actor.name,
        now,
      });
    }
    return result.ticket;
  });
}
