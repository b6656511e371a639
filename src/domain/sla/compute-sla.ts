/**
 * R7: the engagement and resolution clocks of a ticket, computed from its history alone.
 * Pure and deterministic: the same events, `now`, calendar and targets always give the same
 * report, so it can be recomputed at any time instead of being stored and patched.
 */
import type { BusinessCalendar } from '../calendar';
import { notApplicableClock, reportClock, type SlaClockReport } from './clock-report';
import type { Criticality } from './criticality';
import { type PausedInterval, replaySlaHistory, type SlaHistory } from './sla-history';
import type { SlaTargets } from './targets';
import type { TicketEvent } from './ticket-events';

export interface SlaReport {
  /** False when the ticket's request type does not count toward SLA. */
  applicable: boolean;
  /** The criticality in force now. */
  criticality: Criticality;
  engagement: SlaClockReport;
  resolution: SlaClockReport;
  /** Every pause up to now (or up to the stop), `to` null while still waiting. */
  pauses: PausedInterval[];
}

export interface ComputeSlaOptions {
  now: Date;
  calendar: BusinessCalendar;
  /** The targets in force for the ticket's contract (see resolveSlaTargets). */
  targets: SlaTargets;
}

/**
 * Computes both SLA clocks as of `now`. A criticality change recomputes each clock's target from
 * the creation (pauses kept); a clock that already ended keeps the criticality it ended under.
 * Throws SlaHistoryError when the events hold no creation at or before `now`.
 */
export function computeSla(
  events: readonly TicketEvent[],
  { now, calendar, targets }: ComputeSlaOptions,
): SlaReport {
  const history = replaySlaHistory(events, now);
  const report = {
    applicable: history.countsTowardSla,
    criticality: history.criticality,
    pauses: history.pauses,
  };
  if (!history.countsTowardSla) {
    return { ...report, engagement: notApplicableClock, resolution: notApplicableClock };
  }
  const clock = (end: SlaHistory['engagementEnd'], target: (criticality: Criticality) => number) =>
    reportClock({
      createdAt: history.createdAt,
      targetMinutes: target(end?.criticality ?? history.criticality),
      pauses: history.pauses,
      end,
      now,
      calendar,
    });
  return {
    ...report,
    engagement: clock(history.engagementEnd, (criticality) => targets[criticality].engagementMinutes),
    resolution: clock(history.resolutionEnd, (criticality) => targets[criticality].resolutionMinutes),
  };
}
