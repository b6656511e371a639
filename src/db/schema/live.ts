import { bigserial, index, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tickets } from './tickets';

/**
 * Ticket changes as announced on the live channel, kept for a short window so that a stream
 * reconnecting to another instance (Last-Event-ID) replays what it missed. Rows of a ticket: the
 * ticket's company policy applies under the customer role, since a customer's reply writes them.
 */
export const liveEvents = pgTable(
  'live_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    notice: jsonb('notice').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('live_events_created_idx').on(t.createdAt)],
);
