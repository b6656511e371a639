import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessCalendar } from '../calendar';
import { arbitraryCalendarConfig, arbitraryInstant } from '../calendar/calendar-arbitraries';
import { computeSla, explainSla } from './compute-sla';
import { CRITICALITIES, type Criticality } from './criticality';
import { defaultSlaTargets } from './targets';
import type { TicketEvent, TicketStatus } from './ticket-events';

const MINUTE = 60_000;
const statuses: TicketStatus[] = [
  'in_progress',
  'waiting_customer',
  'waiting_development',
  'transferred_development',
  'transferred_consulting',
  'closed',
];

/** After a random gap, a change of status, of criticality, or a taking in charge. */
type Change = { status: TicketStatus } | { criticality: Criticality } | { taken: true };

const step: fc.Arbitrary<{ gap: number; change: Change }> = fc.record({
  gap: fc.integer({ min: 0, max: 4000 }),
  change: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...statuses).map((to): Change => ({ status: to })) },
    { weight: 2, arbitrary: fc.constantFrom(...CRITICALITIES).map((to): Change => ({ criticality: to })) },
    { weight: 1, arbitrary: fc.constant<Change>({ taken: true }) },
  ),
});

function historyOf(created: Date, steps: Array<{ gap: number; change: Change }>) {
  const events: TicketEvent[] = [
    { kind: 'created', at: created, criticality: 'moyenne', countsTowardSla: true },
  ];
  let status: TicketStatus = 'open';
  let criticality: Criticality = 'moyenne';
  let cursor = created.getTime();
  for (const { gap, change } of steps) {
    cursor += gap * MINUTE;
    const at = new Date(cursor);
    if ('status' in change) {
      const to = change.status;
      events.push({ kind: 'status_changed', at, from: status, to });
      status = to;
    } else if ('criticality' in change) {
      const to = change.criticality;
      events.push({ kind: 'criticality_changed', at, from: criticality, to });
      criticality = to;
    } else events.push({ kind: 'taken_in_charge', at, via: 'public_answer' });
  }
  return { events, last: new Date(cursor) };
}

describe('the explanation of a due time (random calendars and histories)', () => {
  it('adds up: parts to the time used, start + target + pauses + closed time to the due time', () => {
    fc.assert(
      fc.property(
        arbitraryCalendarConfig,
        arbitraryInstant,
        fc.array(step, { maxLength: 10 }),
        fc.integer({ min: 0, max: 3000 }),
        (config, created, steps, after) => {
          const calendar = businessCalendar(config);
          const { events, last } = historyOf(created, steps);
          const now = new Date(last.getTime() + after * MINUTE);
          const options = { now, calendar, targets: defaultSlaTargets };
          const explained = explainSla(events, options);
          // The report that comes with the explanation is the report, not a second computation.
          expect(explained.report).toEqual(computeSla(events, options));
          for (const clock of ['engagement', 'resolution'] as const) {
            const explanation = explained[clock];
            const report = explained.report[clock];
            if (!explanation) throw new Error('a counting ticket has explanations');
            const { parts, startedAt, dueAt, untilDue, targetMinutes } = explanation;
            // One unbroken timeline from the start.
            let cursor = startedAt.getTime();
            for (const part of parts) {
              expect(part.from.getTime()).toBe(cursor);
              cursor = part.to.getTime();
            }
            const used = parts
              .filter((part) => part.kind === 'working' && !part.projected)
              .reduce((sum, part) => sum + part.businessMinutes, 0);
            expect(used).toBe(report.elapsedMinutes);
            expect(explanation.usedMinutes).toBe(report.elapsedMinutes);
            expect(untilDue.working).toBe(targetMinutes);
            expect((dueAt.getTime() - startedAt.getTime()) / MINUTE).toBe(
              targetMinutes + untilDue.paused + untilDue.closed,
            );
            if (report.state !== 'stopped') expect(report.dueAt).toEqual(dueAt);
          }
        },
      ),
      { numRuns: 100 },
    );
    // Sparse random calendars make long explanations: give the hundred histories time.
  }, 120_000);
});
