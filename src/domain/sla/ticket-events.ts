/**
 * The part of a ticket's history the SLA depends on, in the domain's words. The application
 * layer maps its audit trail to these events; the engine replays them, so the same history
 * always gives the same SLA.
 */
import type { TicketStatus } from '../tickets/statuses';
import type { Criticality } from './criticality';

export type { TicketStatus };

/** Statuses during which both clocks are paused: the ticket waits on the customer or Development. */
export const PAUSING_STATUSES: ReadonlySet<TicketStatus> = new Set<TicketStatus>([
  'waiting_customer',
  'waiting_development',
  'transferred_development',
]);

/** One fact of a ticket's history that the SLA depends on; `at` is when it happened. */
export type TicketEvent =
  | {
      kind: 'created';
      at: Date;
      criticality: Criticality;
      /** From the request type (R3): false means the ticket has no SLA. */
      countsTowardSla: boolean;
    }
  | { kind: 'status_changed'; at: Date; from: TicketStatus; to: TicketStatus }
  | { kind: 'criticality_changed'; at: Date; from: Criticality; to: Criticality }
  /** The request type changed at qualification, possibly to one that does (not) count. */
  | { kind: 'request_type_changed'; at: Date; countsTowardSla: boolean }
  /** Staff took the ticket in charge: a first public answer, or an explicit pick-up. */
  | { kind: 'taken_in_charge'; at: Date; via: 'public_answer' | 'pick_up' }
  | { kind: 'closed'; at: Date };
