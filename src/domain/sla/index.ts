/**
 * SLA engine (R7): engagement and resolution clocks in business minutes of the desk's calendar,
 * paused while waiting on the customer or Development, stopped at transfer to Consulting and at
 * closing. Pure: pass the ticket's history and `now`; store `dueAt` on the ticket and schedule
 * the instants of `slaTimers`.
 */

export type { ClockExplanation, ExplainedPart } from './clock-explanation';
export type { SlaClockReport, SlaClockState } from './clock-report';
export { AT_RISK_SHARE, atRiskThresholdMinutes } from './clock-report';
export type { ComputeSlaOptions, ExplainedSla, SlaReport } from './compute-sla';
export { computeSla, explainSla } from './compute-sla';
export type { Criticality } from './criticality';
export type { CriticalityChange, PausedInterval } from './sla-history';
export { SlaHistoryError } from './sla-history';
export type { SlaTimer } from './sla-timers';
export { slaTimers } from './sla-timers';
export type { SlaRecomputation, StoredSla, TicketSlaState } from './stored-sla';
export { sameStoredSla, storedSla, TICKET_SLA_STATES, ticketSlaState } from './stored-sla';
export type { SlaTarget, SlaTargets, SlaTargetsOverride } from './targets';
export { defaultSlaTargets, resolveSlaTargets } from './targets';
export type { TicketEvent, TicketStatus } from './ticket-events';
export { PAUSING_STATUSES } from './ticket-events';
