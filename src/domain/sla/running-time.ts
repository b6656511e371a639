/**
 * The running time of one clock: from the ticket's creation, minus its pauses, measured in
 * business minutes. The two questions the SLA asks of it: how many minutes have run by an
 * instant, and at which instant a given number of minutes will have run.
 *
 * Both are answered by walking one timeline of the clock's life (clockParts): time that counted,
 * time the desk was closed, time the ticket waited. The explanation shown to people lists the
 * same parts, so a due time and its explanation cannot disagree.
 */
import type { BusinessCalendar } from '../calendar';
import type { PausedInterval } from './sla-history';
import type { TicketStatus } from './ticket-events';

/**
 * A stretch of the clock's life, in whole minutes since the epoch, [from, to):
 * working — the desk was open and the clock counted; closed — the desk was closed (nights,
 * lunch, weekends, holidays) while the clock would have counted; paused — the ticket waited
 * (whatever the desk's hours), `ongoing` while it still waits at the reading instant.
 */
export type ClockPart =
  | { kind: 'working'; from: number; to: number }
  | { kind: 'closed'; from: number; to: number }
  | { kind: 'paused'; from: number; to: number; reason: TicketStatus; ongoing: boolean };

export interface RunningTime {
  /** Business minutes run by `until` (the evaluation instant). */
  elapsed: number;
  /** The earliest instant at which `minutes` business minutes have run, assuming no new pause. */
  instantReaching(minutes: number): Date;
  /** The timeline from the start, cut at each instant of `cuts` and ending at the last one. */
  partsUntil(cuts: readonly Date[]): ClockPart[];
}

/**
 * `until` is where the clock is read: now, or the instant it ended. A pause still open at
 * `until` is treated as ending there, so what lies beyond is "as if it resumed now".
 */
export function runningTime(
  start: Date,
  pauses: readonly PausedInterval[],
  until: Date,
  calendar: BusinessCalendar,
): RunningTime {
  const readAt = minuteOf(until);
  // Walked once, lazily: the due, at-risk and breach instants all read the same parts.
  const parts = memoised(cutAt(clockParts(minuteOf(start), pauses, readAt, calendar), [readAt]));
  let elapsed = 0;
  for (const part of parts()) {
    if (part.from >= readAt) break;
    if (part.kind === 'working') elapsed += part.to - part.from;
  }
  return {
    elapsed,
    instantReaching: (minutes) => {
      let left = minutes;
      for (const part of parts()) {
        if (part.kind !== 'working') continue;
        if (left <= part.to - part.from) return new Date((part.from + left) * 60_000);
        left -= part.to - part.from;
      }
      throw new Error('unreachable: the last running segment is unbounded');
    },
    partsUntil: (cuts) => {
      const at = [...new Set([readAt, ...cuts.map(minuteOf)])].sort((a, b) => a - b);
      const last = at.at(-1) ?? readAt;
      const parts: ClockPart[] = [];
      for (const part of cutAt(clockParts(minuteOf(start), pauses, readAt, calendar), at)) {
        if (part.from >= last) break;
        parts.push(part);
      }
      return parts;
    },
  };
}

/** The clock's whole life from `start`, without end: running stretches between the pauses. */
function* clockParts(
  start: number,
  pauses: readonly PausedInterval[],
  readAt: number,
  calendar: BusinessCalendar,
): Generator<ClockPart> {
  let cursor = start;
  for (const pause of pauses) {
    const from = minuteOf(pause.from);
    // A pause that began in the reading minute is already a fact: the reader is told of it.
    if (from > readAt) break;
    yield* runningParts(cursor, from, calendar);
    const to = pause.to === null ? readAt : Math.min(minuteOf(pause.to), readAt);
    const ongoing = pause.to === null || minuteOf(pause.to) > readAt;
    yield { kind: 'paused', from, to, reason: pause.reason, ongoing };
    cursor = to;
  }
  yield* runningParts(cursor, null, calendar);
}

/** Open and closed time between `from` and `to` (null: for ever), as the calendar opens. */
function* runningParts(from: number, to: number | null, calendar: BusinessCalendar): Generator<ClockPart> {
  let cursor = from;
  for (const stretch of calendar.openStretchesFrom(new Date(from * 60_000))) {
    if (to !== null && stretch.start >= to) break;
    if (stretch.start > cursor) yield { kind: 'closed', from: cursor, to: stretch.start };
    const end = to === null ? stretch.end : Math.min(stretch.end, to);
    yield { kind: 'working', from: stretch.start, to: end };
    cursor = end;
    if (to !== null && end >= to) return;
  }
  if (to !== null && cursor < to) yield { kind: 'closed', from: cursor, to };
}

/** The same parts, each one crossing an instant of `cuts` (sorted) split in two there. */
function* cutAt(parts: Iterable<ClockPart>, cuts: readonly number[]): Generator<ClockPart> {
  for (const part of parts) {
    let rest = part;
    for (const cut of cuts) {
      if (rest.from < cut && cut < rest.to) {
        yield { ...rest, to: cut };
        rest = { ...rest, from: cut };
      }
    }
    yield rest;
  }
}

/** Iterations over one generator that keep what it already produced, so each part is computed once. */
function memoised<T>(source: Iterator<T>): () => Generator<T> {
  const seen: T[] = [];
  return function* () {
    for (let index = 0; ; index++) {
      if (index === seen.length) {
        const next = source.next();
        if (next.done) return;
        seen.push(next.value);
      }
      yield seen[index] as T;
    }
  };
}

function minuteOf(instant: Date): number {
  return Math.floor(instant.getTime() / 60_000);
}
