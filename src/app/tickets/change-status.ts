import type { CloseReason, TicketStatus } from '../../domain/tickets/index';
import type { Actor, AppContext } from '../context';
import { applyStatusChange } from './apply-status-change';
import type { TicketRow } from './record-event';
import { loadTicketFor } from './scope';

export interface ChangeStatusInput {
  status: TicketStatus;
  rpcReference?: string;
  spcReference?: string;
  closeReason?: CloseReason;
}

/** Any change of the R6 table, with the fields it requires; the table decides who may. */
export async function changeStatus(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
  input: ChangeStatusInput,
): Promise<TicketRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, actor, ticketId, { lock: true });
    const result = await applyStatusChange(tx, {
      ticket,
      actor,
      to: input.status,
      now,
      rpcReference: input.rpcReference ?? null,
      spcReference: input.spcReference ?? null,
      closeReason: input.closeReason ?? null,
    });
    return result.ticket;
  });
}
