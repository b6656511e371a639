import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  refreshPlannerStatistics,
  STATISTICS_INTERVAL_MS,
} from '../../src/app/operations/planner-statistics';
import { type TestApp, testApp } from '../support/app';
import { testEngine } from '../support/db';
import { createCompany, openTicket } from '../support/factories';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

async function analysedAt(): Promise<string | null> {
  const result = (await t.ctx.db.execute(
    sql`select coalesce(last_analyze, last_autoanalyze)::text as at from pg_stat_user_tables where relname = 'tickets'`,
  )) as unknown as { rows: { at: string | null }[] };
  return result.rows[0]?.at ?? null;
}

describe('planner statistics', () => {
  it('are gathered on the embedded database as it opens, then by the worker every hour, table by table', async () => {
    const acme = await createCompany(t.ctx.db);
    await openTicket(t.ctx, acme.customer);
    if (testEngine() === 'postgres') {
      // PostgreSQL's autovacuum gathers them: the task leaves a configured server alone.
      const ctx = { ...t.ctx, config: { ...t.ctx.config, DATABASE_URL: 'postgres://127.0.0.1/x' } };
      expect(await refreshPlannerStatistics(ctx)).toBe(false);
      return;
    }
    // Opening the database gathered them (src/db/client.ts): the worker's first pass, right after,
    // has nothing to do.
    expect(await refreshPlannerStatistics(t.ctx)).toBe(false);
    t.clock.advance(STATISTICS_INTERVAL_MS - 60_000);
    expect(await refreshPlannerStatistics(t.ctx)).toBe(false);
    const before = await analysedAt();
    await new Promise((resolve) => setTimeout(resolve, 20));
    t.clock.advance(60_000);
    expect(await refreshPlannerStatistics(t.ctx)).toBe(true);
    const after = await analysedAt();
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
    expect(await refreshPlannerStatistics(t.ctx)).toBe(false);
  });
});
