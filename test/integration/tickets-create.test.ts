import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket } from '../../src/app/tickets/create-ticket';
import { projects } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import {
  actorOf,
  addFlexMinutes,
  createCompany,
  createStaff,
  requestTypeId,
  ticketInput,
} from '../support/factories';
import { mailsOf, ticketTableCounts } from '../support/rows';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await testApp();
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

async function customerClient(user: { email: string }) {
  const client = new TestClient(t.app);
  await client.login(user.email);
  return client;
}

describe('creating a ticket', () => {
  it('opens a support ticket for the customer company, with a SUP key, an event and a receipt mail', async () => {
    const acme = await createCompany(t.ctx.db);
    const client = await customerClient(acme.customer);
    const body = await ticketInput(t.ctx.db, {
      softwareVersion: '14.2',
      societe: 'Acme Nord',
      module: 'FIN',
    });
    const response = await client.post('/api/tickets', body);
    expect(response.statusCode).toBe(201);
    const ticket = response.json().ticket;
    expect(ticket).toMatchObject({
      desk: 'support',
      status: 'open',
      statusLabel: 'Ouvert',
      criticality: 'moyenne',
      criticalityLabel: 'Moyenne',
      company: { id: acme.company.id },
      requestType: { code: 'assistance' },
      softwareVersion: '14.2',
      societe: 'Acme Nord',
      module: 'FIN',
      creator: { id: acme.customer.id },
    });
    expect(ticket.key).toMatch(/^SUP-\d+$/);
    expect(ticket.staff).toBeUndefined();
    const mails = await mailsOf(t.ctx.db, ticket.id);
    expect(mails.map((m) => [m.template, m.recipient])).toEqual([['ticket.received', acme.customer.email]]);
    expect(mails[0]?.params).toMatchObject({ ticketId: ticket.id });
    const timeline = (await client.get(`/api/tickets/${ticket.id}/timeline`)).json();
    expect(timeline.entries.map((e: { kind: string }) => e.kind)).toEqual(['created']);
  });

  it('R1: refuses when the maintenance contract has expired, and writes nothing', async () => {
    const old = await createCompany(t.ctx.db, { maintenance: 'expired' });
    const client = await customerClient(old.customer);
    const before = await ticketTableCounts(t.ctx.db);
    const response = await client.post('/api/tickets', await ticketInput(t.ctx.db));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'no_active_maintenance',
      message: expect.stringMatching(/maintenance/),
    });
    expect(await ticketTableCounts(t.ctx.db)).toEqual(before);
  });

  it('R1: uses the Zurich date: a contract ending today still counts until midnight in Zurich', async () => {
    const acme = await createCompany(t.ctx.db);
    const { contracts } = await import('../../src/db/schema/index');
    const { eq } = await import('drizzle-orm');
    await t.ctx.db
      .update(contracts)
      .set({ endsOn: '2026-03-02' })
      .where(eq(contracts.id, acme.maintenance.id));
    t.clock.set('2026-03-02T22:30:00Z'); // 23:30 in Zurich
    await expect(
      createTicket(t.ctx, actorOf(acme.customer), await ticketInput(t.ctx.db)),
    ).resolves.toBeTruthy();
    t.clock.set('2026-03-02T23:30:00Z'); // 00:30 the next day in Zurich
    await expect(
      createTicket(t.ctx, actorOf(acme.customer), await ticketInput(t.ctx.db)),
    ).rejects.toMatchObject({
      code: 'no_active_maintenance',
    });
    t.clock.set('2026-03-02T09:00:00Z');
  });

  it('R3: refuses Solva Flex without a Flex contract, and writes nothing', async () => {
    const acme = await createCompany(t.ctx.db);
    const client = await customerClient(acme.customer);
    const before = await ticketTableCounts(t.ctx.db);
    const response = await client.post(
      '/api/tickets',
      await ticketInput(t.ctx.db, { requestTypeId: await requestTypeId(t.ctx.db, 'solva_flex') }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('flex_contract_required');
    expect(await ticketTableCounts(t.ctx.db)).toEqual(before);
  });

  it('R3: refuses Solva Flex while the balance is not positive, saying the balance; accepts it once credited', async () => {
    const acme = await createCompany(t.ctx.db, { flex: true });
    const flex = acme.flex;
    if (!flex) throw new Error('no flex contract');
    const client = await customerClient(acme.customer);
    const body = await ticketInput(t.ctx.db, { requestTypeId: await requestTypeId(t.ctx.db, 'solva_flex') });
    const before = await ticketTableCounts(t.ctx.db);
    const empty = await client.post('/api/tickets', body);
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({
      code: 'flex_balance_exhausted',
      message: expect.stringContaining('0 min'),
    });

    await addFlexMinutes(t.ctx.db, { contractId: flex.id, companyId: acme.company.id, minutes: 60 });
    await addFlexMinutes(t.ctx.db, { contractId: flex.id, companyId: acme.company.id, minutes: -90 });
    const negative = await client.post('/api/tickets', body);
    expect(negative.json()).toMatchObject({
      code: 'flex_balance_exhausted',
      message: expect.stringContaining('−30 min'),
    });
    expect(await ticketTableCounts(t.ctx.db)).toEqual(before);

    await addFlexMinutes(t.ctx.db, { contractId: flex.id, companyId: acme.company.id, minutes: 120 });
    const ok = await client.post('/api/tickets', body);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().ticket.requestType.code).toBe('solva_flex');
  });

  it('refuses a missing criticality or a too short subject with field errors, and writes nothing', async () => {
    const acme = await createCompany(t.ctx.db);
    const client = await customerClient(acme.customer);
    const before = await ticketTableCounts(t.ctx.db);
    const { criticality: _omit, ...body } = await ticketInput(t.ctx.db);
    const missing = await client.post('/api/tickets', body);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields.map((f: { path: string }) => f.path)).toEqual(['criticality']);
    const short = await client.post('/api/tickets', { ...(await ticketInput(t.ctx.db)), subject: 'Bug' });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields.map((f: { path: string }) => f.path)).toEqual(['subject']);
    const noType = await client.post('/api/tickets', {
      ...body,
      criticality: 'basse',
      requestTypeId: undefined,
    });
    expect(noType.json().code).toBe('request_type_required');
    expect(await ticketTableCounts(t.ctx.db)).toEqual(before);
  });

  it('R2: opens a consulting request only with a project of the company, with a CON key', async () => {
    const acme = await createCompany(t.ctx.db);
    const other = await createCompany(t.ctx.db);
    const [project] = await t.ctx.db
      .insert(projects)
      .values({ companyId: acme.company.id, name: 'ERP rollout' })
      .returning();
    const [foreign] = await t.ctx.db
      .insert(projects)
      .values({ companyId: other.company.id, name: 'Other rollout' })
      .returning();
    const client = await customerClient(acme.customer);
    const base = {
      desk: 'consulting',
      criticality: 'basse',
      subject: 'Configure the new warehouse',
      description: 'We need help with the warehouse setup.',
    };
    expect((await client.post('/api/tickets', base)).json().code).toBe('project_required');
    expect((await client.post('/api/tickets', { ...base, projectId: foreign?.id })).json().code).toBe(
      'project_required',
    );
    const ok = await client.post('/api/tickets', { ...base, projectId: project?.id });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().ticket).toMatchObject({ desk: 'consulting', project: { name: 'ERP rollout' } });
    expect(ok.json().ticket.key).toMatch(/^CON-\d+$/);
  });

  it('lets staff open a ticket on behalf of a customer, who gets the mails', async () => {
    const acme = await createCompany(t.ctx.db);
    const agent = new TestClient(t.app);
    await agent.login(staff.agent.email);
    const body = await ticketInput(t.ctx.db);
    expect((await agent.post('/api/tickets', body)).json().code).toBe('company_required');
    const response = await agent.post('/api/tickets', {
      ...body,
      companyId: acme.company.id,
      requesterId: acme.manager.id,
    });
    expect(response.statusCode).toBe(201);
    const ticket = response.json().ticket;
    expect(ticket.creator.id).toBe(acme.manager.id);
    expect(ticket.staff).toBeDefined();
    const mails = await mailsOf(t.ctx.db, ticket.id);
    expect(mails.map((m) => m.recipient)).toEqual([acme.manager.email]);
    const other = await createCompany(t.ctx.db);
    const wrong = await agent.post('/api/tickets', {
      ...body,
      companyId: acme.company.id,
      requesterId: other.customer.id,
    });
    expect(wrong.json().code).toBe('requester_invalid');
  });

  it('refuses a customer opening for another company as not found', async () => {
    const acme = await createCompany(t.ctx.db);
    const other = await createCompany(t.ctx.db);
    const client = await customerClient(acme.customer);
    const response = await client.post('/api/tickets', {
      ...(await ticketInput(t.ctx.db)),
      companyId: other.company.id,
    });
    expect(response.statusCode).toBe(404);
  });

  it('gives consecutive keys per desk', async () => {
    const acme = await createCompany(t.ctx.db);
    const actor = actorOf(acme.customer);
    const a = await createTicket(t.ctx, actor, await ticketInput(t.ctx.db));
    const b = await createTicket(t.ctx, actor, await ticketInput(t.ctx.db));
    expect(b.number).toBe(a.number + 1);
    expect(b.key).toBe(`SUP-${a.number + 1}`);
  });
});
