import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema/index';
import { tokenClient } from '../support/api-tokens';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, openTicket, type TestCompany, ticketInput } from '../support/factories';

let t: TestApp;
let a: TestCompany;
let b: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await testApp();
  // The matrix runs with row-level security on: customers' requests run as the restricted role.
  expect(await t.app.tenantScope.enforced()).toBe(true);
  a = await createCompany(t.ctx.db);
  b = await createCompany(t.ctx.db);
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

/** Every ticket route, with a body that would be valid for a ticket the caller may act on. */
const routes = (id: string) =>
  [
    ['GET', `/api/tickets/${id}`, undefined],
    ['GET', `/api/tickets/${id}/timeline`, undefined],
    ['POST', `/api/tickets/${id}/qualify`, {}],
    ['POST', `/api/tickets/${id}/take`, undefined],
    ['POST', `/api/tickets/${id}/assign`, { assigneeId: null }],
    ['POST', `/api/tickets/${id}/status`, { status: 'closed', closeReason: 'closed_by_customer' }],
    ['POST', `/api/tickets/${id}/transfer-consulting`, { note: 'Projet en cours.' }],
    ['POST', `/api/tickets/${id}/close`, {}],
    ['POST', `/api/tickets/${id}/messages`, { body: 'hello' }],
  ] as const;

async function call(client: TestClient, method: string, url: string, payload: unknown) {
  return method === 'GET' ? client.get(url) : client.post(url, payload);
}

describe('tenant isolation', () => {
  /** A signed-in browser, or a program with the person's API token (all ticket scopes). */
  const callers = {
    session: async (user: { email: string }) => {
      const client = new TestClient(t.app);
      await client.login(user.email);
      return client;
    },
    token: async (user: { email: string }) =>
      (await tokenClient(t.app, user.email, ['tickets:read', 'tickets:write'])).client,
  };

  it.each(Object.keys(callers) as (keyof typeof callers)[])(
    'every ticket route answers 404 to each customer role of company A for a ticket of company B (%s)',
    async (mode) => {
      const ticketOfB = await openTicket(t.ctx, b.customer, { status: 'in_progress' });
      for (const user of [a.customer, a.manager]) {
        const client = await callers[mode](user);
        for (const [method, url, payload] of routes(ticketOfB.id)) {
          const response = await call(client, method, url, payload);
          expect(response.statusCode, `${method} ${url} as ${user.isManager ? 'manager' : 'customer'}`).toBe(
            404,
          );
          expect(response.json().code).toBe('not_found');
          expect(response.body).not.toContain(ticketOfB.key);
        }
        // Linking a new ticket to B's ticket is refused without saying whether it exists.
        const linked = await client.post('/api/tickets', {
          ...(await ticketInput(t.ctx.db)),
          linkedTicketId: ticketOfB.id,
        });
        expect(linked.json().code).toBe('linked_ticket_invalid');
      }
    },
  );

  it.each(Object.keys(callers) as (keyof typeof callers)[])(
    'a missing ticket answers exactly like another company’s ticket (%s)',
    async (mode) => {
      const client = await callers[mode](a.customer);
      const missing = await client.get('/api/tickets/00000000-0000-4000-8000-000000000000');
      const ticketOfB = await openTicket(t.ctx, b.customer);
      const foreign = await client.get(`/api/tickets/${ticketOfB.id}`);
      expect(foreign.statusCode).toBe(missing.statusCode);
      expect(foreign.json()).toEqual(missing.json());
    },
  );

  it('anonymous callers get 401 on every route', async () => {
    const ticket = await openTicket(t.ctx, a.customer);
    const client = new TestClient(t.app);
    for (const [method, url, payload] of routes(ticket.id)) {
      expect((await call(client, method, url, payload)).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('a customer token lists only its company’s tickets', async () => {
    const ofA = await openTicket(t.ctx, a.customer);
    const ofB = await openTicket(t.ctx, b.customer);
    const { client } = await tokenClient(t.app, a.manager.email, ['tickets:read']);
    const list = await client.get('/api/tickets?limit=100');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(ofA.key);
    expect(list.body).not.toContain(ofB.key);
  });

  it('staff see every company’s tickets', async () => {
    const ticket = await openTicket(t.ctx, b.customer);
    for (const user of Object.values(staff)) {
      const client = new TestClient(t.app);
      await client.login(user.email);
      expect((await client.get(`/api/tickets/${ticket.id}`)).statusCode).toBe(200);
    }
  });

  it('no internal note text reaches a customer response or any queued mail', async () => {
    const marker = 'INTERNAL-7f3a do not tell the customer';
    const ticket = await openTicket(t.ctx, a.customer, { status: 'in_progress', assigneeId: staff.agent.id });
    const agent = new TestClient(t.app);
    await agent.login(staff.agent.email);
    const customer = new TestClient(t.app);
    await customer.login(a.customer.email);
    const bodies: string[] = [];
    const record = async (p: Promise<{ body: string; statusCode: number }>) => {
      const response = await p;
      bodies.push(response.body);
      return response;
    };

    expect(
      (await agent.post(`/api/tickets/${ticket.id}/messages`, { body: marker, visibility: 'internal' }))
        .statusCode,
    ).toBe(201);
    await agent.post(`/api/tickets/${ticket.id}/messages`, { body: 'We are on it.' });
    await agent.post(`/api/tickets/${ticket.id}/status`, { status: 'waiting_customer' });
    await record(customer.get(`/api/tickets/${ticket.id}`));
    await record(customer.get(`/api/tickets/${ticket.id}/timeline`));
    await record(customer.post(`/api/tickets/${ticket.id}/messages`, { body: 'Logs attached.' }));
    await agent.post(`/api/tickets/${ticket.id}/messages`, {
      body: `${marker} (second)`,
      visibility: 'internal',
    });
    await record(customer.get(`/api/tickets/${ticket.id}/timeline`));
    await record(customer.post(`/api/tickets/${ticket.id}/close`, {}));
    await record(customer.post(`/api/tickets/${ticket.id}/messages`, { body: 'One more thing' }));
    await record(customer.get(`/api/tickets/${ticket.id}/timeline`));

    for (const body of bodies) expect(body).not.toContain('INTERNAL-7f3a');
    const timeline = JSON.parse(bodies[bodies.length - 1] as string).entries as { visibility: string }[];
    expect(timeline.every((e) => e.visibility === 'public')).toBe(true);
    const mails = await t.ctx.db.select().from(outbox);
    expect(mails.length).toBeGreaterThan(0);
    expect(JSON.stringify(mails)).not.toContain('INTERNAL-7f3a');
  });
});
