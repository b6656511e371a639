import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies, users } from './core';
import { tickets } from './tickets';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const surveyChannelEnum = pgEnum('survey_channel', ['mail', 'portal']);

/**
 * The satisfaction survey of a closed ticket: one per ticket, asked of the customer who opened it,
 * answered once (score 1–5, optional comment) from the mail link or from the portal.
 */
export const satisfactionSurveys = pgTable(
  'satisfaction_surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    /** The customer who opened the ticket: the one the survey asks. */
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => users.id),
    /** The assignee at closing: whose work the score rates. */
    agentId: uuid('agent_id').references(() => users.id),
    /** sha-256 of the mail link's token: the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    createdAt: instant('created_at').notNull(),
    score: integer('score'),
    comment: text('comment'),
    answeredAt: instant('answered_at'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredVia: surveyChannelEnum('answered_via'),
  },
  (t) => [
    uniqueIndex('satisfaction_surveys_ticket_key').on(t.ticketId),
    uniqueIndex('satisfaction_surveys_token_key').on(t.tokenHash),
    index('satisfaction_surveys_answered_idx').on(t.answeredAt),
  ],
);
