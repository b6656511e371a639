import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessCalendar } from '../calendar';
import { arbitraryCalendarConfig, arbitraryInstant } from '../calendar/calendar-arbitraries';
import { computeSla } from './compute-sla';
import { defaultSlaTargets, resolveSlaTargets } from './targets';
import { PAUSING_STATUSES, type TicketEvent, type TicketStatus } from './ticket-events';

const MINUTE = 60_000;
const RUNS = { numRuns: 200 };
const pausingStatuses = [...PAUSING_STATUSES];

/** A stretch of the ticket's life: running or waiting, and whether a variant also waits then. */
interface Block {
  minutes: number;
  paused: boolean;
  alsoPausedInVariant: boolean;
  reason: TicketStatus;
}

const blocks = fc.array(
  fc.record({
    minutes: fc.integer({ min: 1, max: 3000 }),
    paused: fc.boolean(),
    alsoPausedInVariant: fc.boolean(),
    reason: fc.constantFrom(...pausingStatuses),
  }),
  { maxLength: 8 },
);
const resolutionTarget = fc.integer({ min: 1, max: 10_000 });

/** The events of a ticket living through `blocks`, and the instant the last block ends. */
function lifeOf(created: Date, life: Block[], isPaused: (block: Block) => boolean) {
  const events: TicketEvent[] = [
    { kind: 'created', at: created, criticality: 'haute', countsTowardSla: true },
  ];
  let status: TicketStatus = 'open';
  let cursor = created.getTime();
  for (const block of life) {
    const to: TicketStatus = isPaused(block) ? block.reason : 'in_progress';
    if (to !== status) events.push({ kind: 'status_changed', at: new Date(cursor), from: status, to });
    status = to;
    cursor += block.minutes * MINUTE;
  }
  return { events, end: new Date(cursor) };
}

const targetsWith = (resolutionMinutes: number) =>
  resolveSlaTargets(defaultSlaTargets, { haute: { resolutionMinutes } });

describe('SLA properties (random calendars and histories)', () => {
  it('more pause never makes a due time earlier', () => {
    fc.assert(
      fc.property(
        arbitraryCalendarConfig,
        arbitraryInstant,
        blocks,
        resolutionTarget,
        (config, created, life, target) => {
          const options = { calendar: businessCalendar(config), targets: targetsWith(target) };
          const base = lifeOf(created, life, (block) => block.paused);
          const morePaused = lifeOf(created, life, (block) => block.paused || block.alsoPausedInVariant);
          const due = computeSla(base.events, { ...options, now: base.end }).resolution.dueAt;
          const laterDue = computeSla(morePaused.events, { ...options, now: base.end }).resolution.dueAt;
          expect(laterDue?.getTime()).toBeGreaterThanOrEqual(due?.getTime() ?? Number.NaN);
        },
      ),
      RUNS,
    );
  });

  it('gives the same report when replayed, in any arrival order', () => {
    fc.assert(
      fc.property(
        arbitraryCalendarConfig,
        arbitraryInstant,
        blocks,
        fc.array(fc.double({ noNaN: true }), { minLength: 10, maxLength: 10 }),
        (config, created, life, shuffleKeys) => {
          const options = { calendar: businessCalendar(config), targets: defaultSlaTargets };
          const { events, end } = lifeOf(created, life, (block) => block.paused);
          const shuffled = events
            .map((event, index) => ({ event, key: shuffleKeys[index % shuffleKeys.length] ?? 0 }))
            .sort((a, b) => a.key - b.key)
            .map(({ event }) => event);
          const report = computeSla(events, { ...options, now: end });
          expect(computeSla(events, { ...options, now: end })).toEqual(report);
          expect(computeSla(shuffled, { ...options, now: end })).toEqual(report);
        },
      ),
      RUNS,
    );
  });

  it('without pauses, is due exactly target business minutes after creation, and breaches one minute later', () => {
    fc.assert(
      fc.property(arbitraryCalendarConfig, arbitraryInstant, resolutionTarget, (config, created, target) => {
        const calendar = businessCalendar(config);
        const options = { calendar, targets: targetsWith(target) };
        const events: TicketEvent[] = [
          { kind: 'created', at: created, criticality: 'haute', countsTowardSla: true },
        ];
        const atCreation = computeSla(events, { ...options, now: created }).resolution;
        expect(atCreation.dueAt).toEqual(calendar.addBusinessMinutes(created, target));
        const atDue = computeSla(events, { ...options, now: atCreation.dueAt ?? created }).resolution;
        expect([atDue.state, atDue.remainingMinutes]).toEqual(['running', 0]);
        const atBreach = computeSla(events, { ...options, now: atCreation.breachesAt ?? created }).resolution;
        expect([atBreach.state, atBreach.remainingMinutes]).toEqual(['breached', -1]);
      }),
      RUNS,
    );
  });
});
