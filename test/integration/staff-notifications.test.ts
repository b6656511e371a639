import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, outbox, users } from '../../src/db/schema/index';
import { workerTasks } from '../../src/jobs/tasks';
import { type TestApp, TestClient, testApp } from '../support/app';
import {
  createCompany,
  createStaff,
  createUser,
  type TestCompany,
  type TestUser,
} from '../support/factories';
import { openTicket } from '../support/ticket-factories';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
let otherAgent: TestUser;
let acme: TestCompany;
let agent: TestClient;
let customer: TestClient;

beforeAll(async () => {
  t = await testApp();
  staff = await createStaff(t.ctx.db);
  otherAgent = await createUser(t.ctx.db, { role: 'agent', name: 'Bérénice Dupont' });
  acme = await createCompany(t.ctx.db);
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
  customer = new TestClient(t.app);
  await customer.login(acme.customer.email);
});
afterAll(() => t.close());

/** One pass of the worker, as the running server does it. */
async function workerPass() {
  for (const task of workerTasks) await task.run(t.ctx);
}
const noticesOf = (userId: string, ticketId: string) =>
  t.ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.ticketId, ticketId)));
const staffMails = (ticketId: string) =>
  t.ctx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.ticketId, ticketId), eq(outbox.template, 'staff.notice')));
const setPrefs = (userId: string, prefs: Record<string, unknown>) =>
  t.ctx.db.update(users).set({ notificationPrefs: prefs }).where(eq(users.id, userId));

describe('staff notices', () => {
  it('a customer reply gives the assignee a notice and a mail that leaves within one worker pass', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    const reply = await customer.post(`/api/tickets/${ticket.id}/messages`, {
      body: 'Voici le journal demandé.',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    await workerPass();

    const bell = (await agent.get('/api/notifications')).json();
    expect(bell.unread).toBeGreaterThanOrEqual(1);
    expect(bell.items[0]).toMatchObject({ kind: 'customer_reply', ticket: { id: ticket.id }, read: false });
    const mails = await staffMails(ticket.id);
    expect(mails.map((m) => [m.recipient, m.status])).toEqual([[staff.agent.email, 'sent']]);
    expect(await noticesOf(otherAgent.id, ticket.id)).toEqual([]);

    await agent.post('/api/notifications/read', { ids: [bell.items[0].id] });
    const after = (await agent.get('/api/notifications')).json();
    expect(after.items[0].read).toBe(true);
  });

  it('a reply on an unassigned ticket goes to the staff of its desk', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'qualified' });
    await customer.post(`/api/tickets/${ticket.id}/messages`, { body: 'Une précision.' });
    expect(await noticesOf(staff.agent.id, ticket.id)).toHaveLength(1);
    expect(await noticesOf(otherAgent.id, ticket.id)).toHaveLength(1);
    expect(await noticesOf(staff.consultant.id, ticket.id)).toEqual([]);
  });

  it('an @mention in an internal note notifies only the person mentioned', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    const note = await agent.post(`/api/tickets/${ticket.id}/messages`, {
      body: 'Peux-tu regarder le calcul, @berenice dupont ?',
      visibility: 'internal',
    });
    expect(note.statusCode, note.body).toBe(201);
    expect((await noticesOf(otherAgent.id, ticket.id)).map((n) => n.kind)).toEqual(['mention']);
    const everyone = await t.ctx.db.select().from(notifications).where(eq(notifications.ticketId, ticket.id));
    expect(everyone.map((n) => n.userId)).toEqual([otherAgent.id]);
    expect((await staffMails(ticket.id)).map((m) => m.recipient)).toEqual([otherAgent.email]);
  });

  it('an assignment notifies the new assignee', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'qualified' });
    await agent.post(`/api/tickets/${ticket.id}/assign`, { assigneeId: otherAgent.id });
    expect((await noticesOf(otherAgent.id, ticket.id)).map((n) => n.kind)).toEqual(['assigned']);
  });
});

describe('staff preferences', () => {
  it('a kind turned off still shows in the app but sends no mail', async () => {
    await setPrefs(staff.agent.id, { mail: { customer_reply: false } });
    const ticket = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    await customer.post(`/api/tickets/${ticket.id}/messages`, { body: 'Encore moi.' });
    expect(await noticesOf(staff.agent.id, ticket.id)).toHaveLength(1);
    expect(await staffMails(ticket.id)).toEqual([]);
    await setPrefs(staff.agent.id, {});
  });

  it('mentions and assignments follow their own switch', async () => {
    await setPrefs(otherAgent.id, { mail: { mention: false } });
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'qualified' });
    await agent.post(`/api/tickets/${ticket.id}/messages`, {
      body: '@Bérénice Dupont vu ?',
      visibility: 'internal',
    });
    expect(await staffMails(ticket.id)).toEqual([]);
    await agent.post(`/api/tickets/${ticket.id}/assign`, { assigneeId: otherAgent.id });
    expect((await staffMails(ticket.id)).map((m) => m.params)).toEqual([
      expect.objectContaining({ kind: 'assigned' }),
    ]);
    await setPrefs(otherAgent.id, {});
  });

  it('the daily digest replaces every mail at once', async () => {
    await setPrefs(otherAgent.id, { digest: true });
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'qualified' });
    await agent.post(`/api/tickets/${ticket.id}/assign`, { assigneeId: otherAgent.id });
    expect(await noticesOf(otherAgent.id, ticket.id)).toHaveLength(1);
    expect(await staffMails(ticket.id)).toEqual([]);
    await setPrefs(otherAgent.id, {});
  });
});
