/**
 * Keeps every ticket's stored SLA in step with its history: after each recorded change that can
 * affect the clocks, in the same transaction, the due times and state are recomputed. Importing
 * this module once is enough; it registers itself only once. Each recomputation (re)arms the
 * at-risk and breach warning timers.
 */
import type { Tx } from '../../db/client';
import { afterTicketChange, type TicketChangeHook } from '../tickets/record-event';
import { scheduleSlaWarnings } from '../timers/sla-warnings';
import { afterSlaRecompute, recomputeTicketSla, type SlaRecomputeHook } from './ticket-sla';
import { mattersToSla } from './ticket-sla-events';

export const slaAfterTicketChange: TicketChangeHook = async (tx: Tx, ticket, event) => {
  if (!mattersToSla(event)) return;
  const change = await recomputeTicketSla(tx, ticket.id, event.at);
  // The caller returns this very row: keep its due times in step with what was stored.
  if (change) Object.assign(ticket, change.after);
};

/** R7 warnings: the at-risk and breach timers follow every recomputation. */
export const armSlaWarnings: SlaRecomputeHook = (tx, change) =>
  scheduleSlaWarnings(tx, change.ticketId, change.timers, change.now);

if (!afterTicketChange.includes(slaAfterTicketChange)) afterTicketChange.push(slaAfterTicketChange);
if (!afterSlaRecompute.includes(armSlaWarnings)) afterSlaRecompute.push(armSlaWarnings);
