/**
 * The running time of one clock: from the ticket's creation, minus its pauses, measured in
 * business minutes. The two questions the SLA asks of it: how many minutes have run by an
 * instant, and at which instant a given number of minutes will have run.
 */
import type { BusinessCalendar } from '../calendar';
import type { PausedInterval } from './sla-history';

interface Segment {
  from: Date;
  /** null: the clock runs on indefinitely (nothing known about the future). */
  to: Date | null;
}

export interface RunningTime {
  /** Business minutes run by `until` (the evaluation instant). */
  elapsed: number;
  /** The earliest instant at which `minutes` business minutes have run, assuming no new pause. */
  instantReaching(minutes: number): Date;
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
  const segments = runningSegments(start, pauses, until);
  const sizes = segments.map((segment) =>
    segment.to ? calendar.businessMinutesBetween(segment.from, segment.to) : Number.POSITIVE_INFINITY,
  );
  const elapsed = segments.reduce(
    (sum, segment) => sum + calendar.businessMinutesBetween(segment.from, earlier(segment.to, until)),
    0,
  );
  return {
    elapsed,
    instantReaching: (minutes) => {
      let left = minutes;
      for (const [index, segment] of segments.entries()) {
        const size = sizes[index] ?? 0;
        if (left <= size) return calendar.addBusinessMinutes(segment.from, left);
        left -= size;
      }
      throw new Error('unreachable: the last running segment is unbounded');
    },
  };
}

function runningSegments(start: Date, pauses: readonly PausedInterval[], until: Date): Segment[] {
  const segments: Segment[] = [];
  let cursor = start;
  for (const pause of pauses) {
    if (pause.from.getTime() >= until.getTime()) break;
    segments.push({ from: cursor, to: pause.from });
    cursor = earlier(pause.to, until);
  }
  segments.push({ from: cursor, to: null });
  return segments;
}

function earlier(instant: Date | null, limit: Date): Date {
  return instant && instant.getTime() < limit.getTime() ? instant : limit;
}
