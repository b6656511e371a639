import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './core';
import { messageFormatEnum } from './tickets';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

export const inboundViaEnum = pgEnum('inbound_via', ['smtp', 'imap', 'webhook']);
export const inboundOutcomeEnum = pgEnum('inbound_outcome', [
  'posted',
  'refused_closed',
  'quarantined',
  'ignored_auto',
  'ignored_duplicate',
  'created_ticket',
  'discarded',
]);

/**
 * Every mail received (R11), once: the dedupe key (Message-ID, else the sha-256 of the source) is
 * unique, so a mail delivered twice is processed once. The source is kept so an admin can look at a
 * quarantined mail and release it to a ticket.
 */
export const inboundMails = pgTable(
  'inbound_mails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dedupeKey: text('dedupe_key').notNull(),
    messageId: text('message_id'),
    via: inboundViaEnum('via').notNull(),
    fromAddress: text('from_address'),
    fromName: text('from_name'),
    recipients: text('recipients').array().notNull().default(sql`'{}'::text[]`),
    subject: text('subject').notNull(),
    /** The new text, quoted history and signature removed. */
    bodyText: text('body_text').notNull(),
    /** Markdown when the mail had an HTML part (converted to the messages' subset), else plain. */
    bodyFormat: messageFormatEnum('body_format').notNull().default('plain'),
    attachmentNames: text('attachment_names').array().notNull().default(sql`'{}'::text[]`),
    raw: bytea('raw').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    outcome: inboundOutcomeEnum('outcome').notNull(),
    /** Why: the quarantine reason, the kind of automatic mail … */
    reason: text('reason'),
    /** How the ticket was found: token, thread, key, admin, created. */
    route: text('route'),
    ticketId: uuid('ticket_id'),
    postedMessageId: uuid('posted_message_id'),
    senderUserId: uuid('sender_user_id').references(() => users.id),
    autoAnswered: integer('auto_answered').notNull().default(0),
    deliveries: integer('deliveries').notNull().default(1),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    receivedAt: instant('received_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: instant('decided_at'),
  },
  (t) => [
    uniqueIndex('inbound_mails_dedupe_key').on(t.dedupeKey),
    index('inbound_mails_outcome_idx').on(t.outcome, t.receivedAt),
    index('inbound_mails_received_idx').on(t.receivedAt),
    index('inbound_mails_sender_auto_idx').on(t.fromAddress, t.receivedAt).where(sql`auto_answered > 0`),
    index('inbound_mails_ticket_idx').on(t.ticketId),
  ],
);
