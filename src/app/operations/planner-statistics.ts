import { sql } from 'drizzle-orm';
import type { AppContext } from '../context';

/** How often the embedded database's statistics are gathered again. */
export const STATISTICS_INTERVAL_MS = 60 * 60 * 1000;

let lastGathered: number | null = null;

/**
 * The embedded database (PGlite) has no autovacuum, so nothing gathers planner statistics and
 * the planner guesses row counts (it then sorts a whole company's tickets instead of walking an
 * index). The worker runs ANALYZE once an hour there; PostgreSQL's autovacuum does it itself.
 */
export async function refreshPlannerStatistics(ctx: AppContext): Promise<boolean> {
  if (ctx.config.DATABASE_URL) return false;
  const now = ctx.clock.now().getTime();
  if (lastGathered !== null && now - lastGathered < STATISTICS_INTERVAL_MS) return false;
  lastGathered = now;
  await ctx.db.execute(sql`analyze`);
  return true;
}
