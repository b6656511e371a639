import { type Criticality, isLowering } from '../../domain/tickets/index';
import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { applyStatusChange } from './apply-status-change';
import { assertNotClosed, assertWorksDesk } from './guards';
import { mailTicketCreator } from './notify';
import { recordEvent, type TicketRow } from './record-event';
import { usableRequestType } from './request-type-check';
import { loadTicketFor } from './scope';

export interface QualifyTicketInput {
  /** The confirmed criticality; a change needs a reason, shown to the customer. */
  criticality?: Criticality;
  /** The confirmed request type (support tickets). */
  requestTypeId?: string;
  reason?: string;
}

/**
 * R5: staff confirm type and criticality. An open ticket becomes qualified; on a ticket already
 * qualified it re-qualifies without a status change. Lowering the criticality always tells the
 * customer: a public timeline entry with the reason and one mail in their language. Raising it
 * also needs a reason (public entry) but sends no mail: it only speeds things up for them.
 */
export async function qualifyTicket(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
  input: QualifyTicketInput,
): Promise<TicketRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    let ticket = await loadTicketFor(tx, actor, ticketId, { lock: true });
    assertWorksDesk(actor, ticket);
    assertNotClosed(ticket);
    const reason = input.reason?.trim() ?? '';
    let lowered = false;

    if (input.criticality && input.criticality !== ticket.criticality) {
      if (!reason) throw new AppError('reason_required');
      const from = ticket.criticality;
      lowered = isLowering(from, input.criticality);
      ({ ticket } = await recordEvent(tx, {
        ticket,
        actorId: actor.userId,
        kind: 'criticality_changed',
        visibility: 'public',
        patch: { criticality: input.criticality },
        data: { reason, direction: lowered ? 'lowered' : 'raised' },
        now,
      }));
      if (lowered) {
        await mailTicketCreator(tx, {
          ticket,
          template: 'ticket.criticality_lowered',
          params: { from, to: input.criticality, reason },
          actorId: actor.userId,
          now,
        });
      }
    }

    if (input.requestTypeId && input.requestTypeId !== ticket.requestTypeId) {
      const type = await usableRequestType(tx, {
        requestTypeId: input.requestTypeId,
        companyId: ticket.companyId,
        byCustomer: false,
        now,
        language: actor.language,
      });
      ({ ticket } = await recordEvent(tx, {
        ticket,
        actorId: actor.userId,
        kind: 'type_changed',
        visibility: 'public',
        patch: { requestTypeId: type.id },
        data: { countsTowardSla: type.countsTowardSla, code: type.code },
        now,
      }));
    }

    if (ticket.status === 'open') {
      // One mail per operation: the criticality mail already tells the customer where things stand.
      ({ ticket } = await applyStatusChange(tx, { ticket, actor, to: 'qualified', now, mail: !lowered }));
    }
    return ticket;
  });
}
