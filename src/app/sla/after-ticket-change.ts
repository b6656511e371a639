import { type TicketChangeEffect, withBatchForm } from '../effects';
import { recomputeSlaOfChanges } from './recompute-many';
import { recomputeTicketSla, storeTicketSla } from './ticket-sla';
import { mattersToSla, slaHistoryOf } from './ticket-sla-events';

/**
 * The after-change effect that keeps a ticket's stored SLA in step with its history (R7): after
 * each recorded change that can affect the clocks, in the same transaction, the due times and
 * state are recomputed (which runs the after-recompute effects: the warning timers).
 */
export const recomputeSlaAfterChange: TicketChangeEffect = withBatchForm(
  async function recomputeSlaAfterChange(tx, ticket, event, known) {
    if (!mattersToSla(event)) return;
    const opening = event.kind === 'created' ? known?.sla?.opening : undefined;
    if (opening) {
      // Its creation computed it from this very entry (openingSla): stored as it is.
      const change = await storeTicketSla(tx, ticket, opening.report, opening.targets, event.at);
      Object.assign(ticket, change.after);
      return;
    }
    // A ticket just created has no history but this entry: computed from what was just written,
    // with the settings and terms its creation read (known), none of it read again.
    const history =
      event.kind === 'created'
        ? await slaHistoryOf(tx, ticket, [{ ...event, actorRole: null }], known?.sla?.countingTypes)
        : undefined;
    const change = await recomputeTicketSla(tx, ticket.id, event.at, history, known?.sla);
    // The caller returns this very row: keep its due times in step with what was stored.
    if (change) Object.assign(ticket, change.after);
  },
  async (tx, changes) => {
    const matter = changes.filter(({ event }) => mattersToSla(event));
    // Creations come one by one with what their creation read; the rest all at once.
    for (const { ticket, event, known } of matter.filter((c) => c.event.kind === 'created')) {
      await recomputeSlaAfterChange(tx, ticket, event, known);
    }
    await recomputeSlaOfChanges(
      tx,
      matter.filter((c) => c.event.kind !== 'created'),
    );
  },
);
