import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, openTicket, type TestCompany } from '../support/factories';
import { mailsOf } from '../support/rows';

let t: TestApp;
let agent: TestClient;
let customer: TestClient;
let acme: TestCompany;

beforeAll(async () => {
  t = await testApp();
  const staff = await createStaff(t.ctx.db);
  acme = await createCompany(t.ctx.db, { language: 'de' });
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
  customer = new TestClient(t.app);
  await customer.login(acme.customer.email);
});
afterAll(() => t.close());

describe('POST /api/tickets/:id/qualification-preview', () => {
  it('renders the mail the customer will get when the criticality is lowered, in their language, and queues nothing', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { criticality: 'critique' });
    const before = (await mailsOf(t.ctx.db, ticket.id)).length;
    const response = await agent.post(`/api/tickets/${ticket.id}/qualification-preview`, {
      criticality: 'moyenne',
      reason: 'Ein Workaround existiert.',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      mailed: true,
      recipient: { email: acme.customer.email, language: 'de' },
    });
    expect(body.subject).toContain(ticket.key);
    expect(body.text).toContain('Ein Workaround existiert.');
    expect(body.text).toContain('herabgesetzt');
    expect((await mailsOf(t.ctx.db, ticket.id)).length).toBe(before);
  });

  it('says no mail goes out when the criticality is kept or raised', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { criticality: 'moyenne' });
    const response = await agent.post(`/api/tickets/${ticket.id}/qualification-preview`, {
      criticality: 'haute',
      reason: 'Blocking',
    });
    expect(response.json()).toEqual({ mailed: false, recipient: null, subject: null, text: null });
  });

  it('is for staff only', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { criticality: 'critique' });
    const response = await customer.post(`/api/tickets/${ticket.id}/qualification-preview`, {
      criticality: 'basse',
    });
    expect(response.statusCode).toBe(403);
  });
});
