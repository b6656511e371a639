/**
 * When to wake up for a ticket's SLA: the worker stores these as due timestamps (R7 at-risk and
 * breach warnings) and recomputes the report when one fires, since the history may have changed.
 */
import type { SlaReport } from './compute-sla';

export interface SlaTimer {
  clock: 'engagement' | 'resolution';
  kind: 'at_risk' | 'breach';
  at: Date;
}

/**
 * The future warnings of the clocks that are running now, earliest first. Paused, ended and
 * breached clocks get none: a pause may last for weeks, and resuming it is an event that leads
 * to a recomputation anyway.
 */
export function slaTimers(report: SlaReport): SlaTimer[] {
  const timers: SlaTimer[] = [];
  for (const clock of ['engagement', 'resolution'] as const) {
    const state = report[clock];
    if (state.state !== 'running') continue;
    if (!state.atRisk && state.atRiskAt) timers.push({ clock, kind: 'at_risk', at: state.atRiskAt });
    if (state.breachesAt) timers.push({ clock, kind: 'breach', at: state.breachesAt });
  }
  return timers.sort((a, b) => a.at.getTime() - b.at.getTime());
}
