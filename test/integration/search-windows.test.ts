import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSearchQuery } from '../../src/app/ticket-lists/search';
import type { DbOrTx } from '../../src/db/client';
import { type TestApp, testApp } from '../support/app';
import {
  createCompany,
  createStaff,
  insertMessage,
  insertTicket,
  type TestCompany,
} from '../support/factories';

// The candidates of a relevance search are looked for among the most recent tickets first
// (guichet_search_candidates). The first window is 10,000 tickets in the application; these tests
// pass a window of a few tickets to make it too small.
let t: TestApp;
let acme: TestCompany;
let globex: TestCompany;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
  globex = await createCompany(t.ctx.db);
  const staff = await createStaff(t.ctx.db);
  let minute = 0;
  const open = async (name: string, subject: string, company = acme) => {
    minute += 1;
    ids[name] = (
      await insertTicket(t.ctx.db, {
        companyId: company.company.id,
        createdBy: company.customer.id,
        subject,
        createdAt: new Date(Date.UTC(2026, 2, 2, 8, minute)),
      })
    ).id;
  };
  await open('oldAcme', 'Facture perdue');
  await open('oldGlobex', 'Facture en double', globex);
  for (let i = 0; i < 6; i += 1) await open(`other${i}`, 'Mot de passe oublié');
  await open('note', 'Stock faux');
  await insertMessage(t.ctx.db, {
    ticketId: ids.note ?? '',
    authorId: staff.agent.id,
    body: 'Note interne : la facture est à refaire.',
    visibility: 'internal',
  });
  await open('recent', 'Facture du mois');
});
afterAll(() => t.close());

const candidates = async (
  db: DbOrTx,
  words: string,
  options: { staff: boolean; company?: string; wanted: number; firstWindow: number },
): Promise<string[]> => {
  const query: SQL = await resolveSearchQuery(db, words);
  const result = await db.execute(
    sql`select guichet_search_candidates(${query}, ${options.staff}, ${options.company ?? null}::uuid,
          ${options.wanted}::int, ${options.firstWindow}::int) as id`,
  );
  return (result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id).sort();
};

const sorted = (...names: string[]) => names.map((name) => ids[name] ?? name).sort();

describe('search candidates, most recent tickets first', () => {
  it('widens to older tickets when the most recent ones hold too few matches', async () => {
    // The 2 most recent tickets hold 2 matches of the 3 wanted: the third is older.
    const found = await candidates(t.ctx.db, 'facture', { staff: true, wanted: 3, firstWindow: 2 });
    expect(found).toEqual(sorted('recent', 'note', 'oldGlobex'));
  });

  it('widens to every ticket when the most recent ones hold no match', async () => {
    const found = await candidates(t.ctx.db, 'perdue', { staff: true, wanted: 5, firstWindow: 1 });
    expect(found).toEqual(sorted('oldAcme'));
  });

  it('finds the same most recent matches whatever the first window', async () => {
    for (const staff of [true, false]) {
      for (const wanted of [1, 2, 3, 4]) {
        const everything = await candidates(t.ctx.db, 'facture', { staff, wanted, firstWindow: 1_000_000 });
        expect(everything).toHaveLength(Math.min(wanted, staff ? 4 : 3));
        for (const firstWindow of [1, 2, 3, 5, 9]) {
          expect(await candidates(t.ctx.db, 'facture', { staff, wanted, firstWindow })).toEqual(everything);
        }
      }
    }
  });

  it("keeps to a company's tickets and public documents when asked", async () => {
    const company = acme.company.id;
    const found = await candidates(t.ctx.db, 'facture', { staff: false, company, wanted: 5, firstWindow: 1 });
    expect(found).toEqual(sorted('recent', 'oldAcme'));
  });

  it("in a customer's transaction, searches only that company's public documents, whatever the arguments", async () => {
    const scoped = (companyId: string | null) =>
      t.ctx.db.transaction(async (tx) => {
        if (companyId) await tx.execute(sql`select set_config('guichet.company_id', ${companyId}, true)`);
        await tx.execute(sql.raw('set local role guichet_customer'));
        return candidates(tx, 'facture', { staff: true, wanted: 5, firstWindow: 2 });
      });
    expect(await scoped(globex.company.id)).toEqual(sorted('oldGlobex'));
    expect(await scoped(acme.company.id)).toEqual(sorted('recent', 'oldAcme'));
    expect(await scoped(null)).toEqual([]);
  });
});
