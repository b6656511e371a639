import { customType, index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tickets } from './tickets';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The full-text index of each ticket, kept up to date by triggers on tickets and ticket_messages
 * (see the `search_ticket_index` migration). Two documents: what customers may search (subject,
 * description, public messages) and what staff may search (the same plus internal notes), so a
 * customer's search never matches a word that occurs only in an internal note. Each document holds
 * French and German stems of unaccented words (configurations guichet_fr and guichet_de).
 *
 * The ticket's company and creation time are copied here so that a search can pick its most recent
 * matches (and a customer's) from this table alone: the documents are stored out of line (a small
 * `toast_tuple_target`), so the rows the search index points to are narrow and a common word's tens
 * of thousands of matches are read from a small heap.
 *
 * A search looks for its candidates among the most recent tickets first, widening only while too
 * few match: see the `search_windows` migration, whose function does it.
 */
export const ticketSearch = pgTable(
  'ticket_search',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id),
    companyId: uuid('company_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    publicVector: tsvector('public_vector').notNull(),
    staffVector: tsvector('staff_vector').notNull(),
  },
  (t) => [
    index('ticket_search_public_idx').using('gin', t.publicVector),
    index('ticket_search_staff_idx').using('gin', t.staffVector),
    // The windows of most recent tickets a search looks in first (guichet_search_candidates).
    index('ticket_search_created_idx').on(t.createdAt),
    index('ticket_search_company_created_idx').on(t.companyId, t.createdAt),
  ],
);
