/**
 * Builds ticket histories from readable Zurich local times for the SLA tests. Not used by the
 * application: the app maps its own audit trail to TicketEvent.
 */
import { zurichInstant } from '../calendar';
import type { Criticality } from './criticality';
import type { TicketEvent, TicketStatus } from './ticket-events';

/** One step after creation: a new status, 'taken', 'closed', or a change of criticality or type. */
export type Step = TicketStatus | 'taken' | { criticality: Criticality } | { countsTowardSla: boolean };

export function history(
  created: string,
  criticality: Criticality,
  steps: Array<[string, Step]> = [],
  countsTowardSla = true,
): TicketEvent[] {
  const events: TicketEvent[] = [
    { kind: 'created', at: zurichInstant(created), criticality, countsTowardSla },
  ];
  let status: TicketStatus = 'open';
  let current = criticality;
  for (const [local, step] of steps) {
    const at = zurichInstant(local);
    if (step === 'taken') events.push({ kind: 'taken_in_charge', at, via: 'public_answer' });
    else if (typeof step === 'string') {
      events.push({ kind: 'status_changed', at, from: status, to: step });
      status = step;
    } else if ('criticality' in step) {
      events.push({ kind: 'criticality_changed', at, from: current, to: step.criticality });
      current = step.criticality;
    } else events.push({ kind: 'request_type_changed', at, countsTowardSla: step.countsTowardSla });
  }
  return events;
}
