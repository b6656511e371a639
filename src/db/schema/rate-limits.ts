import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * API rate-limit counters shared by every instance (when REDIS_URL is unset): one row per key
 * (`user:<id>`, `company:<id>`) and fixed window. Rows of past windows are overwritten on the next
 * request and purged now and then.
 */
export const rateLimitCounters = pgTable('rate_limit_counters', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: timestamp('reset_at', { withTimezone: true, mode: 'date' }).notNull(),
});
