import { and, asc, desc, inArray, sql } from 'drizzle-orm';
import { anyOf } from '../../db/any-of';
import type { Tx } from '../../db/client';
import { outbox, ticketEvents, ticketTimers } from '../../db/schema/index';
import type { AutoCloseStep } from '../../domain/tickets/index';
import { waitingTimerKinds } from './schedule-timers';

export type TimerRow = typeof ticketTimers.$inferSelect;
export type Series = Record<AutoCloseStep, TimerRow>;

/** The customer's mail of a reminder (the one the history speaks of, not a follower's copy). */
export interface ReminderMail {
  id: number;
  status: string;
  sentAt: Date | null;
  lastError: string | null;
}

/**
 * What the R9 steps of a batch need to know, read in four statements for all their tickets: each
 * series' three timers, the instant each series started (the event that entered the wait), the
 * last change of status of each ticket, and the customer's mail of each reminder already fired.
 */
export interface WaitingFacts {
  series(ticketId: string, ladder: string): Series | null;
  seriesStart(ladder: string): Date | null;
  lastStatusChange(ticketId: string): string | null;
  reminderMail(reminder: TimerRow): ReminderMail | null;
}

export async function readWaitingFacts(tx: Tx, claimed: readonly TimerRow[]): Promise<WaitingFacts> {
  const ticketIds = [...new Set(claimed.map((t) => t.ticketId))];
  const ladders = [...new Set(claimed.map((t) => t.ladder))];
  if (!ticketIds.length) return emptyFacts;
  const timers = await tx
    .select()
    .from(ticketTimers)
    .where(
      and(
        anyOf(ticketTimers.ticketId, ticketIds, 'uuid'),
        anyOf(ticketTimers.ladder, ladders, 'text'),
        inArray(ticketTimers.kind, [...waitingTimerKinds]),
      ),
    );
  const series = new Map<string, Partial<Series>>();
  for (const timer of timers) {
    const key = `${timer.ticketId}|${timer.ladder}`;
    series.set(key, { ...series.get(key), [timer.kind]: timer });
  }
  const eventIds = ladders.filter((l) => /^\d+$/.test(l)).map(Number);
  const starts = eventIds.length
    ? await tx
        .select({ id: ticketEvents.id, at: ticketEvents.at })
        .from(ticketEvents)
        .where(anyOf(ticketEvents.id, eventIds, 'bigint'))
    : [];
  const lastChanges = await tx
    .selectDistinctOn([ticketEvents.ticketId], { ticketId: ticketEvents.ticketId, id: ticketEvents.id })
    .from(ticketEvents)
    .where(
      and(
        anyOf(ticketEvents.ticketId, ticketIds, 'uuid'),
        sql`${ticketEvents.after} ->> 'status' is not null`,
      ),
    )
    .orderBy(ticketEvents.ticketId, desc(ticketEvents.id));
  const mails = await tx
    .select({
      id: outbox.id,
      ticketId: outbox.ticketId,
      template: outbox.template,
      series: sql<string | null>`${outbox.params} ->> 'series'`,
      status: outbox.status,
      sentAt: outbox.sentAt,
      lastError: outbox.lastError,
    })
    .from(outbox)
    .where(
      and(
        anyOf(outbox.ticketId, ticketIds, 'text'),
        inArray(outbox.template, ['ticket.reminder_1', 'ticket.reminder_2']),
        sql`${outbox.params} -> 'timelineWhenSent' is not null`,
      ),
    )
    .orderBy(asc(outbox.id));
  const mailOf = new Map<string, ReminderMail>();
  for (const { ticketId, template, series: ladder, ...mail } of mails) {
    const key = `${ticketId}|${template}|${ladder}`;
    if (!mailOf.has(key)) mailOf.set(key, mail);
  }
  const startOf = new Map(starts.map((s) => [String(s.id), s.at]));
  const lastOf = new Map(lastChanges.map((c) => [c.ticketId, String(c.id)]));
  return {
    series: (ticketId, ladder) => {
      const found = series.get(`${ticketId}|${ladder}`);
      return found?.reminder_1 && found.reminder_2 && found.auto_close ? (found as Series) : null;
    },
    seriesStart: (ladder) => startOf.get(ladder) ?? null,
    lastStatusChange: (ticketId) => lastOf.get(ticketId) ?? null,
    reminderMail: (reminder) =>
      mailOf.get(`${reminder.ticketId}|ticket.${reminder.kind}|${reminder.ladder}`) ?? null,
  };
}

const emptyFacts: WaitingFacts = {
  series: () => null,
  seriesStart: () => null,
  lastStatusChange: () => null,
  reminderMail: () => null,
};
