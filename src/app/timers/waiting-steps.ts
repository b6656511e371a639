import type { Tx } from '../../db/client';
import {
  type AutoCloseStep,
  addCalendarDays,
  catchUpDueAt,
  delaysOfSchedule,
  previousStep,
  projectedSchedule,
  type ReminderSchedule,
} from '../../domain/tickets/index';
import { applyStatusChanges, surveyParam } from '../tickets/apply-status-change';
import { type CreatorMail, queueCreatorMails } from '../tickets/notify';
import type { TicketChange, TicketRow } from '../tickets/record-event';
import { recordEvents } from '../tickets/record-events';
import type { TimerUpdate } from './timer-updates';
import { readWaitingFacts, type Series, type TimerRow, type WaitingFacts } from './waiting-facts';

/** What became of a reminder of the series: not fired yet, out at an instant, or never sent. */
type ReminderState =
  | { kind: 'pending' }
  | { kind: 'queued' }
  | { kind: 'out'; at: Date }
  | { kind: 'not_sent'; outboxId: number; reason: string };

/** What a step does besides moving and settling timers. */
export type WaitingOutcome =
  | { kind: 'nothing' }
  | { kind: 'remind'; ticket: TicketRow; number: 1 | 2; series: string; closeAt: Date }
  | { kind: 'close'; ticket: TicketRow; sent: { reminder1At?: Date; reminder2At?: Date } }
  | {
      kind: 'suspend';
      ticket: TicketRow;
      reminder: 1 | 2;
      series: string;
      outboxId: number;
      reason: string;
    };

export interface WaitingDecision {
  updates: TimerUpdate[];
  outcome: WaitingOutcome;
}

/** Reads what the R9 steps of a batch need (see waiting-facts.ts) and decides each. */
export async function decideWaitingSteps(
  tx: Tx,
  steps: readonly { ticket: TicketRow; timer: TimerRow }[],
  now: Date,
): Promise<WaitingDecision[]> {
  const facts = await readWaitingFacts(
    tx,
    steps.map((s) => s.timer),
  );
  return steps.map(({ ticket, timer }) => decideWaitingStep(ticket, timer, facts, now));
}

/**
 * R9, one step of a series (a reminder or the closing), under the ticket's lock, decided from
 * facts read beforehand. Applies the catch-up rule of the domain: a step whose previous reminder
 * has not left yet, or left late, waits (its due time moves later); a reminder that could not be
 * sent suspends the closing.
 */
export function decideWaitingStep(
  ticket: TicketRow,
  claimed: TimerRow,
  facts: WaitingFacts,
  now: Date,
): WaitingDecision {
  const nothing = (updates: TimerUpdate[] = []): WaitingDecision => ({
    updates,
    outcome: { kind: 'nothing' },
  });
  const series = facts.series(ticket.id, claimed.ladder);
  const timer = series?.[claimed.kind as AutoCloseStep];
  // Another pass moved or settled it since this batch was claimed.
  if (!series || !timer || timer.state !== 'pending' || timer.dueAt > now) return nothing();
  const stillWaiting =
    ticket.status === 'waiting_customer' && facts.lastStatusChange(ticket.id) === timer.ladder;
  if (!stillWaiting) return nothing([settle(timer, 'cancelled', now)]);
  const step = timer.kind as AutoCloseStep;
  const entered = facts.seriesStart(timer.ladder);
  if (!entered) throw new Error(`R9 series ${timer.ladder} has no starting event`);
  const nominal = nominalOf(series);
  const delays = delaysOfSchedule(entered, nominal);
  const before = previousStep(step, delays);
  const sent: { reminder1At?: Date; reminder2At?: Date } = {};
  if (before) {
    const previous = series[before.step];
    const state = reminderState(previous, facts);
    if (state.kind === 'not_sent') {
      // A reminder that did not leave: the closing would come without warning, so staff decide.
      const pending = Object.values(series).filter((t) => t.state === 'pending');
      return {
        updates: pending.map((t) => settle(t, 'cancelled', now)),
        outcome: {
          kind: 'suspend',
          ticket,
          reminder: before.step === 'reminder_1' ? 1 : 2,
          series: series.auto_close.ladder,
          outboxId: state.outboxId,
          reason: state.reason,
        },
      };
    }
    if (state.kind === 'pending' || state.kind === 'queued') {
      // Not out yet: this step comes at the earliest the spacing after now.
      const floor = state.kind === 'pending' ? previous.dueAt : now;
      return nothing(moveLater(timer, addCalendarDays(floor, before.spacingDays)));
    }
    const due = catchUpDueAt(
      step,
      nominalAt(timer),
      { nominalAt: nominalAt(previous), sentAt: state.at },
      delays,
    );
    if (due > now) return nothing(moveLater(timer, due));
    if (before.step === 'reminder_1') sent.reminder1At = state.at;
    else {
      sent.reminder2At = state.at;
      const first = reminderState(series.reminder_1, facts);
      if (first.kind === 'out') sent.reminder1At = first.at;
    }
  }
  const done = settle(timer, 'done', now);
  if (step === 'auto_close') return { updates: [done], outcome: { kind: 'close', ticket, sent } };
  const number = step === 'reminder_1' ? 1 : 2;
  // Announced assuming this reminder leaves now; the closing never comes earlier than announced.
  const projected = projectedSchedule(nominal, delays, {
    ...sent,
    ...(number === 1 ? { reminder1At: now } : { reminder2At: now }),
  });
  return {
    updates: [
      done,
      ...(number === 1 ? moveLater(series.reminder_2, projected.reminder2At) : []),
      ...moveLater(series.auto_close, projected.closeAt),
    ],
    outcome: { kind: 'remind', ticket, number, series: timer.ladder, closeAt: projected.closeAt },
  };
}

/**
 * Does what the decided steps do, for the whole batch: the closings (status, timeline, surveys;
 * see applyStatusChanges), then every mail of the reminders and closings in one statement, then
 * the reminders' internal entries and the suspended closings' entries. The public entry
 * "reminder sent" is written by the dispatcher in the transaction that marks the mail sent, so
 * the history never claims a mail that did not leave; here an internal entry records that it was
 * queued (or that nobody could be mailed).
 */
export async function applyWaitingOutcomes(
  tx: Tx,
  outcomes: readonly WaitingOutcome[],
  now: Date,
): Promise<void> {
  const closings = outcomes.flatMap((o) => (o.kind === 'close' ? [o] : []));
  const closed = await applyStatusChanges(
    tx,
    closings.map(({ ticket }) => ({
      ticket,
      actor: null,
      to: 'closed' as const,
      now,
      closeReason: 'no_answer' as const,
      mail: false,
      data: { automatic: true },
    })),
  );
  const reminders = outcomes.flatMap((o) => (o.kind === 'remind' ? [o] : []));
  const mails: CreatorMail[] = [
    ...reminders.map(({ ticket, number, series, closeAt }) => ({
      ticket,
      template: `ticket.reminder_${number}`,
      params: {
        closeAt: closeAt.toISOString(),
        series,
        timelineWhenSent: { kind: 'reminder_sent', data: reminderData(number, series, closeAt) },
      },
      actorId: null,
      now,
    })),
    ...closings.map(({ sent }, i) => {
      const result = closed[i];
      if (!result) throw new Error('a closing went missing');
      const remindersSentAt = [sent.reminder1At, sent.reminder2At].flatMap((at) =>
        at ? [at.toISOString()] : [],
      );
      return {
        ticket: result.ticket,
        template: 'ticket.closed',
        params: { reason: 'no_answer', remindersSentAt, ...surveyParam(result.surveyToken) },
        actorId: null,
        now,
      };
    }),
  ];
  const outboxIds = await queueCreatorMails(tx, mails);
  const entries: TicketChange[] = reminders.map(({ ticket, number, series, closeAt }, i) => {
    const outboxId = outboxIds[i] ?? null;
    const data = reminderData(number, series, closeAt);
    return internalEntry(
      ticket,
      outboxId === null ? 'reminder_not_sent' : 'reminder_queued',
      outboxId === null ? { ...data, reason: 'no_customer_contact' } : { ...data, outboxId },
      now,
    );
  });
  for (const o of outcomes) {
    if (o.kind !== 'suspend') continue;
    const data = { reminder: o.reminder, series: o.series, outboxId: o.outboxId, reason: o.reason };
    entries.push(internalEntry(o.ticket, 'auto_close_suspended', data, now));
  }
  await recordEvents(tx, entries);
}

const reminderData = (number: 1 | 2, series: string, closeAt: Date) => ({
  reminder: number,
  series,
  closeAt: closeAt.toISOString(),
});

const internalEntry = (
  ticket: TicketRow,
  kind: TicketChange['kind'],
  data: Record<string, unknown>,
  now: Date,
): TicketChange => ({ ticket, actorId: null, kind, visibility: 'internal', data, now, touch: false });

const nominalAt = (timer: TimerRow): Date => timer.scheduledAt ?? timer.dueAt;

function nominalOf(series: Series): ReminderSchedule {
  return {
    reminder1At: nominalAt(series.reminder_1),
    reminder2At: nominalAt(series.reminder_2),
    closeAt: nominalAt(series.auto_close),
  };
}

/**
 * A reminder is out when the customer's mail left the outbox (the one the history speaks of, not a
 * follower's copy); one that had nobody to mail counts as out when it fired (there is no one to warn).
 */
function reminderState(reminder: TimerRow, facts: WaitingFacts): ReminderState {
  if (reminder.state === 'pending') return { kind: 'pending' };
  const mail = facts.reminderMail(reminder);
  if (!mail) return { kind: 'out', at: reminder.doneAt ?? reminder.dueAt };
  if (mail.status === 'pending') return { kind: 'queued' };
  if (mail.status === 'sent') return { kind: 'out', at: mail.sentAt ?? reminder.doneAt ?? reminder.dueAt };
  return { kind: 'not_sent', outboxId: mail.id, reason: mail.lastError ?? mail.status };
}

const settle = (timer: TimerRow, state: 'done' | 'cancelled', now: Date): TimerUpdate => ({
  id: timer.id,
  state,
  at: now,
});

/** Moves a pending step to `at` when that is later than its current due time; never earlier. */
function moveLater(timer: TimerRow, at: Date): TimerUpdate[] {
  if (timer.state !== 'pending' || at <= timer.dueAt) return [];
  return [{ id: timer.id, dueAt: at }];
}
