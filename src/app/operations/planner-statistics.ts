import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context';

/** How often the embedded database's statistics are gathered again. */
export const STATISTICS_INTERVAL_MS = 60 * 60 * 1000;

let lastGathered: number | null = null;

/**
 * The embedded database (PGlite) has no autovacuum, so nothing gathers planner statistics and
 * the planner guesses row counts (it then sorts a whole company's tickets instead of walking an
 * index). Opening it gathers them (src/db/client.ts); the worker gathers them again every hour.
 * PostgreSQL's autovacuum does it itself.
 */
export async function refreshPlannerStatistics(ctx: AppContext): Promise<boolean> {
  if (ctx.config.DATABASE_URL) return false;
  const now = ctx.clock.now().getTime();
  // The process opened the database moments ago, and that gathered them.
  lastGathered ??= now;
  if (now - lastGathered < STATISTICS_INTERVAL_MS) return false;
  lastGathered = now;
  await analyseTableByTable(ctx);
  return true;
}

/**
 * One table at a time, letting the process answer requests in between: the embedded database runs
 * on the process's one thread, and a whole-database ANALYZE of 100,000 tickets held every request
 * for seconds.
 */
async function analyseTableByTable(ctx: AppContext): Promise<void> {
  const tables = (await ctx.db.execute(
    sql`select schemaname as schema, relname as name from pg_stat_user_tables order by relname`,
  )) as unknown as { rows: { schema: string; name: string }[] };
  for (const table of tables.rows) {
    await ctx.db.execute(sql`analyze ${sql.identifier(table.schema)}.${sql.identifier(table.name)}`);
    await nextTurn();
  }
}
