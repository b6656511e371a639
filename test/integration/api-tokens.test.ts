import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/app/auth/tokens';
import { apiTokens } from '../../src/db/schema/index';
import { tokenClient } from '../support/api-tokens';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, openTicket, type TestCompany } from '../support/factories';

let t: TestApp;
let a: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await testApp();
  a = await createCompany(t.ctx.db);
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

describe('API tokens', () => {
  it('a token with tickets:read reads tickets and cannot write', async () => {
    const ticket = await openTicket(t.ctx, a.customer, { status: 'in_progress', assigneeId: staff.agent.id });
    const { client } = await tokenClient(t.app, staff.agent.email, ['tickets:read']);
    const read = await client.get(`/api/tickets/${ticket.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain(ticket.key);
    expect((await client.get('/api/tickets')).statusCode).toBe(200);

    const write = await client.post(`/api/tickets/${ticket.id}/messages`, { body: 'From a script.' });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('token_scope_missing');
    expect(write.json().message).toContain('tickets:write');
  });

  it('a token with tickets:write writes without any CSRF header, as its owner', async () => {
    const ticket = await openTicket(t.ctx, a.customer, { status: 'in_progress', assigneeId: staff.agent.id });
    const { client } = await tokenClient(t.app, staff.agent.email, ['tickets:write']);
    const answer = await client.post(`/api/tickets/${ticket.id}/messages`, { body: 'Answered by our tool.' });
    expect(answer.statusCode).toBe(201);
    const timeline = (await client.get(`/api/tickets/${ticket.id}/timeline`)).json();
    expect(JSON.stringify(timeline)).toContain(staff.agent.name);
  });

  it('scopes never lift the role: an agent cannot give a token admin:write, nor act as admin with one', async () => {
    const owner = new TestClient(t.app);
    await owner.login(staff.agent.email);
    const refused = await owner.post('/api/api-tokens', {
      name: 'x',
      scopes: ['admin:write'],
      expiresInDays: 5,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('token_scope_not_allowed');

    const { client } = await tokenClient(t.app, staff.agent.email, ['admin:read']);
    // The scope is there, the role decides: agents may not read the mail viewer.
    expect((await client.get('/api/admin/mails')).statusCode).toBe(403);
    expect((await client.get('/api/admin/mails')).json().code).toBe('forbidden');
  });

  it('admin:read lets an integration token read the administration and change none of it', async () => {
    const { client } = await tokenClient(t.app, staff.admin.email, ['admin:read'], 'integration');
    expect((await client.get('/api/companies')).statusCode).toBe(200);
    const change = await client.post('/api/companies', { name: 'Not made' });
    expect(change.statusCode).toBe(403);
    expect(change.json().code).toBe('token_scope_missing');
    // And it does not reach tickets at all.
    expect((await client.get('/api/tickets')).json().code).toBe('token_scope_missing');
  });

  it('a revoked token is refused on the very next request', async () => {
    const { client, id } = await tokenClient(t.app, a.customer.email, ['tickets:read']);
    expect((await client.get('/api/tickets')).statusCode).toBe(200);
    const owner = new TestClient(t.app);
    await owner.login(a.customer.email);
    const revoked = await owner.post(`/api/api-tokens/${id}/revoke`, {});
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await client.get('/api/tickets');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('api_token_invalid');
  });

  it('an expired token is refused; an unknown one too', async () => {
    const { client } = await tokenClient(t.app, a.customer.email, ['tickets:read']);
    t.clock.advance(31 * 24 * 3_600_000);
    try {
      expect((await client.get('/api/tickets')).json().code).toBe('api_token_invalid');
    } finally {
      t.clock.advance(-31 * 24 * 3_600_000);
    }
    const stranger = new TestClient(t.app).withToken('gch_not-a-token');
    expect((await stranger.get('/api/tickets')).statusCode).toBe(401);
  });

  it('is shown once, stored as its sha-256 only, and its last use is visible', async () => {
    const { token, id, client } = await tokenClient(t.app, staff.consultant.email, ['tickets:read']);
    const [row] = await t.ctx.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const owner = new TestClient(t.app);
    await owner.login(staff.consultant.email);
    const before = (await owner.get('/api/api-tokens')).json().items.find((i: { id: string }) => i.id === id);
    expect(before.lastUsedAt).toBeNull();
    expect(JSON.stringify(before)).not.toContain(token);
    await client.get('/api/tickets');
    const after = (await owner.get('/api/api-tokens')).json().items.find((i: { id: string }) => i.id === id);
    expect(after.lastUsedAt).toBe(t.clock.now().toISOString());
  });

  it('tokens cannot sign in, change the profile or make more tokens', async () => {
    const { client } = await tokenClient(t.app, staff.admin.email, ['tickets:write', 'admin:write']);
    for (const [method, url] of [
      ['GET', '/api/profile'],
      ['POST', '/api/api-tokens'],
      ['GET', '/api/admin/api-tokens'],
      ['POST', '/api/profile/password'],
    ] as const) {
      const response = await client.request({ method, url, payload: {} });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().code).toBe('token_route_refused');
    }
  });

  it('personal tokens are their owner’s; integration tokens are the admins’', async () => {
    const { id } = await tokenClient(t.app, staff.agent.email, ['tickets:read']);
    const other = new TestClient(t.app);
    await other.login(staff.consultant.email);
    expect((await other.get('/api/api-tokens')).json().items.map((i: { id: string }) => i.id)).not.toContain(
      id,
    );
    expect((await other.post(`/api/api-tokens/${id}/revoke`, {})).statusCode).toBe(404);
    expect((await other.get('/api/admin/api-tokens')).statusCode).toBe(403);

    const integration = await tokenClient(t.app, staff.admin.email, ['tickets:read'], 'integration');
    const secondAdmin = new TestClient(t.app);
    const admin2 = await createStaff(t.ctx.db);
    await secondAdmin.login(admin2.admin.email);
    const listed = (await secondAdmin.get('/api/admin/api-tokens')).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(integration.id);
    expect(listed.items.find((i: { id: string }) => i.id === integration.id).owner.name).toBe(
      staff.admin.name,
    );
    expect((await secondAdmin.post(`/api/admin/api-tokens/${integration.id}/revoke`, {})).statusCode).toBe(
      200,
    );
    expect((await integration.client.get('/api/tickets')).statusCode).toBe(401);
  });

  it('refuses an expiry beyond a year', async () => {
    const owner = new TestClient(t.app);
    await owner.login(staff.agent.email);
    const response = await owner.post('/api/api-tokens', {
      name: 'x',
      scopes: ['tickets:read'],
      expiresInDays: 5000,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].path).toBe('expiresInDays');
  });
});
