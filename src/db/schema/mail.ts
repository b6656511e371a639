import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { languageEnum } from './core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const outboxStatusEnum = pgEnum('outbox_status', ['pending', 'sent', 'failed', 'dropped']);

/**
 * Mails to send. A row names a template and its parameters; it is rendered when sent, from the
 * current state of what it speaks of, so a mail about something that changed meanwhile can be dropped.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    template: text('template').notNull(),
    recipient: text('recipient').notNull(),
    language: languageEnum('language').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Ticket the mail belongs to, for threading and for rendering from its current state. */
    ticketId: text('ticket_id'),
    status: outboxStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    lastError: text('last_error'),
    messageId: text('message_id'),
    createdAt: instant('created_at').notNull(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('outbox_ticket_idx').on(t.ticketId),
    /** The admin outbox list, by state, newest first. */
    index('outbox_status_idx').on(t.status, t.id),
  ],
);

/** The mail store: where mails go when no SMTP server is configured, shown to admins. */
export const storedMails = pgTable(
  'stored_mails',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    outboxId: bigint('outbox_id', { mode: 'number' }),
    messageId: text('message_id').notNull(),
    sender: text('sender').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    storedAt: instant('stored_at').notNull(),
  },
  (t) => [index('stored_mails_recipient_idx').on(t.recipient, t.storedAt)],
);
