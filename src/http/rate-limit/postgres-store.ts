import { lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rateLimitCounters } from '../../db/schema/index';
import type { Clock } from '../../domain/clock';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Purge rows of finished windows once every so many increments, so the table stays small. */
const purgeEvery = 1000;

/**
 * A @fastify/rate-limit store over PostgreSQL, shared by every instance: one atomic upsert per
 * check counts the request in the key's current fixed window, or opens a new window when the
 * previous one has ended. Time is the injected clock's.
 */
export function postgresRateLimitStore(db: Db, clock: Clock) {
  let sincePurge = 0;
  return class PostgresRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      const now = clock.now();
      const resetAt = new Date(now.getTime() + timeWindow);
      db.insert(rateLimitCounters)
        .values({ key, count: 1, resetAt })
        .onConflictDoUpdate({
          target: rateLimitCounters.key,
          set: {
            count: sql`case when ${rateLimitCounters.resetAt} <= ${now}::timestamptz then 1 else ${rateLimitCounters.count} + 1 end`,
            resetAt: sql`case when ${rateLimitCounters.resetAt} <= ${now}::timestamptz then ${resetAt}::timestamptz else ${rateLimitCounters.resetAt} end`,
          },
        })
        .returning({ count: rateLimitCounters.count, resetAt: rateLimitCounters.resetAt })
        .then(([row]) => {
          if (!row) throw new Error('rate limit upsert returned nothing');
          callback(null, { current: row.count, ttl: Math.max(0, row.resetAt.getTime() - now.getTime()) });
          sincePurge += 1;
          if (sincePurge >= purgeEvery) {
            sincePurge = 0;
            void db
              .delete(rateLimitCounters)
              .where(lt(rateLimitCounters.resetAt, now))
              .catch(() => undefined);
          }
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    }

    child(): PostgresRateLimitStore {
      return new PostgresRateLimitStore();
    }
  };
}
