import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const catalogueOf = async (email: string) => {
  const client = new TestClient(t.app);
  await client.login(email);
  const response = await client.get('/api/request-types');
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { maintenance: { state: string; endedOn: string | null } | null };
};

describe('the maintenance contract as the forms tell it before any typing (R1)', () => {
  it('running: nothing to say', async () => {
    const company = await createCompany(t.ctx.db);
    expect((await catalogueOf(company.customer.email)).maintenance).toEqual({
      state: 'active',
      endedOn: null,
    });
  });

  it('ended: says so, with the day it ended', async () => {
    const company = await createCompany(t.ctx.db, { maintenance: 'expired' });
    expect((await catalogueOf(company.customer.email)).maintenance).toEqual({
      state: 'expired',
      endedOn: '2024-12-31',
    });
  });

  it('never signed: says there is none', async () => {
    const company = await createCompany(t.ctx.db);
    await t.ctx.db.delete(contracts).where(eq(contracts.companyId, company.company.id));
    expect((await catalogueOf(company.customer.email)).maintenance).toEqual({ state: 'none', endedOn: null });
  });

  it('staff looking at the whole catalogue get no company standing', async () => {
    const staff = await createStaff(t.ctx.db);
    expect((await catalogueOf(staff.agent.email)).maintenance).toBeNull();
  });
});
