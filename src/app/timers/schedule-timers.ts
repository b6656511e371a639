import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { ticketTimers } from '../../db/schema/index';
import { reminderSchedule } from '../../domain/tickets/index';
import { type TicketChangeEffect, withBatchForm } from '../effects';
import type { TicketEventRow, TicketRow } from '../tickets/record-event';
import { readAutoCloseDelays } from './auto-close-settings';

export const waitingTimerKinds = ['reminder_1', 'reminder_2', 'auto_close'] as const;
export const slaTimerKinds = [
  'sla_engagement_at_risk',
  'sla_engagement_breached',
  'sla_resolution_at_risk',
  'sla_resolution_breached',
] as const;

/**
 * R9, run after every ticket change in its transaction: entering waiting_customer schedules the
 * two reminders and the closing, as a new series named after the event; leaving it by any way
 * (customer reply, staff move, closing) cancels what is still pending. Closing also cancels SLA
 * warnings.
 */
export const scheduleTicketTimers: TicketChangeEffect = withBatchForm(
  async function scheduleTicketTimers(tx, ticket, event) {
    await scheduleTimersOf(tx, ticket, event);
  },
  async (tx, changes) => {
    // Leaving the wait or closing, for the whole batch in one statement; entering it is rare in a
    // batch and reads the delays, so it goes change by change.
    const leaving = changes.flatMap(({ ticket, event }) => {
      const before = event.before?.status;
      const after = event.after?.status;
      if (after === undefined || after === before) return [];
      if (before !== 'waiting_customer' && after !== 'closed') return [];
      return [{ id: ticket.id, at: event.at.toISOString(), closing: after === 'closed' }];
    });
    if (leaving.length) {
      await tx.execute(sql`
        update ${ticketTimers} set state = 'cancelled', done_at = v.at
          from jsonb_to_recordset(${JSON.stringify(leaving)}::jsonb) as v(id uuid, at timestamptz, closing boolean)
         where ${ticketTimers.ticketId} = v.id and ${ticketTimers.state} = 'pending'
           and (v.closing or ${ticketTimers.kind} in ('reminder_1', 'reminder_2', 'auto_close'))`);
    }
    for (const { ticket, event } of changes) {
      if (event.after?.status === 'waiting_customer' && event.before?.status !== 'waiting_customer') {
        await scheduleTimersOf(tx, ticket, event);
      }
    }
  },
);

async function scheduleTimersOf(tx: Tx, ticket: TicketRow, event: TicketEventRow): Promise<void> {
  const before = event.before?.status;
  const after = event.after?.status;
  if (after === undefined || after === before) return;
  if (before === 'waiting_customer' || after === 'closed') {
    const kinds = after === 'closed' ? [...waitingTimerKinds, ...slaTimerKinds] : [...waitingTimerKinds];
    await tx
      .update(ticketTimers)
      .set({ state: 'cancelled', doneAt: event.at })
      .where(
        and(
          eq(ticketTimers.ticketId, ticket.id),
          eq(ticketTimers.state, 'pending'),
          inArray(ticketTimers.kind, kinds),
        ),
      );
  }
  if (after === 'waiting_customer') {
    const delays = await readAutoCloseDelays(tx);
    // Calendar days in Europe/Zurich: the same local time N days later (see the domain rule).
    const schedule = reminderSchedule(event.at, delays);
    const ladder = String(event.id);
    await tx
      .insert(ticketTimers)
      .values([
        {
          ticketId: ticket.id,
          kind: 'reminder_1',
          dueAt: schedule.reminder1At,
          scheduledAt: schedule.reminder1At,
          ladder,
          createdAt: event.at,
        },
        {
          ticketId: ticket.id,
          kind: 'reminder_2',
          dueAt: schedule.reminder2At,
          scheduledAt: schedule.reminder2At,
          ladder,
          createdAt: event.at,
        },
        {
          ticketId: ticket.id,
          kind: 'auto_close',
          dueAt: schedule.closeAt,
          scheduledAt: schedule.closeAt,
          ladder,
          createdAt: event.at,
        },
      ])
      .onConflictDoNothing();
  }
}
