import type { StaffRole } from '../../domain/roles';
import { DESK_INFO } from '../../domain/tickets/index';
import type { Actor } from '../context';
import { AppError } from '../errors/index';
import { authorize, policy } from '../policy';
import type { TicketRow } from './record-event';

type StaffActor = Actor & { role: StaffRole };

/** Staff only; customers get 403 (they reach this only for tickets they may see). */
export function assertStaff(actor: Actor): asserts actor is StaffActor {
  authorize(policy.workAsStaff(actor));
}

/** `policy.workTicket`, with the desk named in the refusal. */
export function assertWorksDesk(actor: Actor, ticket: TicketRow): asserts actor is StaffActor {
  assertStaff(actor);
  if (!policy.workTicket(actor, ticket)) {
    throw new AppError('wrong_desk', { desk: DESK_INFO[ticket.desk].label[actor.language] });
  }
}

export function assertNotClosed(ticket: TicketRow): void {
  if (ticket.status === 'closed') throw new AppError('ticket_is_closed');
}
