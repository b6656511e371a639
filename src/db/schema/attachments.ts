import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies, users } from './core';
import { ticketMessages, tickets } from './tickets';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A file attached to a ticket, optionally to one of its messages. The bytes live in the file store
 * under `sha256` (identical content is stored once); the row holds what people see.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    messageId: uuid('message_id').references(() => ticketMessages.id),
    /** The ticket's company, copied so scoping a download needs no join. */
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    fileName: text('file_name').notNull(),
    /** Decided from the content at upload, never from what the client claimed. */
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** Null when the system attached it (e.g. from an inbound mail of an unknown sender). */
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('attachments_ticket_idx').on(t.ticketId, t.createdAt),
    index('attachments_message_idx').on(t.messageId),
    index('attachments_sha256_idx').on(t.sha256),
  ],
);
