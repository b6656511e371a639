import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tickets } from './tickets';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const ticketTimerKindEnum = pgEnum('ticket_timer_kind', [
  'reminder_1',
  'reminder_2',
  'auto_close',
  'sla_engagement_at_risk',
  'sla_engagement_breached',
  'sla_resolution_at_risk',
  'sla_resolution_breached',
]);
export const ticketTimerStateEnum = pgEnum('ticket_timer_state', ['pending', 'done', 'cancelled']);

/**
 * Things to do to a ticket at a given instant (R9 reminders and auto-close, R7 SLA warnings). The
 * worker claims due pending rows with FOR UPDATE SKIP LOCKED and marks them done in the same
 * transaction as their effect, so each happens exactly once across restarts and instances.
 */
export const ticketTimers = pgTable(
  'ticket_timers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    kind: ticketTimerKindEnum('kind').notNull(),
    dueAt: instant('due_at').notNull(),
    /**
     * R9: the step's own date in its series (N calendar days after the entry into waiting_customer).
     * `due_at` starts there and only moves later, under the catch-up rule of late reminders.
     */
    scheduledAt: instant('scheduled_at'),
    /**
     * The series the timer belongs to: for R9, the id of the event that put the ticket in
     * waiting_customer (a later wait starts a fresh series); for SLA warnings, 'sla' (once per ticket).
     */
    ladder: text('ladder').notNull(),
    state: ticketTimerStateEnum('state').notNull().default('pending'),
    createdAt: instant('created_at').notNull(),
    doneAt: instant('done_at'),
  },
  (t) => [
    uniqueIndex('ticket_timers_ticket_kind_ladder_key').on(t.ticketId, t.kind, t.ladder),
    index('ticket_timers_due_idx').on(t.dueAt).where(sql`state = 'pending'`),
    index('ticket_timers_ticket_pending_idx').on(t.ticketId).where(sql`state = 'pending'`),
  ],
);
