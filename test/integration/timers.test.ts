import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMessage } from '../../src/app/tickets/add-message';
import { changeStatus } from '../../src/app/tickets/change-status';
import { runDueTimers, scheduleSlaWarnings } from '../../src/app/timers/index';
import { outbox, storedMails, ticketEvents, tickets, ticketTimers } from '../../src/db/schema/index';
import { dispatchOutbox } from '../../src/mail/dispatch';
import { parseReplyAddress } from '../../src/mail/reply-token';
import { type TestApp, TestClient, testApp } from '../support/app';
import { actorOf, createCompany, createStaff, openTicket, type TestCompany } from '../support/factories';

let t: TestApp;
let acme: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;
const day = 86_400_000;

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

/** A ticket of acme in progress with the agent, then put in waiting_customer by the agent at `at`. */
async function waitingTicket(at: string) {
  t.clock.set(at);
  const opened = await openTicket(t.ctx, acme.customer, {
    status: 'in_progress',
    assigneeId: staff.agent.id,
  });
  await changeStatus(t.ctx, actorOf(staff.agent), opened.id, { status: 'waiting_customer' });
  return opened.id;
}

async function mailCount(ticketId: string, template: string) {
  const rows = await t.ctx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.ticketId, ticketId), eq(outbox.template, template)));
  return rows.length;
}

async function eventCount(ticketId: string, kind: string) {
  const rows = await t.ctx.db
    .select()
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.kind, kind)));
  return rows.length;
}

async function statusOf(ticketId: string) {
  const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, ticketId));
  return row;
}

/** The worker's passes at `instant`: due timers, then the outbox (a reminder is recorded as sent when it leaves). */
async function runAt(instant: number) {
  t.clock.set(new Date(instant));
  await runDueTimers(t.ctx);
  await runDueTimers(t.ctx);
  await dispatchOutbox(t.ctx);
}

describe('R9: reminders and automatic closing', () => {
  it('reminds at +10 d and +15 d and closes at +20 d, each exactly once', async () => {
    const t0 = Date.parse('2026-04-01T08:00:00Z');
    const id = await waitingTicket('2026-04-01T08:00:00Z');

    await runAt(t0 + 10 * day - 60_000);
    expect(await mailCount(id, 'ticket.reminder_1')).toBe(0);

    await runAt(t0 + 10 * day);
    expect(await mailCount(id, 'ticket.reminder_1')).toBe(1);
    expect(await eventCount(id, 'reminder_sent')).toBe(1);

    await runAt(t0 + 15 * day);
    expect(await mailCount(id, 'ticket.reminder_1')).toBe(1);
    expect(await mailCount(id, 'ticket.reminder_2')).toBe(1);
    expect(await eventCount(id, 'reminder_sent')).toBe(2);
    expect((await statusOf(id))?.status).toBe('waiting_customer');

    await runAt(t0 + 20 * day);
    const closed = await statusOf(id);
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'no_answer' });
    expect(await mailCount(id, 'ticket.closed')).toBe(1);
    expect(await eventCount(id, 'closed')).toBe(1);

    await runAt(t0 + 40 * day);
    expect(await mailCount(id, 'ticket.reminder_1')).toBe(1);
    expect(await mailCount(id, 'ticket.reminder_2')).toBe(1);
    expect(await mailCount(id, 'ticket.closed')).toBe(1);
    expect(await eventCount(id, 'reminder_sent')).toBe(2);
    expect(await eventCount(id, 'closed')).toBe(1);
    // The closing by the system did not send a second, generic status mail.
    expect(await mailCount(id, 'ticket.status_changed')).toBe(1);
  });

  it('mails the reminder to the customer with the closing date, threading and reply address', async () => {
    const t0 = Date.parse('2026-05-04T08:00:00Z');
    const id = await waitingTicket('2026-05-04T08:00:00Z');
    await runAt(t0 + 10 * day);
    await dispatchOutbox(t.ctx);
    const [reminder] = await t.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.ticketId, id), eq(outbox.template, 'ticket.reminder_1')));
    expect(reminder).toMatchObject({ status: 'sent', recipient: acme.customer.email });
    const [mail] = await t.ctx.db
      .select()
      .from(storedMails)
      .where(eq(storedMails.outboxId, reminder?.id ?? 0));
    const ticket = await statusOf(id);
    expect(mail?.subject).toBe(`[${ticket?.key}] ${ticket?.subject} – nous attendons votre réponse`);
    expect(mail?.text).toContain('24 mai 2026');
    expect(mail?.text).toContain(`http://localhost:3000/tickets/${id}`);
    expect(mail?.headers['Auto-Submitted']).toBe('auto-generated');
    expect(mail?.headers['In-Reply-To']).toBe(`<ticket-${id}@guichet.local>`);
    expect(parseReplyAddress(t.ctx.config.secret, mail?.headers['Reply-To'] ?? '')).toBe(id);
  });

  it('cancels what is pending when the customer answers, and a new wait starts a fresh series', async () => {
    const t0 = Date.parse('2026-06-01T08:00:00Z');
    const id = await waitingTicket('2026-06-01T08:00:00Z');
    await runAt(t0 + 10 * day);
    expect(await mailCount(id, 'ticket.reminder_1')).toBe(1);

    t.clock.set(new Date(t0 + 12 * day));
    await addMessage(t.ctx, actorOf(acme.customer), id, {
      body: 'Voici les informations.',
      visibility: 'public',
    });
    expect((await statusOf(id))?.status).toBe('in_progress');
    const timers = (await t.ctx.db.select().from(ticketTimers).where(eq(ticketTimers.ticketId, id))).filter(
      (x) => ['reminder_1', 'reminder_2', 'auto_close'].includes(x.kind),
    );
    expect(timers.filter((x) => x.state === 'pending')).toHaveLength(0);
    expect(
      timers
        .filter((x) => x.state === 'cancelled')
        .map((x) => x.kind)
        .sort(),
    ).toEqual(['auto_close', 'reminder_2']);

    await runAt(t0 + 25 * day);
    expect(await mailCount(id, 'ticket.reminder_2')).toBe(0);
    expect((await statusOf(id))?.status).toBe('in_progress');

    // A new wait at +25 d: a fresh series, reminded at +35 d and closed at +45 d.
    await changeStatus(t.ctx, actorOf(staff.agent), id, { status: 'waiting_customer' });
    await runAt(t0 + 34 * day);
    expect(await mailCount(id, 'ticket.reminder_1')).toBe(1);
    await runAt(t0 + 35 * day);
    expect(await mailCount(id, 'ticket.reminder_1')).toBe(2);
    await runAt(t0 + 40 * day);
    expect(await mailCount(id, 'ticket.reminder_2')).toBe(1);
    await runAt(t0 + 45 * day);
    expect(await statusOf(id)).toMatchObject({ status: 'closed', closeReason: 'no_answer' });
    expect(await mailCount(id, 'ticket.closed')).toBe(1);
  });

  it('cancels the series when staff move the ticket on, and drops a queued reminder that no longer applies', async () => {
    const t0 = Date.parse('2026-07-01T08:00:00Z');
    const id = await waitingTicket('2026-07-01T08:00:00Z');
    t.clock.set(new Date(t0 + 10 * day));
    await runDueTimers(t.ctx);
    // Staff take the ticket back before the reminder mail leaves: it is dropped at send time.
    await changeStatus(t.ctx, actorOf(staff.agent), id, { status: 'in_progress' });
    await dispatchOutbox(t.ctx);
    const [reminder] = await t.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.ticketId, id), eq(outbox.template, 'ticket.reminder_1')));
    expect(reminder?.status).toBe('dropped');
    // The history says so to staff, and never that the reminder was sent.
    expect(await eventCount(id, 'reminder_sent')).toBe(0);
    const [dropped] = await t.ctx.db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, id), eq(ticketEvents.kind, 'mail_not_sent')));
    expect(dropped).toMatchObject({
      visibility: 'internal',
      data: { outboxId: reminder?.id, status: 'dropped', reminder: 1 },
    });
    await runAt(t0 + 30 * day);
    expect(await mailCount(id, 'ticket.reminder_2')).toBe(0);
    expect((await statusOf(id))?.status).toBe('in_progress');
  });

  it('uses the delays an admin configured for waits that start afterwards', async () => {
    const admin = new TestClient(t.app, '10.7.0.1');
    await admin.login(staff.admin.email);
    expect((await admin.get('/api/admin/settings/auto-close')).json()).toEqual({
      reminder1Days: 10,
      reminder2Days: 15,
      closeDays: 20,
    });
    const bad = await admin.put('/api/admin/settings/auto-close', {
      reminder1Days: 5,
      reminder2Days: 4,
      closeDays: 7,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('auto_close_delays_order');
    const customer = new TestClient(t.app, '10.7.0.2');
    await customer.login(acme.customer.email);
    expect((await customer.get('/api/admin/settings/auto-close')).statusCode).toBe(403);

    const saved = await admin.put('/api/admin/settings/auto-close', {
      reminder1Days: 3,
      reminder2Days: 5,
      closeDays: 7,
    });
    expect(saved.statusCode).toBe(200);
    try {
      const t0 = Date.parse('2026-08-03T08:00:00Z');
      const id = await waitingTicket('2026-08-03T08:00:00Z');
      await runAt(t0 + 3 * day);
      expect(await mailCount(id, 'ticket.reminder_1')).toBe(1);
      await runAt(t0 + 5 * day);
      expect(await mailCount(id, 'ticket.reminder_2')).toBe(1);
      await runAt(t0 + 7 * day);
      expect((await statusOf(id))?.status).toBe('closed');
    } finally {
      // The other tests of this file count on the default delays.
      await admin.put('/api/admin/settings/auto-close', {
        reminder1Days: 10,
        reminder2Days: 15,
        closeDays: 20,
      });
    }
  });
});

describe('R7: SLA warnings', () => {
  it('mails the assignee once per ticket and target, or the desk when nobody is assigned', async () => {
    t.clock.set('2026-10-05T08:00:00Z');
    const assigned = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    const unassigned = await openTicket(t.ctx, acme.customer, { status: 'qualified' });
    const dueAt = new Date('2026-10-05T16:00:00Z');
    await t.ctx.db.update(tickets).set({ engagementDueAt: dueAt }).where(eq(tickets.id, assigned.id));
    await t.ctx.db.update(tickets).set({ engagementDueAt: dueAt }).where(eq(tickets.id, unassigned.id));
    const warnings = [
      { clock: 'engagement' as const, kind: 'at_risk' as const, at: new Date('2026-10-05T14:00:00Z') },
      { clock: 'engagement' as const, kind: 'breach' as const, at: dueAt },
    ];
    await t.ctx.db.transaction(async (tx) => {
      await scheduleSlaWarnings(tx, assigned.id, warnings, t.clock.now());
      await scheduleSlaWarnings(tx, unassigned.id, warnings, t.clock.now());
    });

    await runAt(Date.parse('2026-10-05T14:00:00Z'));
    const atRisk = await t.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.ticketId, assigned.id), eq(outbox.template, 'sla.at_risk')));
    expect(atRisk.map((m) => m.recipient)).toEqual([staff.agent.email]);
    const desk = await t.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.ticketId, unassigned.id), eq(outbox.template, 'sla.at_risk')));
    expect(desk.map((m) => m.recipient)).toContain(staff.agent.email);
    expect(desk.map((m) => m.recipient)).not.toContain(staff.admin.email);

    // Recomputed later (same warnings again): an at-risk warning already sent is not sent twice.
    await t.ctx.db.transaction((tx) => scheduleSlaWarnings(tx, assigned.id, warnings, t.clock.now()));
    await runAt(Date.parse('2026-10-05T16:00:00Z'));
    expect(await mailCount(assigned.id, 'sla.at_risk')).toBe(1);
    expect(await mailCount(assigned.id, 'sla.breached')).toBe(1);
    await dispatchOutbox(t.ctx);
    const [breach] = await t.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.ticketId, assigned.id), eq(outbox.template, 'sla.breached')));
    expect(breach?.status).toBe('sent');
  });
});
