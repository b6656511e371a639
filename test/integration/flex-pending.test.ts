import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';
import { assistanceTicket, createStaff, flexTenant, flexTicket, logEntry } from '../support/factories';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await testApp();
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

async function signedIn(email: string) {
  const client = new TestClient(t.app);
  await client.login(email);
  return client;
}

describe('Flex time pending billing (R12)', () => {
  it('shows the customer the Flex time logged and not yet billed, per ticket, until the billing run debits it', async () => {
    const tenant = await flexTenant(t.ctx, 3000);
    const other = await flexTenant(t.ctx, 3000);
    const ticketA = await flexTicket(t.ctx, tenant, 'Nouveau champ sur la facture');
    const ticketB = await flexTicket(t.ctx, tenant, 'Export Excel des commandes');
    const maintenance = await assistanceTicket(t.ctx, tenant);
    const elsewhere = await flexTicket(t.ctx, other, 'Une autre entreprise');
    await logEntry(t.ctx, {
      ticket: ticketA,
      user: staff.agent,
      minutes: 45,
      billing: 'flex',
      workDate: '2026-03-02',
    });
    await logEntry(t.ctx, {
      ticket: ticketA,
      user: staff.agent,
      minutes: 30,
      billing: 'flex',
      workDate: '2026-03-04',
    });
    await logEntry(t.ctx, {
      ticket: ticketB,
      user: staff.agent,
      minutes: 60,
      billing: 'flex',
      workDate: '2026-03-03',
    });
    await logEntry(t.ctx, {
      ticket: maintenance,
      user: staff.agent,
      minutes: 20,
      billing: 'maintenance',
      workDate: '2026-03-03',
    });
    await logEntry(t.ctx, {
      ticket: elsewhere,
      user: staff.agent,
      minutes: 90,
      billing: 'flex',
      workDate: '2026-03-03',
    });

    const customer = await signedIn(tenant.customer.email);
    const before = (await customer.get('/api/flex')).json();
    expect(before.balanceMinutes).toBe(3000);
    expect(before.pending).toEqual([
      {
        ticket: { id: ticketA.id, key: ticketA.key, subject: ticketA.subject },
        minutes: 75,
        lastWorkDate: '2026-03-04',
      },
      {
        ticket: { id: ticketB.id, key: ticketB.key, subject: ticketB.subject },
        minutes: 60,
        lastWorkDate: '2026-03-03',
      },
    ]);

    const admin = await signedIn(staff.admin.email);
    const preview = (
      await admin.post('/api/billing/preview', { from: '2026-03-01', to: '2026-03-31' })
    ).json();
    const committed = await admin.post('/api/billing/commit', {
      from: '2026-03-01',
      to: '2026-03-31',
      entryIds: preview.entryIds,
    });
    expect(committed.statusCode).toBe(201);

    const after = (await customer.get('/api/flex')).json();
    expect(after.pending).toEqual([]);
    expect(after.balanceMinutes).toBe(3000 - 135);
  });
});
