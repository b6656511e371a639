import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context';
import { addMessage } from '../../src/app/tickets/add-message';
import { changeStatus } from '../../src/app/tickets/change-status';
import { watchTicket } from '../../src/app/tickets/watchers';
import { runDueTimers } from '../../src/app/timers/index';
import { outbox, storedMails, ticketEvents, tickets, ticketTimers } from '../../src/db/schema/index';
import { zurichInstant, zurichLocalString } from '../../src/domain/calendar/index';
import { formatDateTime } from '../../src/i18n/format';
import { dispatchOutbox } from '../../src/mail/dispatch';
import type { MailTransport } from '../../src/mail/transport';
import { type TestApp, TestClient, testApp } from '../support/app';
import { actorOf, createCompany, createStaff, openTicket, type TestCompany } from '../support/factories';

let t: TestApp;
let acme: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;
const day = 86_400_000;
const minute = 60_000;

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

async function waitingTicket(at: Date, tenant: TestCompany = acme) {
  t.clock.set(at);
  const opened = await openTicket(t.ctx, tenant.customer, {
    status: 'in_progress',
    assigneeId: staff.agent.id,
  });
  await changeStatus(t.ctx, actorOf(staff.agent), opened.id, { status: 'waiting_customer' });
  return opened.id;
}

/** One pass of a worker, as its task list runs it: due timers, then the outbox. */
async function pass(ctx: AppContext, transport?: MailTransport) {
  await runDueTimers(ctx);
  await dispatchOutbox(ctx, transport ? { transport } : {});
}

/** Two workers on the same database at `at`, passing side by side a few times. */
async function twoWorkersAt(at: Date) {
  t.clock.set(at);
  const other: AppContext = { ...t.ctx };
  for (let round = 0; round < 3; round += 1) await Promise.all([pass(t.ctx), pass(other)]);
}

async function mails(ticketId: string, template: string) {
  return t.ctx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.ticketId, ticketId), eq(outbox.template, template)))
    .orderBy(asc(outbox.id));
}

async function events(ticketId: string, kind: string) {
  return t.ctx.db
    .select()
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.kind, kind)))
    .orderBy(asc(ticketEvents.id));
}

async function statusOf(ticketId: string) {
  const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, ticketId));
  return row?.status;
}

async function storedText(outboxId: number | undefined) {
  const [mail] = await t.ctx.db
    .select()
    .from(storedMails)
    .where(eq(storedMails.outboxId, outboxId ?? 0));
  return mail?.text ?? '';
}

/**
 * A mail server that answers each address from a script, one answer per attempt (then accepts):
 * `421` is a temporary failure (retried), `550` a refusal (final).
 */
function scriptedTransport(script: Record<string, ('421' | '550')[]>): MailTransport {
  return {
    kind: 'smtp',
    transactional: false,
    deliver: async (_db, mail) => {
      const answer = script[mail.to]?.shift();
      if (answer) throw Object.assign(new Error(`${answer} mailbox`), { responseCode: Number(answer) });
    },
    close: () => undefined,
  };
}

/** How many of each step went out so far: mails sent, public entries, closing. */
async function progress(id: string) {
  const sent = async (template: string) =>
    (await mails(id, template)).filter((m) => m.status === 'sent').length;
  return {
    reminder1: await sent('ticket.reminder_1'),
    reminder2: await sent('ticket.reminder_2'),
    closed: await sent('ticket.closed'),
    reminderEntries: (await events(id, 'reminder_sent')).length,
    status: await statusOf(id),
  };
}

describe('R9 catch-up after an outage (injected clock, two workers)', () => {
  it('a worker stopped from day 9 to day 26: reminder 1 at once, then reminder 2 and the closing at the spacing', async () => {
    const entered = zurichInstant('2027-01-11 10:00');
    const id = await waitingTicket(entered);
    await twoWorkersAt(new Date(entered.getTime() + 9 * day));
    expect(await progress(id)).toMatchObject({ reminder1: 0, reminder2: 0, closed: 0 });

    // The workers resume on day 26 at 13:20, long after both reminders and the closing fell due.
    const resumed = zurichInstant('2027-02-06 13:20');
    await twoWorkersAt(resumed);
    expect(await progress(id)).toEqual({
      reminder1: 1,
      reminder2: 0,
      closed: 0,
      reminderEntries: 1,
      status: 'waiting_customer',
    });
    const [first] = await mails(id, 'ticket.reminder_1');
    expect(first?.sentAt).toEqual(resumed);
    // The closing announced is 5 + 5 days after the reminder actually sent.
    expect(await storedText(first?.id)).toContain(formatDateTime(zurichInstant('2027-02-16 13:20'), 'fr'));

    await twoWorkersAt(new Date(zurichInstant('2027-02-11 13:20').getTime() - minute));
    expect(await progress(id)).toMatchObject({ reminder1: 1, reminder2: 0, closed: 0 });
    await twoWorkersAt(zurichInstant('2027-02-11 13:20'));
    expect(await progress(id)).toEqual({
      reminder1: 1,
      reminder2: 1,
      closed: 0,
      reminderEntries: 2,
      status: 'waiting_customer',
    });

    await twoWorkersAt(new Date(zurichInstant('2027-02-16 13:20').getTime() - minute));
    expect(await progress(id)).toMatchObject({ reminder2: 1, closed: 0, status: 'waiting_customer' });
    await twoWorkersAt(zurichInstant('2027-02-16 13:20'));
    expect(await progress(id)).toEqual({
      reminder1: 1,
      reminder2: 1,
      closed: 1,
      reminderEntries: 2,
      status: 'closed',
    });
    const [closing] = await mails(id, 'ticket.closed');
    const text = await storedText(closing?.id);
    const at = (local: string) => formatDateTime(zurichInstant(local), 'fr');
    expect(text).toContain(
      `Des rappels vous ont été envoyés le ${at('2027-02-06 13:20')} et le ${at('2027-02-11 13:20')}.`,
    );

    // Nothing is repeated afterwards, and no mail was dropped.
    await twoWorkersAt(zurichInstant('2027-03-30 10:00'));
    expect(await progress(id)).toMatchObject({ reminder1: 1, reminder2: 1, closed: 1, reminderEntries: 2 });
    const all = await t.ctx.db.select().from(outbox).where(eq(outbox.ticketId, id));
    expect(all.filter((m) => m.status !== 'sent')).toEqual([]);
  });

  it('an outage over days 15–20: reminder 2 at once, the closing 5 days later', async () => {
    const entered = zurichInstant('2027-05-03 09:00');
    const id = await waitingTicket(entered);
    await twoWorkersAt(zurichInstant('2027-05-13 09:00'));
    expect(await progress(id)).toMatchObject({ reminder1: 1, reminder2: 0 });
    await twoWorkersAt(zurichInstant('2027-05-13 09:00'));
    // Down from day 14 to day 20 08:45; the closing was due at 09:00 on day 20.
    await twoWorkersAt(zurichInstant('2027-05-23 08:45'));
    expect(await progress(id)).toMatchObject({ reminder1: 1, reminder2: 1, closed: 0, reminderEntries: 2 });
    await twoWorkersAt(zurichInstant('2027-05-28 08:44'));
    expect(await statusOf(id)).toBe('waiting_customer');
    await twoWorkersAt(zurichInstant('2027-05-28 08:45'));
    expect(await progress(id)).toMatchObject({ reminder2: 1, closed: 1, status: 'closed' });
  });

  it('a reminder that leaves a day late (mail server unavailable): the next steps count from when it left', async () => {
    const tenant = await createCompany(t.ctx.db);
    const id = await waitingTicket(zurichInstant('2027-09-06 10:00'), tenant);
    await dispatchOutbox(t.ctx); // the mail of the entry into the wait leaves first
    // Reminder 1 falls due and is queued on its date; the mail server answers "try later".
    t.clock.set(zurichInstant('2027-09-16 10:00'));
    await pass(t.ctx, scriptedTransport({ [tenant.customer.email]: ['421'] }));
    expect(await mails(id, 'ticket.reminder_1')).toMatchObject([{ status: 'pending' }]);
    expect(await events(id, 'reminder_sent')).toEqual([]);
    // It leaves the next day at 13:00.
    const left = zurichInstant('2027-09-17 13:00');
    await twoWorkersAt(left);
    expect((await mails(id, 'ticket.reminder_1')).map((m) => m.sentAt)).toEqual([left]);

    // Reminder 2 waits for 5 days after the instant reminder 1 left, not after it was queued.
    await twoWorkersAt(zurichInstant('2027-09-21 10:00'));
    await twoWorkersAt(new Date(zurichInstant('2027-09-22 13:00').getTime() - minute));
    expect(await mails(id, 'ticket.reminder_2')).toEqual([]);
    await twoWorkersAt(zurichInstant('2027-09-22 13:00'));
    expect((await mails(id, 'ticket.reminder_2')).map((m) => m.sentAt)).toEqual([
      zurichInstant('2027-09-22 13:00'),
    ]);

    // The closing, 5 days after reminder 2, says when both reminders left.
    await twoWorkersAt(new Date(zurichInstant('2027-09-27 13:00').getTime() - minute));
    expect(await statusOf(id)).toBe('waiting_customer');
    await twoWorkersAt(zurichInstant('2027-09-27 13:00'));
    expect(await progress(id)).toEqual({
      reminder1: 1,
      reminder2: 1,
      closed: 1,
      reminderEntries: 2,
      status: 'closed',
    });
    const [closing] = await mails(id, 'ticket.closed');
    expect(closing?.params.remindersSentAt).toEqual([
      left.toISOString(),
      zurichInstant('2027-09-22 13:00').toISOString(),
    ]);
  });

  it('a reminder whose mail cannot be sent is not claimed, and suspends the closing', async () => {
    const entered = zurichInstant('2027-06-07 11:00');
    const id = await waitingTicket(entered);
    const refusing: MailTransport = {
      kind: 'smtp',
      transactional: false,
      deliver: async () => {
        throw Object.assign(new Error('550 5.1.1 mailbox unknown'), { responseCode: 550 });
      },
      close: () => undefined,
    };
    t.clock.set(zurichInstant('2027-06-17 11:00'));
    await pass(t.ctx, refusing);
    const [reminder] = await mails(id, 'ticket.reminder_1');
    expect(reminder?.status).toBe('failed');
    expect(await events(id, 'reminder_sent')).toEqual([]);
    const [notSent] = await events(id, 'mail_not_sent');
    expect(notSent).toMatchObject({ visibility: 'internal', data: { outboxId: reminder?.id, reminder: 1 } });

    await twoWorkersAt(zurichInstant('2027-07-30 11:00'));
    expect(await statusOf(id)).toBe('waiting_customer');
    expect(await mails(id, 'ticket.reminder_2')).toEqual([]);
    expect(await events(id, 'auto_close_suspended')).toHaveLength(1);
    const pending = await t.ctx.db
      .select()
      .from(ticketTimers)
      .where(and(eq(ticketTimers.ticketId, id), eq(ticketTimers.state, 'pending')));
    expect(pending.filter((timer) => !timer.kind.startsWith('sla'))).toEqual([]);
  });

  it('a follower’s copy decides nothing: the customer’s own reminder does', async () => {
    // Two followed tickets. On the first, the customer's reminder is retried and then refused while
    // the follower's copy leaves; on the second, the copy is refused and the customer's reminder
    // leaves after a retry (so that the settled rows lie in the opposite order to their queueing).
    const [refusedTenant, sentTenant] = [await createCompany(t.ctx.db), await createCompany(t.ctx.db)];
    const entered = zurichInstant('2027-08-02 10:00');
    const refused = await waitingTicket(entered, refusedTenant);
    await watchTicket(t.ctx, actorOf(refusedTenant.manager), refused);
    const sent = await waitingTicket(entered, sentTenant);
    await watchTicket(t.ctx, actorOf(sentTenant.manager), sent);
    await dispatchOutbox(t.ctx); // the mails of the entry into the wait leave first
    const transport = scriptedTransport({
      [refusedTenant.customer.email]: ['421', '550'],
      [sentTenant.customer.email]: ['421'],
      [sentTenant.manager.email]: ['550'],
    });
    for (const at of ['2027-08-12 10:00', '2027-08-13 10:00']) {
      t.clock.set(zurichInstant(at));
      await pass(t.ctx, transport);
    }
    const statuses = async (id: string) =>
      Object.fromEntries((await mails(id, 'ticket.reminder_1')).map((m) => [m.recipient, m.status]));
    expect(await statuses(refused)).toEqual({
      [refusedTenant.customer.email]: 'failed',
      [refusedTenant.manager.email]: 'sent',
    });
    expect(await statuses(sent)).toEqual({
      [sentTenant.customer.email]: 'sent',
      [sentTenant.manager.email]: 'failed',
    });

    for (const at of ['2027-08-18 10:00', '2027-08-23 10:00', '2027-09-30 10:00']) {
      await twoWorkersAt(zurichInstant(at));
    }
    // The customer was not reminded: staff decide, whatever reached the follower.
    expect(await events(refused, 'reminder_sent')).toEqual([]);
    expect(await events(refused, 'auto_close_suspended')).toHaveLength(1);
    expect(await statusOf(refused)).toBe('waiting_customer');
    // The customer was reminded (a day late, so the steps after it keep the spacing): a follower's
    // refused copy does not hold the closing back.
    expect(await events(sent, 'auto_close_suspended')).toEqual([]);
    expect(await progress(sent)).toMatchObject({
      reminder2: 2,
      closed: 2,
      reminderEntries: 2,
      status: 'closed',
    });
    const [closing] = (await mails(sent, 'ticket.closed')).filter(
      (m) => m.recipient === sentTenant.customer.email,
    );
    expect(closing?.sentAt).toEqual(zurichInstant('2027-08-23 10:00'));
  });

  it('without an outage, the steps keep the local time of the entry across the autumn change', async () => {
    const entered = zurichInstant('2027-10-25 10:00');
    const id = await waitingTicket(entered);
    for (const at of ['2027-11-04 10:00', '2027-11-09 10:00', '2027-11-14 10:00']) {
      await twoWorkersAt(new Date(zurichInstant(at).getTime() - minute));
      await twoWorkersAt(zurichInstant(at));
    }
    const sentAt = async (template: string) =>
      (await mails(id, template)).map((m) => (m.sentAt ? zurichLocalString(m.sentAt) : null));
    expect(await sentAt('ticket.reminder_1')).toEqual(['2027-11-04 10:00']);
    expect(await sentAt('ticket.reminder_2')).toEqual(['2027-11-09 10:00']);
    expect(await sentAt('ticket.closed')).toEqual(['2027-11-14 10:00']);
  });

  it('the customer reads that a reminder was sent once its mail has left, and nothing of the rest', async () => {
    const id = await waitingTicket(zurichInstant('2027-12-06 10:00'));
    // Signed in afresh at each reading: the injected clock moves days ahead between them.
    let address = 0;
    const reminderLines = async (user: { email: string }) => {
      address += 1;
      const client = new TestClient(t.app, `10.20.0.${address}`);
      await client.login(user.email);
      const { entries } = (await client.get(`/api/tickets/${id}/timeline`)).json() as {
        entries: { summary: string; visibility: string }[];
      };
      return entries
        .filter((e) => e.summary.startsWith('Rappel'))
        .map((e) => `${e.visibility}: ${e.summary}`);
    };
    const [customer, agent] = [acme.customer, staff.agent];
    const queued1 = "internal: Rappel n° 1 mis en file d'envoi";
    const sent1 = 'public: Rappel n° 1 envoyé au client';

    t.clock.set(zurichInstant('2027-12-16 10:00'));
    await runDueTimers(t.ctx);
    expect(await reminderLines(customer)).toEqual([]);
    expect(await reminderLines(agent)).toEqual([queued1]);
    await dispatchOutbox(t.ctx);
    expect(await reminderLines(customer)).toEqual([sent1]);
    expect(await reminderLines(agent)).toEqual([queued1, sent1]);

    // The second reminder is queued, then the customer answers before it leaves: it is dropped.
    t.clock.set(zurichInstant('2027-12-21 10:00'));
    await runDueTimers(t.ctx);
    await addMessage(t.ctx, actorOf(acme.customer), id, { body: 'Voici ma réponse.', visibility: 'public' });
    await dispatchOutbox(t.ctx);
    expect(await mails(id, 'ticket.reminder_2')).toMatchObject([{ status: 'dropped' }]);
    expect(await reminderLines(customer)).toEqual([sent1]);
    expect(await reminderLines(agent)).toEqual([
      queued1,
      sent1,
      "internal: Rappel n° 2 mis en file d'envoi",
      "internal: Rappel n° 2 non envoyé : la demande n'attendait plus le client",
    ]);
  });
});
