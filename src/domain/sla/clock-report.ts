/**
 * What staff and customers are told about one SLA clock (engagement or resolution).
 *
 * Conventions:
 * - a clock is breached when more business minutes than its target have run; so a ticket due at
 *   12:00 and answered during the lunch break is on time, no business minute was exceeded;
 * - `dueAt` is the earliest instant at which the target is reached (it may be the end of an open
 *   interval, e.g. 12:00); for a paused clock it assumes the pause ends now;
 * - `breachedAt` is the first instant at which the clock is breached, one business minute after
 *   the due time (12:00 due → breached from 13:31 after the lunch break).
 */
import type { BusinessCalendar } from '../calendar';
import { type RunningTime, runningTime } from './running-time';
import type { ClockEnd, PausedInterval } from './sla-history';

/** running/paused: counting or waiting; met/breached: ended on time or late (breached also while still open). */
export type SlaClockState = 'running' | 'paused' | 'met' | 'breached' | 'stopped' | 'not_applicable';

/** One clock as of `now`; instants are whole minutes. */
export interface SlaClockReport {
  state: SlaClockState;
  /** Business minutes allowed; null when the ticket has no SLA. */
  targetMinutes: number | null;
  /** Null when stopped on time or not applicable. */
  dueAt: Date | null;
  elapsedMinutes: number;
  /** target − elapsed: negative once breached; null when not applicable. */
  remainingMinutes: number | null;
  /** At least 75 % of the target used while the clock still runs or is paused. */
  atRisk: boolean;
  /** When 75 % is (or will be, if nothing changes) reached; null if it never was before the end. */
  atRiskAt: Date | null;
  breachedAt: Date | null;
  /** When a running or paused clock will breach if it keeps running; null otherwise. */
  breachesAt: Date | null;
  metAt: Date | null;
  stoppedAt: Date | null;
}

/** The share of a target after which a clock is at risk (R7). */
export const AT_RISK_SHARE = 0.75;

/** Business minutes after which a clock with this target is at risk. */
export function atRiskThresholdMinutes(targetMinutes: number): number {
  return Math.ceil(targetMinutes * AT_RISK_SHARE);
}

export const notApplicableClock: SlaClockReport = {
  state: 'not_applicable',
  targetMinutes: null,
  dueAt: null,
  elapsedMinutes: 0,
  remainingMinutes: null,
  atRisk: false,
  atRiskAt: null,
  breachedAt: null,
  breachesAt: null,
  metAt: null,
  stoppedAt: null,
};

export interface ClockInput {
  createdAt: Date;
  targetMinutes: number;
  pauses: readonly PausedInterval[];
  end: ClockEnd | null;
  now: Date;
  calendar: BusinessCalendar;
}

export function reportClock(input: ClockInput): SlaClockReport {
  return readClock(input).report;
}

/** The report of a clock and the running time it was read from (which the explanation lists). */
export function readClock({ createdAt, targetMinutes, pauses, end, now, calendar }: ClockInput): {
  report: SlaClockReport;
  time: RunningTime;
  readAt: Date;
} {
  const readAt = end ? end.at : now;
  const time = runningTime(createdAt, pauses, readAt, calendar);
  const breached = time.elapsed > targetMinutes;
  const threshold = atRiskThresholdMinutes(targetMinutes);
  const reachedThreshold = time.elapsed >= threshold;
  const pausedNow = !end && pauses.some((pause) => pause.to === null);
  const state: SlaClockState = breached ? 'breached' : end ? end.outcome : pausedNow ? 'paused' : 'running';
  const report: SlaClockReport = {
    state,
    targetMinutes,
    dueAt: state === 'stopped' ? null : time.instantReaching(targetMinutes),
    elapsedMinutes: time.elapsed,
    remainingMinutes: targetMinutes - time.elapsed,
    atRisk: !end && reachedThreshold,
    atRiskAt: reachedThreshold || !end ? time.instantReaching(threshold) : null,
    breachedAt: breached ? time.instantReaching(targetMinutes + 1) : null,
    breachesAt: !breached && !end ? time.instantReaching(targetMinutes + 1) : null,
    metAt: end?.outcome === 'met' ? end.at : null,
    stoppedAt: end?.outcome === 'stopped' ? end.at : null,
  };
  return { report, time, readAt };
}
