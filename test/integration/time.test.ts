import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitBilling } from '../../src/app/billing/commit-billing';
import { type TestApp, TestClient, testApp } from '../support/app';
import {
  actorOf,
  assistanceTicket,
  consultingTicket,
  createStaff,
  flexTenant,
  flexTicket,
} from '../support/factories';
import { entryById } from '../support/rows';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
let agent: TestClient;
let consultant: TestClient;

beforeAll(async () => {
  t = await testApp();
  staff = await createStaff(t.ctx.db);
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
  consultant = new TestClient(t.app);
  await consultant.login(staff.consultant.email);
});
afterAll(async () => {
  await t.close();
});

describe('Time logging (R12)', () => {
  it('derives the billing from the ticket: Flex type → flex, consulting → régie, else maintenance', async () => {
    const tenant = await flexTenant(t.ctx);
    const flex = await flexTicket(t.ctx, tenant);
    const assistance = await assistanceTicket(t.ctx, tenant);
    const { ticket: consulting, project } = await consultingTicket(t.ctx, tenant);

    const a = await agent.post(`/api/tickets/${flex.id}/time`, {
      workDate: '2026-03-02',
      minutes: 45,
      note: 'Analyse',
    });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({
      billing: 'flex',
      billingOverridden: false,
      minutes: 45,
      billedAt: null,
    });
    const b = await agent.post(`/api/tickets/${assistance.id}/time`, { workDate: '2026-03-02', minutes: 15 });
    expect(b.json().billing).toBe('maintenance');
    const c = await consultant.post(`/api/tickets/${consulting.id}/time`, {
      workDate: '2026-03-01',
      minutes: 120,
    });
    expect(c.json()).toMatchObject({ billing: 'regie', projectId: project.id, companyId: tenant.company.id });

    const list = await agent.get(`/api/tickets/${flex.id}/time`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ totalMinutes: 45, unbilledMinutes: 45 });
    expect(list.json().items[0]).toMatchObject({ note: 'Analyse', userName: staff.agent.name });
  });

  it('needs a reason to bill otherwise than the ticket implies', async () => {
    const tenant = await flexTenant(t.ctx);
    const ticket = await flexTicket(t.ctx, tenant);
    const refused = await agent.post(`/api/tickets/${ticket.id}/time`, {
      workDate: '2026-03-02',
      minutes: 30,
      billing: 'maintenance',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('time_override_reason_required');
    const accepted = await agent.post(`/api/tickets/${ticket.id}/time`, {
      workDate: '2026-03-02',
      minutes: 30,
      billing: 'maintenance',
      overrideReason: 'Bug, pas une évolution',
    });
    expect(accepted.json()).toMatchObject({
      billing: 'maintenance',
      billingOverridden: true,
      overrideReason: 'Bug, pas une évolution',
    });
    const back = await agent.patch(`/api/time/${accepted.json().id}`, { billing: null });
    expect(back.json()).toMatchObject({ billing: 'flex', billingOverridden: false, overrideReason: null });
  });

  it('refuses bad input with clear errors and writes nothing', async () => {
    const tenant = await flexTenant(t.ctx);
    const ticket = await assistanceTicket(t.ctx, tenant);
    const url = `/api/tickets/${ticket.id}/time`;
    expect((await agent.post(url, { workDate: '2026-03-02', minutes: 0 })).statusCode).toBe(400);
    expect((await agent.post(url, { workDate: '2026-03-02', minutes: 1.5 })).statusCode).toBe(400);
    expect((await agent.post(url, { workDate: '2026-02-30', minutes: 10 })).statusCode).toBe(400);
    const future = await agent.post(url, { workDate: '2026-03-03', minutes: 10 });
    expect(future.json().code).toBe('time_work_date_in_future');
    expect(
      (await agent.post(`/api/tickets/${crypto.randomUUID()}/time`, { workDate: '2026-03-02', minutes: 5 }))
        .statusCode,
    ).toBe(404);
    expect((await agent.get(url)).json().items).toEqual([]);
  });

  it('lets the author change and delete an entry until it is billed, never after', async () => {
    const tenant = await flexTenant(t.ctx);
    const ticket = await flexTicket(t.ctx, tenant);
    const logged = await agent.post(`/api/tickets/${ticket.id}/time`, {
      workDate: '2026-02-20',
      minutes: 30,
    });
    const id = logged.json().id as string;
    const changed = await agent.patch(`/api/time/${id}`, { minutes: 40, note: 'Spécification' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ minutes: 40, note: 'Spécification' });

    const other = await agent.post(`/api/tickets/${ticket.id}/time`, { workDate: '2026-02-21', minutes: 10 });
    expect((await agent.delete(`/api/time/${other.json().id}`)).statusCode).toBe(200);
    expect(await entryById(t.ctx, other.json().id)).toBeUndefined();

    await commitBilling(t.ctx, actorOf(staff.admin), {
      from: '2026-02-01',
      to: '2026-02-28',
      entryIds: [id],
    });
    const edit = await agent.patch(`/api/time/${id}`, { minutes: 5 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('time_entry_billed');
    const removal = await agent.delete(`/api/time/${id}`);
    expect(removal.statusCode).toBe(409);
    expect(removal.json().code).toBe('time_entry_billed');
    expect((await entryById(t.ctx, id))?.minutes).toBe(40);
  });

  it('keeps billed entries final in the database too', async () => {
    const tenant = await flexTenant(t.ctx);
    const ticket = await flexTicket(t.ctx, tenant);
    const logged = await agent.post(`/api/tickets/${ticket.id}/time`, {
      workDate: '2026-02-20',
      minutes: 30,
    });
    const id = logged.json().id as string;
    await commitBilling(t.ctx, actorOf(staff.admin), {
      from: '2026-02-01',
      to: '2026-02-28',
      entryIds: [id],
    });
    expect(
      await failure(t.ctx.db.execute(sql`UPDATE time_entries SET minutes = 1 WHERE id = ${id}`)),
    ).toMatch(/is billed: UPDATE refused/);
    expect(await failure(t.ctx.db.execute(sql`DELETE FROM time_entries WHERE id = ${id}`))).toMatch(
      /is billed: DELETE refused/,
    );
    expect((await entryById(t.ctx, id))?.minutes).toBe(30);
  });

  it('lets only the author or an admin change an entry', async () => {
    const tenant = await flexTenant(t.ctx);
    const ticket = await assistanceTicket(t.ctx, tenant);
    const logged = await agent.post(`/api/tickets/${ticket.id}/time`, {
      workDate: '2026-03-02',
      minutes: 30,
    });
    const id = logged.json().id as string;
    expect((await consultant.patch(`/api/time/${id}`, { minutes: 10 })).statusCode).toBe(403);
    const admin = new TestClient(t.app);
    await admin.login(staff.admin.email);
    expect((await admin.patch(`/api/time/${id}`, { minutes: 10 })).json().minutes).toBe(10);
  });

  it('hides time entirely from customers', async () => {
    const tenant = await flexTenant(t.ctx);
    const ticket = await flexTicket(t.ctx, tenant);
    const logged = await agent.post(`/api/tickets/${ticket.id}/time`, {
      workDate: '2026-03-02',
      minutes: 30,
    });
    const customer = new TestClient(t.app);
    await customer.login(tenant.manager.email);
    expect((await customer.get(`/api/tickets/${ticket.id}/time`)).statusCode).toBe(404);
    expect(
      (await customer.post(`/api/tickets/${ticket.id}/time`, { workDate: '2026-03-02', minutes: 5 }))
        .statusCode,
    ).toBe(404);
    expect((await customer.patch(`/api/time/${logged.json().id}`, { minutes: 5 })).statusCode).toBe(404);
    expect((await customer.delete(`/api/time/${logged.json().id}`)).statusCode).toBe(404);
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
