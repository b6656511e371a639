import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, createUser, openTicket, type TestCompany } from '../support/factories';

let t: TestApp;
let bergmann: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;
let admin: TestClient;
let agent: TestClient;
let otherAgent: TestClient;
let customer: TestClient;

const texts = {
  fr: 'Bonjour {{customer.firstName}}, votre demande {{ticket.key}} sera résolue avant le {{sla.resolutionDue}}. {{agent.name}}',
  de: 'Guten Tag {{customer.firstName}}, Ihre Anfrage {{ticket.key}} wird bis {{sla.resolutionDue}} gelöst. {{agent.name}}',
  en: 'Hello {{customer.firstName}}, your request {{ticket.key}} will be solved by {{sla.resolutionDue}}. {{agent.name}}',
};

beforeAll(async () => {
  t = await testApp();
  bergmann = await createCompany(t.ctx.db, { language: 'de' });
  staff = await createStaff(t.ctx.db);
  const second = await createUser(t.ctx.db, { role: 'agent' });
  admin = new TestClient(t.app);
  await admin.login(staff.admin.email);
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
  otherAgent = new TestClient(t.app);
  await otherAgent.login(second.email);
  customer = new TestClient(t.app);
  await customer.login(bergmann.customer.email);
});
afterAll(() => t.close());

describe('canned answers', () => {
  it('admins keep shared answers; agents read them but cannot change or delete them', async () => {
    const created = await admin.post('/api/canned-answers', { title: 'Accusé', texts, shared: true });
    expect(created.statusCode).toBe(201);
    const shared = created.json();
    expect(shared).toMatchObject({ shared: true, canEdit: true, unknownVariables: [] });

    const seen = (await agent.get('/api/canned-answers')).json().items;
    expect(seen.find((a: { id: string }) => a.id === shared.id)).toMatchObject({
      shared: true,
      canEdit: false,
    });
    expect((await agent.put(`/api/canned-answers/${shared.id}`, { title: 'x', texts })).statusCode).toBe(403);
    expect((await agent.delete(`/api/canned-answers/${shared.id}`)).statusCode).toBe(403);
    expect((await agent.post('/api/canned-answers', { title: 'x', texts, shared: true })).statusCode).toBe(
      403,
    );

    const renamed = await admin.put(`/api/canned-answers/${shared.id}`, {
      title: 'Accusé de réception',
      texts,
    });
    expect(renamed.json().title).toBe('Accusé de réception');
  });

  it('an agent keeps personal answers no one else sees or changes', async () => {
    const created = await agent.post('/api/canned-answers', {
      title: 'Relance',
      texts: { ...texts, fr: 'Bonjour {{customer.prenom}}' },
      statusAfter: 'waiting_customer',
    });
    expect(created.statusCode).toBe(201);
    const mine = created.json();
    expect(mine).toMatchObject({ shared: false, canEdit: true, unknownVariables: ['customer.prenom'] });

    const theirs = (await otherAgent.get('/api/canned-answers')).json().items;
    expect(theirs.map((a: { id: string }) => a.id)).not.toContain(mine.id);
    expect((await otherAgent.put(`/api/canned-answers/${mine.id}`, { title: 'x', texts })).statusCode).toBe(
      404,
    );
    expect((await otherAgent.delete(`/api/canned-answers/${mine.id}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/canned-answers/${mine.id}`)).statusCode).toBe(404);

    expect((await agent.delete(`/api/canned-answers/${mine.id}`)).statusCode).toBe(200);
    const after = (await agent.get('/api/canned-answers')).json().items;
    expect(after.map((a: { id: string }) => a.id)).not.toContain(mine.id);
  });

  it('customers have no canned answers', async () => {
    expect((await customer.get('/api/canned-answers')).statusCode).toBe(403);
  });

  it('is filled in the ticket customer’s language, with the ticket’s values', async () => {
    const answer = (await admin.post('/api/canned-answers', { title: 'Délai', texts, shared: true })).json();
    const ticket = await openTicket(t.ctx, bergmann.customer, { status: 'in_progress' });
    const filled = await agent.get(`/api/tickets/${ticket.id}/canned-answers/${answer.id}`);
    expect(filled.statusCode).toBe(200);
    const firstName = bergmann.customer.name.split(' ')[0];
    expect(filled.json()).toMatchObject({ language: 'de', unknownVariables: [], statusAfter: null });
    expect(filled.json().text).toMatch(
      new RegExp(
        `^Guten Tag ${firstName}, Ihre Anfrage ${ticket.key} wird bis \\d{1,2}\\. [\\p{L}.]+ \\d{4}, \\d{2}:\\d{2} gelöst\\. ${staff.agent.name}$`,
        'u',
      ),
    );
  });

  it('names the missing language text field, and refuses an unknown status', async () => {
    const missing = await agent.post('/api/canned-answers', {
      title: 'x',
      texts: { fr: 'a', de: '', en: 'c' },
    });
    expect(missing.statusCode).toBe(400);
    const badStatus = await agent.post('/api/canned-answers', { title: 'x', texts, statusAfter: 'nope' });
    expect(badStatus.statusCode).toBe(400);
  });
});
