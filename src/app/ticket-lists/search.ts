import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';

/**
 * A full-text query in both languages of the index: the user's words (websearch syntax: "quoted
 * phrases", or, -excluded) stemmed as French or as German, either matching.
 */
export function searchQuery(q: string): SQL {
  return sql`(websearch_to_tsquery('guichet_fr', ${q}) || websearch_to_tsquery('guichet_de', ${q}))`;
}

/**
 * Rebuilds the search documents of one ticket. Triggers on tickets and ticket_messages call the
 * same database function on every relevant change, so callers need this only for repairs.
 */
export async function reindexTicketSearch(tx: Tx, ticketId: string): Promise<void> {
  await tx.execute(sql`select guichet_reindex_ticket_search(${ticketId}::uuid)`);
}
