/**
 * Replays a ticket's events into the few facts the SLA clocks need: when they started, when they
 * paused, and when and how each one ended.
 *
 * Replay rules:
 * - events are taken in time order (a stable sort, so equal instants keep the given order);
 *   events after `now` are ignored, so a history can be evaluated as of any past instant;
 * - instants are truncated to the minute, like the calendar does; an event dated before the
 *   creation (clock skew) counts as happening at the creation;
 * - the `from` of a status change is informational: the engine follows `to`;
 * - closed and transferred_consulting stop both clocks for good: later events are ignored.
 */
import type { Criticality } from './criticality';
import { PAUSING_STATUSES, type TicketEvent, type TicketStatus } from './ticket-events';

/** A time the clocks stood still; `to` is null while the ticket still waits. */
export interface PausedInterval {
  from: Date;
  to: Date | null;
  reason: TicketStatus;
}

/** How a clock ended: met (taken in charge, closed) or stopped (transferred, or closed unanswered). */
export interface ClockEnd {
  at: Date;
  outcome: 'met' | 'stopped';
  /** The criticality in force when the clock ended: later changes do not rewrite the past. */
  criticality: Criticality;
}

/** A change of criticality (R5), which recomputes the targets from the creation. */
export interface CriticalityChange {
  at: Date;
  from: Criticality;
  to: Criticality;
}

export interface SlaHistory {
  createdAt: Date;
  /** The criticality at creation, then the one in force after each change. */
  initialCriticality: Criticality;
  criticality: Criticality;
  criticalityChanges: CriticalityChange[];
  countsTowardSla: boolean;
  pauses: PausedInterval[];
  engagementEnd: ClockEnd | null;
  resolutionEnd: ClockEnd | null;
}

/** Thrown when a history cannot be replayed (it has no creation, or a creation after `now`). */
export class SlaHistoryError extends Error {
  override name = 'SlaHistoryError';
}

export function replaySlaHistory(events: readonly TicketEvent[], now: Date): SlaHistory {
  const ordered = events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => event.at.getTime() <= now.getTime())
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.index - b.index)
    .map(({ event }) => event);
  const created = ordered.find((event) => event.kind === 'created');
  if (!created) throw new SlaHistoryError('The ticket history has no creation event at or before now');

  const replay = new Replay(truncate(created.at), created.criticality, created.countsTowardSla);
  for (const event of ordered) {
    if (event === created) continue;
    if (replay.history.resolutionEnd) break;
    replay.apply(event);
  }
  return replay.history;
}

class Replay {
  readonly history: SlaHistory;
  private status: TicketStatus = 'open';

  constructor(createdAt: Date, criticality: Criticality, countsTowardSla: boolean) {
    this.history = {
      createdAt,
      initialCriticality: criticality,
      criticality,
      criticalityChanges: [],
      countsTowardSla,
      pauses: [],
      engagementEnd: null,
      resolutionEnd: null,
    };
  }

  apply(event: TicketEvent): void {
    const at = new Date(Math.max(truncate(event.at).getTime(), this.history.createdAt.getTime()));
    switch (event.kind) {
      case 'criticality_changed':
        if (event.to !== this.history.criticality) {
          this.history.criticalityChanges.push({ at, from: this.history.criticality, to: event.to });
        }
        this.history.criticality = event.to;
        return;
      case 'request_type_changed':
        this.history.countsTowardSla = event.countsTowardSla;
        return;
      case 'taken_in_charge':
        this.endEngagement(at, 'met');
        return;
      case 'closed':
        this.enter('closed', at);
        return;
      case 'status_changed':
        this.enter(event.to, at);
        return;
      case 'created':
        return; // a second creation event is noise; the first one counts
    }
  }

  private enter(status: TicketStatus, at: Date): void {
    if (status === this.status) return;
    this.endPause(at);
    if (PAUSING_STATUSES.has(status)) this.history.pauses.push({ from: at, to: null, reason: status });
    if (status === 'in_progress') this.endEngagement(at, 'met');
    if (status === 'closed' || status === 'transferred_consulting') {
      // Closing without ever taking the ticket in charge (e.g. closed by the customer) did not
      // meet the engagement: it stops it.
      this.endEngagement(at, 'stopped');
      this.history.resolutionEnd = this.end(at, status === 'closed' ? 'met' : 'stopped');
    }
    this.status = status;
  }

  private endPause(at: Date): void {
    const last = this.history.pauses.at(-1);
    if (!last || last.to !== null) return;
    last.to = at;
    // Within one minute a pause counts nothing; keeping it would only clutter the timeline.
    if (last.to.getTime() === last.from.getTime()) this.history.pauses.pop();
  }

  private endEngagement(at: Date, outcome: ClockEnd['outcome']): void {
    if (!this.history.engagementEnd) this.history.engagementEnd = this.end(at, outcome);
  }

  private end(at: Date, outcome: ClockEnd['outcome']): ClockEnd {
    return { at, outcome, criticality: this.history.criticality };
  }
}

function truncate(instant: Date): Date {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new SlaHistoryError('An event has an invalid date');
  return new Date(Math.floor(ms / 60_000) * 60_000);
}
