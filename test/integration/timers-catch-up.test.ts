import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context';
import { changeStatus } from '../../src/app/tickets/change-status';
import { runDueTimers } from '../../src/app/timers/index';
import { outbox, storedMails, ticketEvents, tickets, ticketTimers } from '../../src/db/schema/index';
import { zurichInstant, zurichLocalString } from '../../src/domain/calendar/index';
import { formatDateTime } from '../../src/i18n/format';
import { dispatchOutbox } from '../../src/mail/dispatch';
import type { MailTransport } from '../../src/mail/transport';
import { type TestApp, testApp } from '../support/app';
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

async function waitingTicket(at: Date) {
  t.clock.set(at);
  const opened = await openTicket(t.ctx, acme.customer, {
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
});
