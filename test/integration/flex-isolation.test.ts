import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitBilling } from '../../src/app/billing/commit-billing';
import { type TestApp, TestClient, testApp } from '../support/app';
import { actorOf, createStaff, flexTenant, flexTicket, logEntry } from '../support/factories';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
let tenantA: Awaited<ReturnType<typeof flexTenant>>;
let tenantB: Awaited<ReturnType<typeof flexTenant>>;
let ticketA: Awaited<ReturnType<typeof flexTicket>>;
let ticketB: Awaited<ReturnType<typeof flexTicket>>;
let entryA: Awaited<ReturnType<typeof logEntry>>;
let entryB: Awaited<ReturnType<typeof logEntry>>;
let customerA: TestClient;
let managerA: TestClient;

beforeAll(async () => {
  t = await testApp();
  // The matrix runs with row-level security on: customers' requests run as the restricted role.
  expect(await t.app.tenantScope.enforced()).toBe(true);
  staff = await createStaff(t.ctx.db);
  tenantA = await flexTenant(t.ctx, 1200);
  tenantB = await flexTenant(t.ctx, 3000);
  ticketA = await flexTicket(t.ctx, tenantA, 'Évolution A');
  ticketB = await flexTicket(t.ctx, tenantB, 'Évolution B secrète');
  entryA = await logEntry(t.ctx, {
    ticket: ticketA,
    user: staff.agent,
    minutes: 45,
    billing: 'flex',
    note: 'Note A',
  });
  entryB = await logEntry(t.ctx, {
    ticket: ticketB,
    user: staff.agent,
    minutes: 75,
    billing: 'flex',
    note: 'Note B',
  });
  await commitBilling(t.ctx, actorOf(staff.admin), {
    from: '2026-02-01',
    to: '2026-02-28',
    entryIds: [entryA.id, entryB.id],
  });
  customerA = new TestClient(t.app);
  await customerA.login(tenantA.customer.email);
  managerA = new TestClient(t.app);
  await managerA.login(tenantA.manager.email);
});
afterAll(async () => {
  await t.close();
});

describe("A customer never sees another company's Flex or time", () => {
  it('shows a customer only their own balance and movements', async () => {
    const own = await customerA.get('/api/flex');
    expect(own.statusCode).toBe(200);
    const body = own.json();
    expect(body.companyId).toBe(tenantA.company.id);
    expect(body.balanceMinutes).toBe(1155);
    expect(body.movements.map((m: { ticket: { id: string } | null }) => m.ticket?.id ?? null)).toEqual([
      ticketA.id,
      null,
    ]);
    expect(own.body).not.toContain(ticketB.id);
    expect(own.body).not.toContain('secrète');
    expect(body.perMonth).toEqual([{ month: '2026-03', minutes: 45 }]);
  });

  it("answers 404 for another company's Flex, as for a missing one", async () => {
    for (const client of [customerA, managerA]) {
      const other = await client.get(`/api/flex?companyId=${tenantB.company.id}`);
      expect(other.statusCode).toBe(404);
      expect(other.body).not.toContain('3000');
      const missing = await client.get(`/api/flex?companyId=${crypto.randomUUID()}`);
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual(other.json());
      const statement = await client.get(
        `/api/flex/statement?companyId=${tenantB.company.id}&from=2026-01-01&to=2026-12-31`,
      );
      expect(statement.statusCode).toBe(404);
    }
  });

  it("answers 404 for time on any ticket, their own company's included", async () => {
    for (const ticket of [ticketA, ticketB]) {
      expect((await managerA.get(`/api/tickets/${ticket.id}/time`)).statusCode).toBe(404);
    }
    for (const entry of [entryA, entryB]) {
      expect((await managerA.patch(`/api/time/${entry.id}`, { minutes: 1 })).statusCode).toBe(404);
      expect((await managerA.delete(`/api/time/${entry.id}`)).statusCode).toBe(404);
    }
  });

  it('lets the manager read the statement with the time behind each debit, not a plain customer', async () => {
    const statement = await managerA.get('/api/flex/statement?from=2026-01-01&to=2026-12-31');
    expect(statement.statusCode).toBe(200);
    const body = statement.json();
    expect(body).toMatchObject({
      companyId: tenantA.company.id,
      openingBalanceMinutes: 0,
      closingBalanceMinutes: 1155,
    });
    expect(body.lines.map((l: { kind: string; minutes: number }) => [l.kind, l.minutes])).toEqual([
      ['credit', 1200],
      ['debit', -45],
    ]);
    expect(body.lines[1].ticket).toMatchObject({ id: ticketA.id, key: ticketA.key, subject: 'Évolution A' });
    expect(body.lines[1].timeEntries).toEqual([
      { id: entryA.id, workDate: '2026-02-15', minutes: 45, note: 'Note A', consultant: staff.agent.name },
    ]);
    expect(statement.body).not.toContain(entryB.id);
    expect(statement.body).not.toContain('Note B');

    const denied = await customerA.get('/api/flex/statement?from=2026-01-01&to=2026-12-31');
    expect(denied.statusCode).toBe(403);
  });

  it('lets staff read any company by naming it', async () => {
    const agent = new TestClient(t.app);
    await agent.login(staff.agent.email);
    const b = await agent.get(`/api/flex?companyId=${tenantB.company.id}`);
    expect(b.json().balanceMinutes).toBe(2925);
    expect((await agent.get('/api/flex')).statusCode).toBe(404);
  });
});
