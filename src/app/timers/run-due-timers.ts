import { and, asc, eq, lte } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { tickets, ticketTimers } from '../../db/schema/index';
import type { AppContext } from '../context';
import { fireSlaTimer } from './sla-warnings';
import { fireWaitingStep } from './waiting-steps';

type TimerRow = typeof ticketTimers.$inferSelect;

export interface RunTimersOptions {
  batchSize?: number;
  maxBatches?: number;
}

/**
 * Fires the due timers. Each batch is one transaction: the due rows are claimed with
 * FOR UPDATE SKIP LOCKED (another worker takes the next ones), each ticket is re-checked under
 * its lock, the change is applied with its mails and timeline event, and the timer is marked done —
 * all or nothing, so a crash or a second instance never repeats nor loses a reminder or a closing.
 * A step may also be moved later instead (R9 catch-up rule, see waiting-steps.ts).
 */
export async function runDueTimers(ctx: AppContext, options: RunTimersOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? 25;
  const maxBatches = options.maxBatches ?? 40;
  let fired = 0;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const now = ctx.clock.now();
    const claimed = await ctx.db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(ticketTimers)
        .where(and(eq(ticketTimers.state, 'pending'), lte(ticketTimers.dueAt, now)))
        .orderBy(asc(ticketTimers.dueAt))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const timer of due) if (await fireTimer(ctx, tx, timer, now)) fired += 1;
      return due.length;
    });
    if (claimed < batchSize) break;
  }
  return fired;
}

async function fireTimer(ctx: AppContext, tx: Tx, timer: TimerRow, now: Date): Promise<boolean> {
  // A change in progress holds the ticket: leave the timer for the next pass rather than wait
  // (waiting here while that change waits for this timer row would deadlock).
  const [ticket] = await tx
    .select()
    .from(tickets)
    .where(eq(tickets.id, timer.ticketId))
    .limit(1)
    .for('update', { skipLocked: true });
  if (!ticket) return false;
  if (timer.kind === 'reminder_1' || timer.kind === 'reminder_2' || timer.kind === 'auto_close') {
    return fireWaitingStep(tx, ticket, timer, now);
  }
  return fireSlaTimer(ctx, tx, ticket, timer, now);
}
