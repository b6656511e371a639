import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';

/**
 * How many of the most recent matches a search ranks by relevance. Ranking reads each candidate's
 * whole document, so ranking every match of a common word (tens of thousands at a million tickets)
 * cost seconds; the most recent few hundred are read from the narrow search rows alone.
 */
export const SEARCH_CANDIDATES = 300;

/**
 * The ids of the SEARCH_CANDIDATES most recent tickets matching `query`: staff search the staff
 * documents, customers the public ones of their company (`company`, also for staff who filter on
 * one). The database function looks among the most recent tickets first and widens only while too
 * few match (see the `search_windows` migration); in a customer's transaction it keeps to the
 * company of that transaction, as row-level security would.
 */
export function searchCandidates(query: SQL, staff: boolean, company: string | null | undefined): SQL {
  return sql`(select guichet_search_candidates(${query}, ${staff}, ${company ?? null}::uuid, ${SEARCH_CANDIDATES}))`;
}

/**
 * A full-text query in both languages of the index: the user's words (websearch syntax: "quoted
 * phrases", or, -excluded) stemmed as French and as German, either matching. It is resolved to its
 * text once, and a single stemming kept when both agree ("facture" gives `'factur'` in both): the
 * planner then estimates the matches from the index statistics of one term instead of twice that
 * for `'factur' | 'factur'`, which made it prefer reading the whole table to the search index.
 */
export async function resolveSearchQuery(db: DbOrTx, q: string): Promise<SQL> {
  const result = await db.execute(sql`
    select (case when f::text = d::text then f else f || d end)::text as query
      from websearch_to_tsquery('guichet_fr', ${q}) f, websearch_to_tsquery('guichet_de', ${q}) d`);
  const [row] = (result as unknown as { rows: { query: string }[] }).rows;
  return sql`${row?.query ?? ''}::tsquery`;
}

/**
 * Rebuilds the search documents of one ticket. Triggers on tickets and ticket_messages call the
 * same database function on every relevant change, so callers need this only for repairs.
 */
export async function reindexTicketSearch(tx: Tx, ticketId: string): Promise<void> {
  await tx.execute(sql`select guichet_reindex_ticket_search(${ticketId}::uuid)`);
}
