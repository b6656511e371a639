/**
 * What a ticket row keeps of its SLA report (R7): the due times of the clocks still counting and
 * a one-word state, and what a recomputation tells the effects that follow it.
 */
import type { SlaClockReport } from './clock-report';
import type { SlaReport } from './compute-sla';
import type { SlaTimer } from './sla-timers';

/**
 * The one-word SLA state stored on a ticket, the worst of its two clocks: breached › at_risk ›
 * running › paused › met › stopped; 'none' when the request type does not count toward SLA.
 * 'breached' stays once a commitment was missed, even after the ticket is closed.
 */
export const TICKET_SLA_STATES = [
  'none',
  'running',
  'paused',
  'at_risk',
  'breached',
  'met',
  'stopped',
] as const;
export type TicketSlaState = (typeof TICKET_SLA_STATES)[number];

/** The due times and state stored on the ticket row. */
export interface StoredSla {
  engagementDueAt: Date | null;
  resolutionDueAt: Date | null;
  slaState: TicketSlaState;
}

/** Everything about a recomputation, for whoever schedules warnings from it. */
export interface SlaRecomputation {
  ticketId: string;
  now: Date;
  report: SlaReport;
  /** The future at-risk and breach instants of the running clocks (see slaTimers). */
  timers: SlaTimer[];
  before: StoredSla;
  after: StoredSla;
}

/** What the ticket row keeps of a report: the due times of the clocks still counting, and the state. */
export function storedSla(report: SlaReport): StoredSla {
  return {
    engagementDueAt: storedDue(report.engagement),
    resolutionDueAt: storedDue(report.resolution),
    slaState: ticketSlaState(report),
  };
}

export function sameStoredSla(a: StoredSla, b: StoredSla): boolean {
  return (
    a.slaState === b.slaState &&
    a.engagementDueAt?.getTime() === b.engagementDueAt?.getTime() &&
    a.resolutionDueAt?.getTime() === b.resolutionDueAt?.getTime()
  );
}

/**
 * A clock's due time while it counts (running, or breached and not yet ended); null when it is
 * paused (its due time moves with the pause), ended, or not applicable.
 */
function storedDue(clock: SlaClockReport): Date | null {
  if (clock.metAt || clock.stoppedAt) return null;
  return clock.state === 'running' || clock.state === 'breached' ? clock.dueAt : null;
}

export function ticketSlaState(report: SlaReport): TicketSlaState {
  if (!report.applicable) return 'none';
  const clocks = [report.engagement, report.resolution];
  if (clocks.some((clock) => clock.state === 'breached')) return 'breached';
  if (clocks.some((clock) => clock.atRisk)) return 'at_risk';
  if (clocks.some((clock) => clock.state === 'running')) return 'running';
  if (clocks.some((clock) => clock.state === 'paused')) return 'paused';
  if (clocks.some((clock) => clock.state === 'met')) return 'met';
  return 'stopped';
}
