import { DESK_INFO, handlesDesk } from '../../domain/tickets/index';
import type { Actor } from '../context';
import { AppError } from '../errors/index';
import type { TicketRow } from './record-event';

type StaffActor = Actor & { role: 'agent' | 'consultant' | 'admin' };

/** Staff only; customers get 403 (they reach this only for tickets they may see). */
export function assertStaff(actor: Actor): asserts actor is StaffActor {
  if (actor.role === 'customer') throw new AppError('forbidden');
}

/** Staff who work the ticket's desk: agents support, consultants consulting, admins both. */
export function assertWorksDesk(actor: Actor, ticket: TicketRow): asserts actor is StaffActor {
  assertStaff(actor);
  if (!handlesDesk(actor.role, ticket.desk)) {
    throw new AppError('wrong_desk', { desk: DESK_INFO[ticket.desk].label[actor.language] });
  }
}

export function assertNotClosed(ticket: TicketRow): void {
  if (ticket.status === 'closed') throw new AppError('ticket_is_closed');
}
