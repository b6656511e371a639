import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemoIfEmpty } from '../../src/app/seed/demo';
import { companies, tickets, users } from '../../src/db/schema/index';
import { zurichInstant } from '../../src/domain/calendar/index';
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

  it("gives the manager last month's SLA report: a breach of each clock, each explained", async () => {
    const manager = new TestClient(t.app, '10.9.1.2');
    await manager.login('manager@acme.demo', demoPassword);
    // Seeded on 23 November 2026: October opens on Thursday 1 October at 08:00.
    const response = await manager.get('/api/sla/monthly-report?month=2026-10');
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ companyName: 'Acme Industries SA', tickets: 3, ticketsWithSla: 3 });
    const row = (criticality: string) =>
      report.rows.find((r: { criticality: string }) => r.criticality === criticality);
    expect(row('critique')).toMatchObject({
      tickets: 2,
      engagement: { met: 1, breached: 1, running: 0 },
      resolution: { met: 2, breached: 0, running: 0 },
    });
    expect(row('haute')).toMatchObject({
      tickets: 1,
      engagement: { met: 1, breached: 0 },
      resolution: { met: 0, breached: 1 },
    });
    expect(row('moyenne').tickets + row('basse').tickets).toBe(0);
    const breaches = report.breaches.map(
      (b: { subject: string; clock: string }) => `${b.clock}: ${b.subject}`,
    );
    expect(breaches).toEqual([
      'engagement: Paiements fournisseurs rejetés par la banque',
      'resolution: Rapprochement bancaire incomplet',
    ]);
    const [late, paused] = report.breaches.map((b: { explanation: unknown }) => b.explanation);
    expect(late).toMatchObject({ state: 'breached', targetMinutes: 60, usedMinutes: 180, leftMinutes: -120 });
    expect(late.dueAt).toBe(zurichInstant('2026-10-01 09:00').toISOString());
    const pauses = paused.parts.filter((p: { kind: string }) => p.kind === 'paused');
    expect(pauses).toMatchObject([{ reason: 'waiting_customer', minutes: 24 * 60 }]);
  });
});
