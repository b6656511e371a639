import { and, asc, eq, lte } from 'drizzle-orm';
import { anyOf } from '../../db/any-of';
import type { Tx } from '../../db/client';
import { tickets, ticketTimers } from '../../db/schema/index';
import type { AppContext } from '../context';
import type { TicketRow } from '../tickets/record-event';
import { applySlaWarnings, decideSlaWarnings } from './sla-warnings';
import { writeTimerUpdates } from './timer-updates';
import type { TimerRow } from './waiting-facts';
import { applyWaitingOutcomes, decideWaitingSteps } from './waiting-steps';

export interface RunTimersOptions {
  /** Timers claimed per transaction. */
  batchSize?: number;
  /** At most this many batches in one run (no limit by default: a run drains what is due). */
  maxBatches?: number;
}

const waitingKinds = new Set<string>(['reminder_1', 'reminder_2', 'auto_close']);

/**
 * Fires the due timers, batch after batch without pause while batches come back full (a backlog
 * after an outage drains in one run), yielding to other work between batches (on the embedded
 * database they share its one connection). Returns how many happened.
 */
export async function runDueTimers(ctx: AppContext, options: RunTimersOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  let fired = 0;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    if (batch > 0) await new Promise((resolve) => setImmediate(resolve));
    const now = ctx.clock.now();
    const result = await ctx.db.transaction((tx) => fireBatch(tx, now, batchSize));
    fired += result.fired;
    // Done when nothing more is due: the batch was not full and left no later step of one of its
    // tickets for the next. A batch that could act on none of its timers (their tickets all held
    // by changes in progress) would come back the same: they wait for the next run.
    if ((result.claimed < batchSize && result.deferred === 0) || result.acted === 0) break;
  }
  return fired;
}

export interface BatchResult {
  /** Due timers claimed. */
  claimed: number;
  /** Timers that happened (a reminder queued, a ticket closed, a warning sent). */
  fired: number;
  /** Timers settled, moved or fired: the batch changed something. */
  acted: number;
  /** Later steps of a ticket that had an earlier one in the batch, left for the next batch. */
  deferred: number;
}

/**
 * One batch, one transaction, all or nothing, so a crash or a second instance never repeats nor
 * loses a reminder or a closing: the due rows are claimed with FOR UPDATE SKIP LOCKED (another
 * worker takes the next ones), their tickets locked in one statement, the facts the steps need
 * read in a few statements for all of them, each step decided in plain code, and each kind of
 * effect written for the whole batch at once (timers, tickets, timeline, outbox, live notices).
 * A step may also be moved later instead (R9 catch-up rule, see waiting-steps.ts).
 */
export async function fireBatch(tx: Tx, now: Date, batchSize: number): Promise<BatchResult> {
  const due = await tx
    .select()
    .from(ticketTimers)
    .where(and(eq(ticketTimers.state, 'pending'), lte(ticketTimers.dueAt, now)))
    .orderBy(asc(ticketTimers.dueAt))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  // One step per ticket and batch, its earliest: a later one of the same ticket is decided in the
  // next batch, from what this one left (as if they had run one after the other).
  const first = new Map<string, TimerRow>();
  for (const timer of due) if (!first.has(timer.ticketId)) first.set(timer.ticketId, timer);
  const locked = await lockTickets(tx, [...first.keys()]);
  const steps = [...first.values()].flatMap((timer) => {
    const ticket = locked.get(timer.ticketId);
    return ticket ? [{ ticket, timer }] : [];
  });

  const waiting = await decideWaitingSteps(
    tx,
    steps.filter((s) => waitingKinds.has(s.timer.kind)),
    now,
  );
  const sla = await decideSlaWarnings(
    tx,
    steps.filter((s) => !waitingKinds.has(s.timer.kind)),
    now,
  );
  const updates = [...waiting.flatMap((d) => d.updates), ...sla.updates];
  await writeTimerUpdates(tx, updates);
  const outcomes = waiting.map((d) => d.outcome).filter((o) => o.kind !== 'nothing');
  await applyWaitingOutcomes(tx, outcomes, now);
  await applySlaWarnings(tx, sla.firings, now);
  const fired = outcomes.filter((o) => o.kind !== 'suspend').length + sla.firings.length;
  return {
    claimed: due.length,
    fired,
    acted: new Set(updates.map((u) => u.id)).size,
    deferred: due.length - first.size,
  };
}

/**
 * Locks the tickets of the batch. A change in progress holds its ticket: its timer is left for a
 * next pass rather than waited for (waiting here while that change waits for a timer row of
 * this batch would deadlock).
 */
async function lockTickets(tx: Tx, ids: string[]): Promise<Map<string, TicketRow>> {
  if (!ids.length) return new Map();
  const rows = await tx
    .select()
    .from(tickets)
    .where(anyOf(tickets.id, ids, 'uuid'))
    .for('update', { skipLocked: true });
  return new Map(rows.map((row) => [row.id, row]));
}
