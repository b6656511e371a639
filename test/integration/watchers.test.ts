import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, users } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, openTicket, type TestCompany } from '../support/factories';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
let acme: TestCompany;
let globex: TestCompany;
let agent: TestClient;
let creator: TestClient;
let colleague: TestClient;

beforeAll(async () => {
  t = await testApp();
  staff = await createStaff(t.ctx.db);
  acme = await createCompany(t.ctx.db);
  globex = await createCompany(t.ctx.db);
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
  creator = new TestClient(t.app);
  await creator.login(acme.customer.email);
  colleague = new TestClient(t.app);
  await colleague.login(acme.manager.email);
});
afterAll(() => t.close());

const mailsTo = async (ticketId: string, recipient: string) =>
  (
    await t.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.ticketId, ticketId), eq(outbox.recipient, recipient)))
  )
    .map((m) => m.template)
    // The receipt of the ticket's opening is not what these tests are about.
    .filter((template) => template !== 'ticket.received');
const setPrefs = (userId: string, prefs: Record<string, unknown>) =>
  t.ctx.db.update(users).set({ notificationPrefs: prefs }).where(eq(users.id, userId));

describe('watchers', () => {
  it('a colleague of the company follows a ticket; its creator and other companies cannot', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    const before = (await colleague.get(`/api/tickets/${ticket.id}`)).json();
    expect(before.ticket).toMatchObject({ watching: false, abilities: { canWatch: true } });

    const watched = await colleague.put(`/api/tickets/${ticket.id}/watch`);
    expect(watched.statusCode, watched.body).toBe(200);
    expect(watched.json()).toEqual({ watching: true });
    expect((await colleague.put(`/api/tickets/${ticket.id}/watch`)).statusCode).toBe(200);
    expect((await colleague.get(`/api/tickets/${ticket.id}`)).json().ticket.watching).toBe(true);

    expect((await creator.get(`/api/tickets/${ticket.id}`)).json().ticket.abilities.canWatch).toBe(false);
    expect((await creator.put(`/api/tickets/${ticket.id}/watch`)).statusCode).toBe(403);
    const stranger = new TestClient(t.app);
    await stranger.login(globex.customer.email);
    expect((await stranger.put(`/api/tickets/${ticket.id}/watch`)).statusCode).toBe(404);
    expect((await agent.put(`/api/tickets/${ticket.id}/watch`)).statusCode).toBe(403);
  });

  it('a watcher gets the public mails of the ticket and never an internal one', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    await colleague.put(`/api/tickets/${ticket.id}/watch`);

    const note = await agent.post(`/api/tickets/${ticket.id}/messages`, {
      body: 'Interne : le client a un vieux module.',
      visibility: 'internal',
    });
    expect(note.statusCode, note.body).toBe(201);
    expect(await mailsTo(ticket.id, acme.manager.email)).toEqual([]);

    const answer = await agent.post(`/api/tickets/${ticket.id}/messages`, { body: 'Voici la correction.' });
    expect(answer.statusCode, answer.body).toBe(201);
    const status = await agent.post(`/api/tickets/${ticket.id}/status`, { status: 'waiting_customer' });
    expect(status.statusCode, status.body).toBe(200);
    expect(await mailsTo(ticket.id, acme.manager.email)).toEqual([
      'ticket.public_answer',
      'ticket.status_changed',
    ]);
    expect(await mailsTo(ticket.id, acme.customer.email)).toEqual([
      'ticket.public_answer',
      'ticket.status_changed',
    ]);

    // What the watcher writes themselves is not mailed back to them; the creator hears of it.
    const reply = await colleague.post(`/api/tickets/${ticket.id}/messages`, { body: 'Merci, je teste.' });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(await mailsTo(ticket.id, acme.manager.email)).toHaveLength(2);
    expect(await mailsTo(ticket.id, acme.customer.email)).toContain('ticket.status_changed');

    // Unfollowed: no more mails.
    expect((await colleague.delete(`/api/tickets/${ticket.id}/watch`)).json()).toEqual({ watching: false });
    await agent.post(`/api/tickets/${ticket.id}/messages`, { body: 'Dernière précision.' });
    expect(await mailsTo(ticket.id, acme.manager.email)).toHaveLength(2);
  });
});

describe('customers’ status mails', () => {
  it('every change by default; only waiting and closed when the customer asks for that', async () => {
    const everyChange = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    await agent.post(`/api/tickets/${everyChange.id}/status`, {
      status: 'waiting_development',
      rpcReference: 'RPC-1',
    });
    expect(await mailsTo(everyChange.id, acme.customer.email)).toEqual(['ticket.status_changed']);

    await setPrefs(acme.customer.id, { statusMails: 'waiting_and_closed' });
    const quiet = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    const steps = [
      { status: 'waiting_development', rpcReference: 'RPC-2' },
      { status: 'in_progress' },
      { status: 'waiting_customer' },
    ];
    for (const step of steps) {
      const changed = await agent.post(`/api/tickets/${quiet.id}/status`, step);
      expect(changed.statusCode, changed.body).toBe(200);
    }
    expect(await mailsTo(quiet.id, acme.customer.email)).toEqual(['ticket.status_changed']);
    const closed = await agent.post(`/api/tickets/${quiet.id}/close`, { reason: 'solution_delivered' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await mailsTo(quiet.id, acme.customer.email)).toEqual([
      'ticket.status_changed',
      'ticket.status_changed',
    ]);
    // Answers still reach them: the preference is about status mails only.
    await setPrefs(acme.customer.id, {});
  });

  it('a follower’s own choice decides their status mails, apart from the creator’s', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    await colleague.put(`/api/tickets/${ticket.id}/watch`);
    await setPrefs(acme.manager.id, { statusMails: 'waiting_and_closed' });
    const moved = await agent.post(`/api/tickets/${ticket.id}/status`, {
      status: 'waiting_development',
      rpcReference: 'RPC-3',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await mailsTo(ticket.id, acme.customer.email)).toEqual(['ticket.status_changed']);
    expect(await mailsTo(ticket.id, acme.manager.email)).toEqual([]);

    await agent.post(`/api/tickets/${ticket.id}/status`, { status: 'in_progress' });
    const waiting = await agent.post(`/api/tickets/${ticket.id}/status`, { status: 'waiting_customer' });
    expect(waiting.statusCode, waiting.body).toBe(200);
    expect(await mailsTo(ticket.id, acme.manager.email)).toEqual(['ticket.status_changed']);
    expect(await mailsTo(ticket.id, acme.customer.email)).toHaveLength(3);
    await setPrefs(acme.manager.id, {});
  });
});
