import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { ticketEvents, ticketTimers } from '../../db/schema/index';
import { delaysOfSchedule, projectedSchedule, type ReminderSchedule } from '../../domain/tickets/index';
import type { TicketRow } from './record-event';

/** A reminder of the wait as the customer and staff are told it: its date, and whether it left. */
export interface AnnouncedReminder {
  at: Date;
  sent: boolean;
}

/**
 * R9 told to both sides while a ticket waits on the customer: the two reminders and the automatic
 * closing. `closeAt` is null when the closing was suspended (a reminder could not be sent).
 */
export interface WaitingSchedule {
  reminder1: AnnouncedReminder;
  reminder2: AnnouncedReminder;
  closeAt: Date | null;
}

type TimerRow = typeof ticketTimers.$inferSelect;
const stepKinds = ['reminder_1', 'reminder_2', 'auto_close'] as const;

/**
 * The dates of the ticket's current R9 series, by the domain's projection (the catch-up rule):
 * reminders already sent at the instant they left, the steps to come no earlier than their
 * due time as the worker last moved it. Null when the ticket is not waiting on the customer.
 */
export async function waitingSchedule(db: DbOrTx, ticket: TicketRow): Promise<WaitingSchedule | null> {
  if (ticket.status !== 'waiting_customer') return null;
  const rows = await db
    .select()
    .from(ticketTimers)
    .where(and(eq(ticketTimers.ticketId, ticket.id), inArray(ticketTimers.kind, [...stepKinds])));
  const ladder = latestLadder(rows);
  if (ladder === null) return null;
  const series = Object.fromEntries(
    rows.filter((row) => row.ladder === ladder).map((row) => [row.kind, row]),
  ) as Partial<Record<(typeof stepKinds)[number], TimerRow>>;
  const { reminder_1: first, reminder_2: second, auto_close: closing } = series;
  if (!first || !second || !closing) return null;
  const events = await db
    .select({ id: ticketEvents.id, kind: ticketEvents.kind, at: ticketEvents.at, data: ticketEvents.data })
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.ticketId, ticket.id),
        sql`(${ticketEvents.id} = ${Number(ladder)} or (${ticketEvents.kind} = 'reminder_sent' and ${ticketEvents.data} ->> 'series' = ${ladder}))`,
      ),
    );
  const entered = events.find((event) => event.id === Number(ladder));
  if (!entered) return null;
  const sentAt = (number: 1 | 2) =>
    events.find((event) => event.kind === 'reminder_sent' && event.data.reminder === number)?.at;
  const nominal: ReminderSchedule = {
    reminder1At: nominalAt(first),
    reminder2At: nominalAt(second),
    closeAt: nominalAt(closing),
  };
  const sent = { reminder1At: sentAt(1), reminder2At: sentAt(2) };
  const projected = projectedSchedule(nominal, delaysOfSchedule(entered.at, nominal), sent);
  return {
    reminder1: {
      at: sent.reminder1At ?? notBefore(projected.reminder1At, first),
      sent: Boolean(sent.reminder1At),
    },
    reminder2: {
      at: sent.reminder2At ?? notBefore(projected.reminder2At, second),
      sent: Boolean(sent.reminder2At),
    },
    closeAt: closing.state === 'pending' ? notBefore(projected.closeAt, closing) : null,
  };
}

/** The series of the latest entry into waiting_customer (ladders are event ids). */
function latestLadder(rows: TimerRow[]): string | null {
  const ladders = rows.map((row) => Number(row.ladder)).filter(Number.isFinite);
  return ladders.length ? String(Math.max(...ladders)) : null;
}

const nominalAt = (timer: TimerRow): Date => timer.scheduledAt ?? timer.dueAt;

/** A pending step never comes before the due time the worker last gave it (it only moves later). */
function notBefore(projected: Date, timer: TimerRow): Date {
  return timer.state === 'pending' && timer.dueAt > projected ? timer.dueAt : projected;
}
