import { describe, expect, it } from 'vitest';
import { zurichInstant as at, businessCalendar, defaultCalendarConfig, zurichLocalString } from '../calendar';
import type { SlaClockReport } from './clock-report';
import { computeSla } from './compute-sla';
import { defaultSlaTargets } from './targets';

const calendar = businessCalendar(defaultCalendarConfig);
const options = (now: string) => ({ now: at(now), calendar, targets: defaultSlaTargets });
const local = (instant: Date | null) => (instant ? zurichLocalString(instant) : null);

function observed(clock: SlaClockReport, expected: Expected) {
  return {
    state: clock.state,
    due: local(clock.dueAt),
    elapsed: clock.elapsedMinutes,
    ...('remaining' in expected ? { remaining: clock.remainingMinutes } : {}),
    ...('atRisk' in expected ? { atRisk: clock.atRisk } : {}),
    ...('metAt' in expected ? { metAt: local(clock.metAt) } : {}),
    ...('breachedAt' in expected ? { breachedAt: local(clock.breachedAt) } : {}),
  };
}

import { cases, type Expected } from './compute-sla-cases';

describe('computeSla (hand-computed, default calendar and targets)', () => {
  it.each(cases)('%s', (_name, events, now, clock, expected) => {
    const report = computeSla(events, options(now));
    expect(observed(report[clock], expected)).toEqual(expected);
  });
});
