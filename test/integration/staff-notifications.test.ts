import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueTimers, scheduleSlaWarnings } from '../../src/app/timers/index';
import { notifications, outbox, tickets, users } from '../../src/db/schema/index';
import { workerTasks } from '../../src/jobs/tasks';
import { type TestApp, TestClient, testApp } from '../support/app';
import {
  createCompany,
  createStaff,
  createUser,
  openTicket,
  type TestCompany,
  type TestUser,
} from '../support/factories';

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

    // Signed in at the warning's time (the clock moved back for this test).
    const reader = new TestClient(t.app);
    await reader.login(staff.agent.email);
    const bell = (await reader.get('/api/notifications')).json();
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

describe('the "assigned to me" mail switch, chosen through the profile', () => {
  const everyKind = {
    customer_reply: true,
    assigned: true,
    mention: true,
    transferred: true,
    sla_warning: true,
  };

  it('off: the assignee sees the notice in the bell and gets no mail; on: the mail goes out', async () => {
    const assignee = await createUser(t.ctx.db, { role: 'agent' });
    const own = new TestClient(t.app);
    await own.login(assignee.email);
    const choose = async (assigned: boolean) => {
      const saved = await own.put('/api/profile/notifications', {
        mail: { ...everyKind, assigned },
        digest: false,
        statusMails: 'every_change',
      });
      expect(saved.statusCode, saved.body).toBe(200);
    };
    const assignFresh = async () => {
      const ticket = await openTicket(t.ctx, acme.customer, { status: 'qualified' });
      const done = await agent.post(`/api/tickets/${ticket.id}/assign`, { assigneeId: assignee.id });
      expect(done.statusCode, done.body).toBe(200);
      return ticket;
    };

    await choose(false);
    const quiet = await assignFresh();
    const bell = (await own.get('/api/notifications')).json();
    expect(bell.items.map((n: { kind: string; ticket: { id: string } }) => [n.kind, n.ticket.id])).toEqual([
      ['assigned', quiet.id],
    ]);
    expect(await staffMails(quiet.id)).toEqual([]);

    await choose(true);
    const mailed = await assignFresh();
    expect(await noticesOf(assignee.id, mailed.id)).toHaveLength(1);
    expect((await staffMails(mailed.id)).map((m) => [m.recipient, m.params])).toEqual([
      [assignee.email, expect.objectContaining({ kind: 'assigned' })],
    ]);
  });
});

describe('SLA warnings', () => {
  async function atRiskTicket() {
    t.clock.set('2026-10-05T08:00:00Z');
    const ticket = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    const dueAt = new Date('2026-10-05T16:00:00Z');
    await t.ctx.db.update(tickets).set({ engagementDueAt: dueAt }).where(eq(tickets.id, ticket.id));
    const warning = {
      clock: 'engagement' as const,
      kind: 'at_risk' as const,
      at: new Date('2026-10-05T14:00:00Z'),
    };
    await t.ctx.db.transaction((tx) => scheduleSlaWarnings(tx, ticket.id, [warning], t.clock.now()));
    t.clock.set('2026-10-05T14:00:00Z');
    await runDueTimers(t.ctx);
    return ticket;
  }
  const slaMails = (ticketId: string) =>
    t.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.ticketId, ticketId), eq(outbox.template, 'sla.at_risk')));

  it('an SLA warning is in the assignee’s bell as well as in their mail', async () => {
    const ticket = await atRiskTicket();
    expect((await noticesOf(staff.agent.id, ticket.id)).map((n) => [n.kind, n.data])).toEqual([
      ['sla_warning', { target: 'engagement', breach: false }],
    ]);
    expect((await slaMails(ticket.id)).map((m) => m.recipient)).toEqual([staff.agent.email]);
    // Signed in at the warning's time (the clock moved back for this test).
    const reader = new TestClient(t.app);
    await reader.login(staff.agent.email);
    const bell = (await reader.get('/api/notifications')).json();
    expect(bell.items.find((n: { ticket: { id: string } }) => n.ticket.id === ticket.id)).toMatchObject({
      kind: 'sla_warning',
      sla: { target: 'engagement', breach: false },
    });
  });

  it('SLA mails turned off: the warning is in the bell only', async () => {
    await setPrefs(staff.agent.id, { mail: { sla_warning: false } });
    const ticket = await atRiskTicket();
    expect(await noticesOf(staff.agent.id, ticket.id)).toHaveLength(1);
    expect(await slaMails(ticket.id)).toEqual([]);
    await setPrefs(staff.agent.id, {});
  });
});

describe('GET and PUT /api/profile/notifications', () => {
  const all = { customer_reply: true, assigned: true, mention: true, transferred: true, sla_warning: true };

  it('staff choose their mails per kind or a digest; the defaults mail every kind', async () => {
    const admin = new TestClient(t.app);
    await admin.login(staff.admin.email);
    expect((await admin.get('/api/profile/notifications')).json()).toEqual({
      mail: all,
      digest: false,
      statusMails: 'every_change',
    });
    const chosen = { mail: { ...all, mention: false }, digest: true, statusMails: 'waiting_and_closed' };
    const saved = await admin.put('/api/profile/notifications', chosen);
    expect(saved.statusCode, saved.body).toBe(200);
    // A status-mail choice means nothing to staff and is not stored for them.
    expect(saved.json()).toEqual({ ...chosen, statusMails: 'every_change' });
    expect((await admin.get('/api/profile/notifications')).json()).toEqual(saved.json());
  });

  it('customers choose their status mails, and only those', async () => {
    const manager = new TestClient(t.app);
    await manager.login(acme.manager.email);
    const saved = await manager.put('/api/profile/notifications', {
      mail: { ...all, assigned: false },
      digest: true,
      statusMails: 'waiting_and_closed',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ mail: all, digest: false, statusMails: 'waiting_and_closed' });
    const bad = await manager.put('/api/profile/notifications', { statusMails: 'never' });
    expect(bad.statusCode).toBe(400);
  });
});
