import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { outbox, ticketEvents, ticketTimers } from '../../db/schema/index';
import {
  type AutoCloseStep,
  addCalendarDays,
  catchUpDueAt,
  delaysOfSchedule,
  previousStep,
  projectedSchedule,
  type ReminderSchedule,
} from '../../domain/tickets/index';
import { applyStatusChange, surveyParam } from '../tickets/apply-status-change';
import { mailTicketCreator, queueCreatorMail } from '../tickets/notify';
import { recordEvent, type TicketRow } from '../tickets/record-event';

type TimerRow = typeof ticketTimers.$inferSelect;
type Series = Record<AutoCloseStep, TimerRow>;

/** What became of a reminder of the series: not fired yet, out at an instant, or never sent. */
type ReminderState =
  | { kind: 'pending' }
  | { kind: 'queued' }
  | { kind: 'out'; at: Date }
  | { kind: 'not_sent'; outboxId: number; reason: string };

/**
 * R9, one step of a series (a reminder or the closing), under the ticket's lock. Applies the
 * catch-up rule of the domain: a step whose previous reminder has not left yet, or left late, waits
 * (its due time moves later); a reminder that could not be sent suspends the closing. Returns true
 * when the step happened.
 */
export async function fireWaitingStep(
  tx: Tx,
  ticket: TicketRow,
  claimed: TimerRow,
  now: Date,
): Promise<boolean> {
  const series = await loadSeries(tx, ticket.id, claimed.ladder);
  const timer = series?.[claimed.kind as AutoCloseStep];
  // Another pass moved or settled it since this batch was claimed.
  if (!series || !timer || timer.state !== 'pending' || timer.dueAt > now) return false;
  if (!(await stillWaitingInLadder(tx, ticket, timer.ladder))) {
    await settle(tx, [timer], 'cancelled', now);
    return false;
  }
  const step = timer.kind as AutoCloseStep;
  const entered = await seriesStart(tx, timer.ladder);
  const nominal = nominalOf(series);
  const delays = delaysOfSchedule(entered, nominal);
  const before = previousStep(step, delays);
  const sent: { reminder1At?: Date; reminder2At?: Date } = {};
  if (before) {
    const previous = series[before.step];
    const state = await reminderState(tx, previous);
    if (state.kind === 'not_sent') {
      await suspend(tx, ticket, series, before.step, state, now);
      return false;
    }
    if (state.kind === 'pending' || state.kind === 'queued') {
      // Not out yet: this step comes at the earliest the spacing after now.
      const floor = state.kind === 'pending' ? previous.dueAt : now;
      await moveLater(tx, timer, addCalendarDays(floor, before.spacingDays));
      return false;
    }
    const due = catchUpDueAt(
      step,
      nominalAt(timer),
      { nominalAt: nominalAt(previous), sentAt: state.at },
      delays,
    );
    if (due > now) {
      await moveLater(tx, timer, due);
      return false;
    }
    if (before.step === 'reminder_1') sent.reminder1At = state.at;
    else {
      sent.reminder2At = state.at;
      const first = await reminderState(tx, series.reminder_1);
      if (first.kind === 'out') sent.reminder1At = first.at;
    }
  }
  await settle(tx, [timer], 'done', now);
  if (step === 'auto_close') {
    await autoClose(tx, ticket, sent, now);
    return true;
  }
  const number = step === 'reminder_1' ? 1 : 2;
  // Announced assuming this reminder leaves now; the closing never comes earlier than announced.
  const projected = projectedSchedule(nominal, delays, {
    ...sent,
    ...(number === 1 ? { reminder1At: now } : { reminder2At: now }),
  });
  if (number === 1) await moveLater(tx, series.reminder_2, projected.reminder2At);
  await moveLater(tx, series.auto_close, projected.closeAt);
  await remind(tx, ticket, timer, number, projected.closeAt, now);
  return true;
}

async function loadSeries(tx: Tx, ticketId: string, ladder: string): Promise<Series | null> {
  const rows = await tx
    .select()
    .from(ticketTimers)
    .where(
      and(
        eq(ticketTimers.ticketId, ticketId),
        eq(ticketTimers.ladder, ladder),
        inArray(ticketTimers.kind, ['reminder_1', 'reminder_2', 'auto_close']),
      ),
    );
  const byKind = Object.fromEntries(rows.map((row) => [row.kind, row])) as Partial<Series>;
  if (!byKind.reminder_1 || !byKind.reminder_2 || !byKind.auto_close) return null;
  return byKind as Series;
}

const nominalAt = (timer: TimerRow): Date => timer.scheduledAt ?? timer.dueAt;

function nominalOf(series: Series): ReminderSchedule {
  return {
    reminder1At: nominalAt(series.reminder_1),
    reminder2At: nominalAt(series.reminder_2),
    closeAt: nominalAt(series.auto_close),
  };
}

/** The instant the ticket entered waiting_customer: the event that named the series. */
async function seriesStart(tx: Tx, ladder: string): Promise<Date> {
  const [event] = await tx
    .select({ at: ticketEvents.at })
    .from(ticketEvents)
    .where(eq(ticketEvents.id, Number(ladder)))
    .limit(1);
  if (!event) throw new Error(`R9 series ${ladder} has no starting event`);
  return event.at;
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

/**
 * A reminder is out when the customer's mail left the outbox (the one the history speaks of, not a
 * follower's copy); one that had nobody to mail counts as out when it fired (there is no one to warn).
 */
async function reminderState(tx: Tx, reminder: TimerRow): Promise<ReminderState> {
  if (reminder.state === 'pending') return { kind: 'pending' };
  const [mail] = await tx
    .select({ id: outbox.id, status: outbox.status, sentAt: outbox.sentAt, lastError: outbox.lastError })
    .from(outbox)
    .where(
      and(
        eq(outbox.ticketId, reminder.ticketId),
        eq(outbox.template, `ticket.${reminder.kind}`),
        sql`${outbox.params} ->> 'series' = ${reminder.ladder}`,
        sql`${outbox.params} -> 'timelineWhenSent' is not null`,
      ),
    )
    .limit(1);
  if (!mail) return { kind: 'out', at: reminder.doneAt ?? reminder.dueAt };
  if (mail.status === 'pending') return { kind: 'queued' };
  if (mail.status === 'sent') return { kind: 'out', at: mail.sentAt ?? reminder.doneAt ?? reminder.dueAt };
  return { kind: 'not_sent', outboxId: mail.id, reason: mail.lastError ?? mail.status };
}

async function settle(tx: Tx, timers: TimerRow[], state: 'done' | 'cancelled', now: Date) {
  if (!timers.length) return;
  await tx
    .update(ticketTimers)
    .set({ state, doneAt: now })
    .where(
      inArray(
        ticketTimers.id,
        timers.map((t) => t.id),
      ),
    );
}

/** Moves a pending step to `at` when that is later than its current due time; never earlier. */
async function moveLater(tx: Tx, timer: TimerRow, at: Date) {
  if (timer.state !== 'pending' || at <= timer.dueAt) return;
  await tx.update(ticketTimers).set({ dueAt: at }).where(eq(ticketTimers.id, timer.id));
}

/** A reminder that did not leave: the closing would come without warning, so staff decide. */
async function suspend(
  tx: Tx,
  ticket: TicketRow,
  series: Series,
  reminder: 'reminder_1' | 'reminder_2',
  state: { outboxId: number; reason: string },
  now: Date,
) {
  await settle(
    tx,
    Object.values(series).filter((timer) => timer.state === 'pending'),
    'cancelled',
    now,
  );
  await recordEvent(tx, {
    ticket,
    actorId: null,
    kind: 'auto_close_suspended',
    visibility: 'internal',
    data: {
      reminder: reminder === 'reminder_1' ? 1 : 2,
      series: series.auto_close.ladder,
      outboxId: state.outboxId,
      reason: state.reason,
    },
    now,
    touch: false,
  });
}

/**
 * Queues the reminder's mail; the public entry "reminder sent" is written by the dispatcher in
 * the transaction that marks the mail sent, so the history never claims a mail that did not leave.
 * Here an internal entry records that it was queued (or that nobody could be mailed).
 */
async function remind(tx: Tx, ticket: TicketRow, timer: TimerRow, number: 1 | 2, closeAt: Date, now: Date) {
  const data = { reminder: number, series: timer.ladder, closeAt: closeAt.toISOString() };
  const outboxId = await queueCreatorMail(tx, {
    ticket,
    template: `ticket.reminder_${number}`,
    params: {
      closeAt: closeAt.toISOString(),
      series: timer.ladder,
      timelineWhenSent: { kind: 'reminder_sent', data },
    },
    actorId: null,
    now,
  });
  await recordEvent(tx, {
    ticket,
    actorId: null,
    kind: outboxId === null ? 'reminder_not_sent' : 'reminder_queued',
    visibility: 'internal',
    data: outboxId === null ? { ...data, reason: 'no_customer_contact' } : { ...data, outboxId },
    now,
    touch: false,
  });
}

async function autoClose(
  tx: Tx,
  ticket: TicketRow,
  sent: { reminder1At?: Date; reminder2At?: Date },
  now: Date,
) {
  const { ticket: closed, surveyToken } = await applyStatusChange(tx, {
    ticket,
    actor: null,
    to: 'closed',
    now,
    closeReason: 'no_answer',
    mail: false,
    data: { automatic: true },
  });
  const remindersSentAt = [sent.reminder1At, sent.reminder2At].flatMap((at) =>
    at ? [at.toISOString()] : [],
  );
  await mailTicketCreator(tx, {
    ticket: closed,
    template: 'ticket.closed',
    params: { reason: 'no_answer', remindersSentAt, ...surveyParam(surveyToken) },
    actorId: null,
    now,
  });
}
