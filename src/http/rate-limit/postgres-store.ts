import { lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rateLimitCounters } from '../../db/schema/index';
import type { Clock } from '../../domain/clock';

/** A key's count in its current window, and the milliseconds left until the window ends. */
export interface WindowCount {
  current: number;
  ttl: number;
}

/** Purge rows of finished windows once every so many counts, so the table stays small. */
const purgeEvery = 1000;

/**
 * API rate-limit counters in PostgreSQL, shared by every instance: one atomic upsert counts the
 * request under all its keys (the person's and their company's) in each key's current fixed
 * window, or opens a new window where the previous one has ended. Time is the injected clock's.
 */
export function postgresRateLimitCounter(db: Db, clock: Clock) {
  let sincePurge = 0;
  return async function count(keys: readonly string[], windowMs: number): Promise<Map<string, WindowCount>> {
    const now = clock.now();
    const resetAt = new Date(now.getTime() + windowMs);
    // Rows are locked in key order, the same in every request: two requests sharing keys cannot
    // each hold one the other waits for.
    const rows = await db
      .insert(rateLimitCounters)
      .values([...keys].sort().map((key) => ({ key, count: 1, resetAt })))
      .onConflictDoUpdate({
        target: rateLimitCounters.key,
        set: {
          count: sql`case when ${rateLimitCounters.resetAt} <= ${now}::timestamptz then 1 else ${rateLimitCounters.count} + 1 end`,
          resetAt: sql`case when ${rateLimitCounters.resetAt} <= ${now}::timestamptz then ${resetAt}::timestamptz else ${rateLimitCounters.resetAt} end`,
        },
      })
      .returning({
        key: rateLimitCounters.key,
        count: rateLimitCounters.count,
        resetAt: rateLimitCounters.resetAt,
      });
    sincePurge += 1;
    if (sincePurge >= purgeEvery) {
      sincePurge = 0;
      void db
        .delete(rateLimitCounters)
        .where(lt(rateLimitCounters.resetAt, now))
        .catch(() => undefined);
    }
    return new Map(
      rows.map((row) => [
        row.key,
        { current: row.count, ttl: Math.max(0, row.resetAt.getTime() - now.getTime()) },
      ]),
    );
  };
}
