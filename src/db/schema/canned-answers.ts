import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';
import { ticketStatusEnum } from './tickets';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A ready-made answer in French, German and English, with variables filled when inserted. Shared
 * answers (no owner) are kept by admins; personal ones by the staff member who owns them.
 */
export const cannedAnswers = pgTable(
  'canned_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null for an answer shared by the whole team. */
    ownerId: uuid('owner_id').references(() => users.id),
    title: text('title').notNull(),
    bodyFr: text('body_fr').notNull(),
    bodyDe: text('body_de').notNull(),
    bodyEn: text('body_en').notNull(),
    /** A status to move the ticket to when the answer is sent (through the transition table). */
    statusAfter: ticketStatusEnum('status_after'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('canned_answers_owner_idx').on(t.ownerId, t.title)],
);
