import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type DbOrTx, migrationsFolder } from './client';

/** The migrations this release ships with (drizzle's journal). */
function shippedMigrations(): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/**
 * Whether the database holds every migration of this release. An instance of an older release
 * next to a newer schema is fine (migrations expand before they contract); a database behind this
 * release is not: the instance must not take traffic until the migration has run.
 */
export async function migrationsApplied(db: DbOrTx): Promise<{ applied: number; shipped: number }> {
  const result = await db.execute<{ applied: number }>(
    sql`select count(*)::int as applied from drizzle.__drizzle_migrations`,
  );
  const rows = (result as unknown as { rows: { applied: number }[] }).rows;
  return { applied: Number(rows[0]?.applied ?? 0), shipped: shippedMigrations() };
}
