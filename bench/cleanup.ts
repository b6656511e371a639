import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client';
import { rows } from './app';

/**
 * Deletes tickets this benchmark created, with every row that refers to them (found in the
 * catalogue, so new tables are covered) and their outbox mails, 500 tickets per transaction.
 */
export async function removeTickets(database: Database, ids: string[]): Promise<void> {
  const references = await rows<{ tbl: string; col: string; type: string }>(
    database,
    sql`select c.conrelid::regclass::text as tbl, a.attname as col, format_type(a.atttypid, a.atttypmod) as type
          from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
         where c.contype = 'f' and c.confrelid = 'tickets'::regclass
        union
        select table_name, column_name, data_type from information_schema.columns
         where table_schema = 'public' and table_name = 'outbox' and column_name = 'ticket_id'`,
  );
  // Attachments refer to messages as well: delete everything else before the messages. Deleting
  // messages rewrites the ticket's search document (trigger): the search documents go last.
  const order = (table: string) => (table === 'ticket_messages' ? 1 : table === 'ticket_search' ? 2 : 0);
  references.sort((a, b) => order(a.tbl) - order(b.tbl));
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = `{${ids.slice(i, i + 500).join(',')}}`;
    await database.db.transaction(async (tx) => {
      for (const { tbl, col, type } of references) {
        // The column's own type (uuid, or text for the outbox) keeps its index usable.
        const list = sql`${chunk}::${sql.raw(type === 'uuid' ? 'uuid' : 'text')}[]`;
        await tx.execute(sql`delete from ${sql.identifier(tbl)} where ${sql.identifier(col)} = any(${list})`);
      }
      await tx.execute(sql`delete from tickets where id = any(${chunk}::uuid[])`);
    });
  }
}
