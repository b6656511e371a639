import { describe, expect, it } from 'vitest';
import { zurichInstant as at, businessCalendar, defaultCalendarConfig, zurichLocalString } from '../calendar';
import { computeSla } from './compute-sla';
import { SlaHistoryError } from './sla-history';
import { history, type Step } from './sla-test-support';
import { defaultSlaTargets } from './targets';
import type { TicketEvent } from './ticket-events';

const calendar = businessCalendar(defaultCalendarConfig);
const options = (now: string) => ({ now: at(now), calendar, targets: defaultSlaTargets });
const local = (instant: Date | null) => (instant ? zurichLocalString(instant) : null);
const steps = (...list: Array<[string, Step]>) => list;

describe('computeSla across daylight-saving changes', () => {
  it('spans the spring change to the right UTC instant', () => {
    // Moyenne 8 h: Fri 14:00–17:00 CET (3 h), Mon 08:00–12:00 CEST (4 h), 13:30–14:30 CEST = 12:30 UTC.
    const report = computeSla(history('2026-03-27 14:00', 'moyenne'), options('2026-03-27 14:00'));
    expect(report.engagement.dueAt?.toISOString()).toBe('2026-03-30T12:30:00.000Z');
  });

  it('spans the autumn change to the right UTC instant', () => {
    // Critique resolution 8 h: Fri 13:30–17:00 CEST (3 h 30), Mon 4 h, 13:30–14:00 CET = 13:00 UTC.
    const report = computeSla(history('2026-10-23 13:30', 'critique'), options('2026-10-23 13:30'));
    expect(report.resolution.dueAt?.toISOString()).toBe('2026-10-26T13:00:00.000Z');
  });
});

describe('computeSla pauses, at-risk and replay', () => {
  const twoPauses = history(
    '2026-01-12 08:00',
    'critique',
    steps(
      ['2026-01-12 08:10', 'in_progress'],
      ['2026-01-12 09:00', 'waiting_customer'],
      ['2026-01-12 10:00', 'in_progress'],
      ['2026-01-12 14:00', 'transferred_development'],
    ),
  );

  it('lists paused intervals with their reason, the last one still open', () => {
    const report = computeSla(twoPauses, options('2026-01-12 16:00'));
    expect(report.pauses.map((p) => [local(p.from), local(p.to), p.reason])).toEqual([
      ['2026-01-12 09:00', '2026-01-12 10:00', 'waiting_customer'],
      ['2026-01-12 14:00', null, 'transferred_development'],
    ]);
    expect(report.resolution.state).toBe('paused');
  });

  it('gives the at-risk instant at 75 % of the target', () => {
    // Critique engagement 60 min from Mon 08:00: at risk from 08:45.
    const report = computeSla(history('2026-01-12 08:00', 'critique'), options('2026-01-12 08:10'));
    expect(local(report.engagement.atRiskAt)).toBe('2026-01-12 08:45');
    expect(report.engagement.atRisk).toBe(false);
    expect(
      computeSla(history('2026-01-12 08:00', 'critique'), options('2026-01-12 08:45')).engagement.atRisk,
    ).toBe(true);
  });

  it('gives the same answer when replayed, whatever the order events arrive in', () => {
    const first = computeSla(twoPauses, options('2026-01-13 11:00'));
    const again = computeSla([...twoPauses].reverse(), options('2026-01-13 11:00'));
    expect(again).toEqual(first);
    expect(computeSla(twoPauses, options('2026-01-13 11:00'))).toEqual(first);
  });

  it('ignores events after now, so a history reads as of any instant', () => {
    const asOf = computeSla(twoPauses, options('2026-01-12 09:30'));
    const truncated = computeSla(twoPauses.slice(0, 3), options('2026-01-12 09:30'));
    expect(asOf).toEqual(truncated);
  });

  it('refuses a history without creation', () => {
    const events: TicketEvent[] = [{ kind: 'closed', at: at('2026-01-12 09:00') }];
    expect(() => computeSla(events, options('2026-01-12 10:00'))).toThrow(SlaHistoryError);
  });
});
