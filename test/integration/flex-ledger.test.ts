import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flexBalanceMinutes } from '../../src/app/flex/balance';
import { flexLedger } from '../../src/db/schema/index';
import { sumMinutes } from '../../src/domain/flex/index';
import { type TestApp, testApp } from '../support/app';
import { createCompany } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

describe('Flex ledger (R12)', () => {
  it('has no balance without an active Flex contract', async () => {
    const { company } = await createCompany(t.ctx.db);
    expect(await flexBalanceMinutes(t.ctx.db, company.id, t.clock.now())).toBeNull();
  });

  it('has no balance once the Flex contract has ended', async () => {
    const { company, flex } = await createCompany(t.ctx.db, { flex: true });
    if (!flex) throw new Error('no flex contract');
    expect(await flexBalanceMinutes(t.ctx.db, company.id, new Date('2100-01-02T00:00:00Z'))).toBeNull();
    expect(await flexBalanceMinutes(t.ctx.db, company.id, new Date('2024-12-31T12:00:00Z'))).toBeNull();
  });

  it('sums credits, debits and adjustments in whole minutes', async () => {
    const { company, flex } = await createCompany(t.ctx.db, { flex: true });
    if (!flex) throw new Error('no flex contract');
    expect(await flexBalanceMinutes(t.ctx.db, company.id, t.clock.now())).toBe(0);
    const base = { contractId: flex.id, companyId: company.id, createdAt: t.clock.now() };
    await t.ctx.db.insert(flexLedger).values([
      { ...base, kind: 'credit', minutes: 600 },
      { ...base, kind: 'debit', minutes: -45 },
      { ...base, kind: 'adjustment', minutes: -16, reason: 'correction' },
    ]);
    expect(await flexBalanceMinutes(t.ctx.db, company.id, t.clock.now())).toBe(539);
  });

  it('refuses a debit with a positive sign and an adjustment without reason', async () => {
    const { company, flex } = await createCompany(t.ctx.db, { flex: true });
    if (!flex) throw new Error('no flex contract');
    const base = { contractId: flex.id, companyId: company.id, createdAt: t.clock.now() };
    await expect(
      t.ctx.db.insert(flexLedger).values({ ...base, kind: 'debit', minutes: 30 }),
    ).rejects.toThrow();
    await expect(
      t.ctx.db.insert(flexLedger).values({ ...base, kind: 'adjustment', minutes: 30 }),
    ).rejects.toThrow();
  });

  it('keeps the balance exact in whole minutes over 5,000 movements', async () => {
    const { company, flex } = await createCompany(t.ctx.db, { flex: true });
    if (!flex) throw new Error('no flex contract');
    const movements = fc
      .sample(fc.integer({ min: -200_000, max: 200_000 }), { numRuns: 5000, seed: 20260302 })
      .map((m) => (m === 0 ? 1 : m));
    for (let i = 0; i < movements.length; i += 1000) {
      await t.ctx.db.insert(flexLedger).values(
        movements.slice(i, i + 1000).map((minutes) => ({
          contractId: flex.id,
          companyId: company.id,
          kind: minutes > 0 ? ('credit' as const) : ('debit' as const),
          minutes,
          createdAt: t.clock.now(),
        })),
      );
    }
    const expected = sumMinutes(movements);
    const balance = await flexBalanceMinutes(t.ctx.db, company.id, t.clock.now());
    expect(balance).toBe(expected);
    expect(Number.isInteger(balance)).toBe(true);
  });

  it('never lets a movement be updated or deleted, even in raw SQL', async () => {
    const { company, flex } = await createCompany(t.ctx.db, { flex: true });
    if (!flex) throw new Error('no flex contract');
    const [row] = await t.ctx.db
      .insert(flexLedger)
      .values({
        contractId: flex.id,
        companyId: company.id,
        kind: 'credit',
        minutes: 60,
        createdAt: t.clock.now(),
      })
      .returning();
    if (!row) throw new Error('not inserted');
    expect(
      await failure(t.ctx.db.execute(sql`UPDATE flex_ledger SET minutes = 6000 WHERE id = ${row.id}`)),
    ).toMatch(/append-only/);
    expect(await failure(t.ctx.db.execute(sql`DELETE FROM flex_ledger WHERE id = ${row.id}`))).toMatch(
      /append-only/,
    );
    expect(await failure(t.ctx.db.execute(sql`TRUNCATE flex_ledger CASCADE`))).toMatch(/append-only/);
    expect(await flexBalanceMinutes(t.ctx.db, company.id, t.clock.now())).toBe(60);
  });
});

/** The database's own message of a failed query (the ORM wraps it as the cause). */
async function failure(query: Promise<unknown>): Promise<string> {
  try {
    await query;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return `${(error as Error).message} ${cause?.message ?? ''}`;
  }
  return 'no error';
}
