/**
 * R7: the engagement and resolution clocks of a ticket, computed from its history alone.
 * Pure and deterministic: the same events, `now`, calendar and targets always give the same
 * report, so it can be recomputed at any time instead of being stored and patched.
 */
import type { BusinessCalendar, HolidayLanguage } from '../calendar';
import { type ClockExplanation, explainClock } from './clock-explanation';
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
export function computeSla(events: readonly TicketEvent[], options: ComputeSlaOptions): SlaReport {
  return readSla(events, options, false).report;
}

/** The report and, for each clock, the timeline its due time was computed from (null without SLA). */
export interface ExplainedSla {
  report: SlaReport;
  engagement: ClockExplanation | null;
  resolution: ClockExplanation | null;
}

/**
 * computeSla, with the explanation of each clock: the same reading of the same timeline gives
 * both, so the explanation always adds up to the due time shown. `language` names the holidays.
 */
export function explainSla(
  events: readonly TicketEvent[],
  options: ComputeSlaOptions & { language?: HolidayLanguage },
): ExplainedSla {
  return readSla(events, options, true);
}

/** Both clocks read once; the explanation's parts are listed only when asked for (they cost more). */
function readSla(
  events: readonly TicketEvent[],
  { now, calendar, targets, language }: ComputeSlaOptions & { language?: HolidayLanguage },
  explain: boolean,
): ExplainedSla {
  const history = replaySlaHistory(events, now);
  const base = {
    applicable: history.countsTowardSla,
    criticality: history.criticality,
    pauses: history.pauses,
  };
  if (!history.countsTowardSla) {
    const report = { ...base, engagement: notApplicableClock, resolution: notApplicableClock };
    return { report, engagement: null, resolution: null };
  }
  const clock = (end: SlaHistory['engagementEnd'], target: (criticality: Criticality) => number) => {
    const criticality = end?.criticality ?? history.criticality;
    const input = {
      createdAt: history.createdAt,
      targetMinutes: target(criticality),
      pauses: history.pauses,
      end,
      now,
      calendar,
      criticality,
      initialCriticality: history.initialCriticality,
      criticalityChanges: history.criticalityChanges,
      ...(language ? { language } : {}),
    };
    return explain ? explainClock(input) : { report: reportClock(input), explanation: null };
  };
  const engagement = clock(history.engagementEnd, (criticality) => targets[criticality].engagementMinutes);
  const resolution = clock(history.resolutionEnd, (criticality) => targets[criticality].resolutionMinutes);
  return {
    report: { ...base, engagement: engagement.report, resolution: resolution.report },
    engagement: engagement.explanation,
    resolution: resolution.explanation,
  };
}
