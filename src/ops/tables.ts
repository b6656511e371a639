import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';

/** Tables of the file store's postgres driver: their content travels as files, not as rows. */
export const FILE_STORE_TABLES: ReadonlySet<string> = new Set(['stored_files', 'stored_file_chunks']);

/** Rows of a query, whichever engine answered (node-postgres and PGlite both give `rows`). */
export async function rowsOf<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The application's tables (schema public), in name order. */
export async function publicTables(db: DbOrTx): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    db,
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  return rows.map((row) => row.name);
}

/** The number of rows of every application table, the file store's own tables left out. */
export async function tableCounts(db: DbOrTx): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await publicTables(db)) {
    if (FILE_STORE_TABLES.has(table)) continue;
    const [row] = await rowsOf<{ n: number | string }>(
      db,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
    );
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

/** How many migrations the database holds (drizzle's journal). */
export async function migrationCount(db: DbOrTx): Promise<number> {
  const [row] = await rowsOf<{ n: number | string }>(
    db,
    sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`,
  );
  return Number(row?.n ?? 0);
}

/** The differences between two sets of counts, as readable lines; empty when they agree. */
export function countDifferences(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...names]
    .sort()
    .filter((name) => expected[name] !== actual[name])
    .map((name) => `${name}: ${expected[name] ?? 'absent'} expected, ${actual[name] ?? 'absent'} found`);
}
