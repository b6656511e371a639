import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemoIfEmpty } from '../../src/app/seed/demo';
import { companies, tickets, users } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';

let t: TestApp;
let logins: Awaited<ReturnType<typeof seedDemoIfEmpty>>;

beforeAll(async () => {
  t = await testApp({ now: '2026-11-23T09:00:00Z' });
  logins = await seedDemoIfEmpty(t.ctx);
});
afterAll(() => t.close());

describe('demo data', () => {
  it('seeds companies for every contract situation, users for every role and tickets in several states, once', async () => {
    expect(logins?.map((l) => l.email)).toEqual(
      expect.arrayContaining([
        'client@acme.demo',
        'manager@acme.demo',
        'agent@guichet.demo',
        'admin@guichet.demo',
      ]),
    );
    expect(await seedDemoIfEmpty(t.ctx)).toBeNull();

    const [companyCount] = await t.ctx.db.select({ n: count() }).from(companies);
    expect(Number(companyCount?.n)).toBe(3);
    const roles = (await t.ctx.db.select({ role: users.role }).from(users)).map((u) => u.role);
    expect(new Set(roles)).toEqual(new Set(['customer', 'agent', 'consultant', 'admin']));
    const statuses = (await t.ctx.db.select({ status: tickets.status }).from(tickets)).map((r) => r.status);
    expect(statuses).toEqual(
      expect.arrayContaining(['open', 'qualified', 'waiting_customer', 'closed', 'in_progress']),
    );
  });

  it('lets every printed demo login sign in', async () => {
    const all = logins ?? [];
    expect(all.length).toBe(7);
    for (const [index, { email }] of all.entries()) {
      const client = new TestClient(t.app, `10.9.0.${index}`);
      expect((await client.post('/api/session', { email, password: demoPassword })).statusCode).toBe(200);
    }
  });

  it('gives the Flex company a positive balance so Solva Flex can be tried', async () => {
    const client = new TestClient(t.app, '10.9.1.1');
    await client.login('client@acme.demo', demoPassword);
    const flex = await client.get('/api/flex');
    expect(flex.statusCode).toBe(200);
    expect(flex.json().balanceMinutes).toBe(2400);
  });
});
