import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { ticketEvents, tickets, ticketTimers } from '../../db/schema/index';
import type { AppContext } from '../context';
import { mailTicketCreator } from '../tickets/notify';
import { recordEvent, type TicketRow } from '../tickets/record-event';
import { applyStatusChange } from '../tickets/status-change';
import { fireSlaTimer } from './sla-warnings';

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
    if (!(await stillWaitingInLadder(tx, ticket, timer.ladder))) {
      await finish(tx, timer, 'cancelled', now);
      return false;
    }
    await finish(tx, timer, 'done', now);
    if (timer.kind === 'auto_close') await autoClose(tx, ticket, now);
    else await remind(tx, ticket, timer, now);
    return true;
  }
  await finish(tx, timer, 'done', now);
  return fireSlaTimer(ctx, tx, ticket, timer, now);
}

async function finish(tx: Tx, timer: TimerRow, state: 'done' | 'cancelled', now: Date) {
  await tx.update(ticketTimers).set({ state, doneAt: now }).where(eq(ticketTimers.id, timer.id));
}

/** The ticket still waits on the customer, in the same wait that scheduled the timer. */
async function stillWaitingInLadder(tx: Tx, ticket: TicketRow, ladder: string): Promise<boolean> {
  if (ticket.status !== 'waiting_customer') return false;
  const [lastStatusChange] = await tx
    .select({ id: ticketEvents.id })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticket.id), sql`${ticketEvents.after} ->> 'status' is not null`))
    .orderBy(desc(ticketEvents.id))
    .limit(1);
  return String(lastStatusChange?.id) === ladder;
}

async function remind(tx: Tx, ticket: TicketRow, timer: TimerRow, now: Date) {
  const [closing] = await tx
    .select({ dueAt: ticketTimers.dueAt })
    .from(ticketTimers)
    .where(
      and(
        eq(ticketTimers.ticketId, ticket.id),
        eq(ticketTimers.kind, 'auto_close'),
        eq(ticketTimers.ladder, timer.ladder),
      ),
    )
    .limit(1);
  const number = timer.kind === 'reminder_1' ? 1 : 2;
  const { ticket: current } = await recordEvent(tx, {
    ticket,
    actorId: null,
    kind: 'reminder_sent',
    visibility: 'public',
    data: { reminder: number, closeAt: closing?.dueAt.toISOString() ?? null },
    now,
    touch: false,
  });
  await mailTicketCreator(tx, {
    ticket: current,
    template: `ticket.reminder_${number}`,
    params: { closeAt: (closing?.dueAt ?? now).toISOString() },
    actorId: null,
    now,
  });
}

async function autoClose(tx: Tx, ticket: TicketRow, now: Date) {
  const { ticket: closed } = await applyStatusChange(tx, {
    ticket,
    actor: null,
    to: 'closed',
    now,
    closeReason: 'no_answer',
    mail: false,
    data: { automatic: true },
  });
  await mailTicketCreator(tx, {
    ticket: closed,
    template: 'ticket.closed',
    params: { reason: 'no_answer' },
    actorId: null,
    now,
  });
}
