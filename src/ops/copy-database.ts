import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { publicTables, rowsOf } from './tables';

const BATCH_ROWS = 500;

/**
 * Copies every row of one Guichet database into another of the same schema version (both migrated
 * by this release), in one transaction on the target: the rows the migrations seeded are replaced,
 * tables are filled parents first, user triggers (search index upkeep) are held off while the
 * copied rows already carry their derived data, and sequences continue where the source's stopped.
 * Rows travel as JSON in batches, so the source may be PGlite and the target PostgreSQL.
 */
export async function copyDatabase(source: DbOrTx, target: Db): Promise<void> {
  const tables = await publicTables(source);
  const order = await parentsFirst(source, tables);
  await target.transaction(async (tx) => {
    const list = sql.join(
      tables.map((table) => sql.identifier(table)),
      sql`, `,
    );
    // Triggers that fire in every replication role: ENABLE TRIGGER USER below would bring them
    // back as ordinary ones.
    const always = await rowsOf<{ tbl: string; name: string }>(
      tx,
      sql`SELECT c.relname AS tbl, t.tgname AS name FROM pg_trigger t
          JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND NOT t.tgisinternal AND t.tgenabled = 'A'`,
    );
    // Held off first: the append-only ledger's own trigger refuses TRUNCATE.
    for (const table of tables)
      await tx.execute(sql`ALTER TABLE ${sql.identifier(table)} DISABLE TRIGGER USER`);
    await tx.execute(sql`TRUNCATE ${list} CASCADE`);
    for (const table of order) await copyTable(source, tx, table);
    for (const table of tables)
      await tx.execute(sql`ALTER TABLE ${sql.identifier(table)} ENABLE TRIGGER USER`);
    for (const { tbl, name } of always)
      await tx.execute(sql`ALTER TABLE ${sql.identifier(tbl)} ENABLE ALWAYS TRIGGER ${sql.identifier(name)}`);
    const sequences = await rowsOf<{ name: string; last: string | number | null }>(
      source,
      sql`SELECT sequencename AS name, last_value AS last FROM pg_sequences WHERE schemaname = 'public'`,
    );
    for (const { name, last } of sequences) {
      if (last !== null)
        await tx.execute(sql`SELECT setval(${`public.${name}`}::regclass, ${Number(last)}, true)`);
    }
  });
}

async function copyTable(source: DbOrTx, target: DbOrTx, table: string): Promise<void> {
  const columns = await rowsOf<{ name: string }>(
    source,
    sql`SELECT column_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = ${table} AND is_generated = 'NEVER'
        ORDER BY ordinal_position`,
  );
  const names = sql.join(
    columns.map((column) => sql.identifier(column.name)),
    sql`, `,
  );
  const id = sql.identifier(table);
  for (let offset = 0; ; offset += BATCH_ROWS) {
    const [page] = await rowsOf<{ batch: string; n: number }>(
      source,
      sql`SELECT coalesce(json_agg(x), '[]')::text AS batch, count(*)::int AS n
          FROM (SELECT * FROM ${id} ORDER BY ctid LIMIT ${BATCH_ROWS} OFFSET ${offset}) x`,
    );
    if (!page || Number(page.n) === 0) return;
    await target.execute(
      sql`INSERT INTO ${id} (${names}) OVERRIDING SYSTEM VALUE
          SELECT ${names} FROM json_populate_recordset(null::${id}, ${page.batch}::json)`,
    );
    if (Number(page.n) < BATCH_ROWS) return;
  }
}

/** The tables ordered so that each comes after those its foreign keys point to. */
async function parentsFirst(db: DbOrTx, tables: string[]): Promise<string[]> {
  const edges = await rowsOf<{ child: string; parent: string }>(
    db,
    sql`SELECT c.relname AS child, p.relname AS parent
        FROM pg_constraint f
        JOIN pg_class c ON c.oid = f.conrelid
        JOIN pg_class p ON p.oid = f.confrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE f.contype = 'f' AND n.nspname = 'public'`,
  );
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: Set<string>) => {
    if (placed.has(table) || path.has(table)) return;
    path.add(table);
    for (const edge of edges) if (edge.child === table && edge.parent !== table) visit(edge.parent, path);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}
