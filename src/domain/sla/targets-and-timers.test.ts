import { describe, expect, it } from 'vitest';
import { zurichInstant as at, businessCalendar, defaultCalendarConfig } from '../calendar';
import { atRiskThresholdMinutes } from './clock-report';
import { computeSla } from './compute-sla';
import { history } from './sla-test-support';
import { slaTimers } from './sla-timers';
import { defaultSlaTargets, resolveSlaTargets } from './targets';

describe('SLA targets', () => {
  it('has the R7 defaults in business minutes', () => {
    expect(defaultSlaTargets.critique).toEqual({ engagementMinutes: 60, resolutionMinutes: 480 });
    expect(defaultSlaTargets.basse).toEqual({ engagementMinutes: 960, resolutionMinutes: 9600 });
  });

  it('applies a contract override on top of the global targets', () => {
    const targets = resolveSlaTargets(defaultSlaTargets, { critique: { engagementMinutes: 30 } });
    expect(targets.critique).toEqual({ engagementMinutes: 30, resolutionMinutes: 480 });
    expect(targets.haute).toEqual(defaultSlaTargets.haute);
  });

  it('refuses targets that are not whole non-negative minutes', () => {
    expect(() => resolveSlaTargets(defaultSlaTargets, { basse: { resolutionMinutes: -5 } })).toThrow(
      RangeError,
    );
    expect(() => resolveSlaTargets(defaultSlaTargets, { basse: { engagementMinutes: 1.5 } })).toThrow(
      /basse.engagementMinutes/,
    );
  });

  it('is at risk from 75 %, rounded up to a whole minute', () => {
    expect(atRiskThresholdMinutes(60)).toBe(45);
    expect(atRiskThresholdMinutes(10)).toBe(8);
  });
});

describe('slaTimers', () => {
  const calendar = businessCalendar(defaultCalendarConfig);
  const options = (now: string) => ({ now: at(now), calendar, targets: defaultSlaTargets });

  it('schedules at-risk and breach of the running clocks, earliest first', () => {
    const report = computeSla(history('2026-01-12 08:00', 'critique'), options('2026-01-12 08:10'));
    expect(slaTimers(report)).toEqual([
      { clock: 'engagement', kind: 'at_risk', at: at('2026-01-12 08:45') },
      { clock: 'engagement', kind: 'breach', at: at('2026-01-12 09:01') }, // due 09:00, late from 09:01
      { clock: 'resolution', kind: 'at_risk', at: at('2026-01-12 15:30') }, // 360 min: 4 h + 13:30–15:30
      { clock: 'resolution', kind: 'breach', at: at('2026-01-12 17:31') },
    ]);
  });

  it('schedules nothing for a paused ticket', () => {
    const events = history('2026-01-12 08:00', 'critique', [
      ['2026-01-12 08:10', 'in_progress'],
      ['2026-01-12 08:20', 'waiting_customer'],
    ]);
    expect(slaTimers(computeSla(events, options('2026-01-12 09:00')))).toEqual([]);
  });
});
