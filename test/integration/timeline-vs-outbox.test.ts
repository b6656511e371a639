import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context';
import { addMessage } from '../../src/app/tickets/add-message';
import { changeStatus } from '../../src/app/tickets/change-status';
import { runDueTimers } from '../../src/app/timers/index';
import { outbox, ticketEvents, tickets } from '../../src/db/schema/index';
import { addCalendarDays } from '../../src/domain/tickets/index';
import { dispatchOutbox } from '../../src/mail/dispatch';
import type { MailTransport } from '../../src/mail/transport';
import { type TestApp, testApp } from '../support/app';
import { actorOf, createCompany, createStaff, openTicket, type TestCompany } from '../support/factories';

let t: TestApp;
let acme: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;
const hour = 3_600_000;
const day = 24 * hour;

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

/** A small seeded generator (mulberry32), so a failing run can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
  };
}

/** SMTP answers for the run: the mail store, a temporary failure (retried), or a refusal (final). */
function transport(outcome: 'ok' | 'temporary' | 'permanent'): MailTransport | undefined {
  if (outcome === 'ok') return undefined;
  return {
    kind: 'smtp',
    transactional: false,
    deliver: async () => {
      throw Object.assign(new Error(outcome === 'permanent' ? '550 mailbox unknown' : '421 try later'), {
        responseCode: outcome === 'permanent' ? 550 : 421,
      });
    },
    close: () => undefined,
  };
}

async function run(seed: number, start: Date): Promise<string[]> {
  const rnd = random(seed);
  const agent = actorOf(staff.agent);
  const customer = actorOf(acme.customer);
  const other: AppContext = { ...t.ctx };
  t.clock.set(start);
  const ids: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    const opened = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    ids.push(opened.id);
  }
  const statusOf = async (id: string) =>
    (await t.ctx.db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, id)))[0]?.status;

  for (let step = 0; step < 60; step += 1) {
    // Time passes: mostly hours, sometimes days; an outage when the worker does not run after it.
    t.clock.advance(rnd.chance(0.25) ? rnd.int(1, 12) * day : rnd.int(1, 20) * hour);
    for (const id of ids) {
      const status = await statusOf(id);
      if (status === 'in_progress' && rnd.chance(0.3)) {
        await changeStatus(t.ctx, agent, id, { status: 'waiting_customer' });
      } else if (status === 'waiting_customer' && rnd.chance(0.06)) {
        await addMessage(t.ctx, customer, id, { body: 'Voici ma réponse.', visibility: 'public' });
      } else if (status === 'in_progress' && rnd.chance(0.02)) {
        await changeStatus(t.ctx, agent, id, { status: 'closed', closeReason: 'solution_delivered' });
      }
    }
    if (rnd.chance(0.3)) continue; // the worker is down for this step
    const smtp = rnd.chance(0.1) ? 'permanent' : rnd.chance(0.2) ? 'temporary' : 'ok';
    await Promise.all([runDueTimers(t.ctx), runDueTimers(other)]);
    // Sometimes the customer answers between the timers and the outbox: a queued reminder is dropped.
    for (const id of ids) {
      if ((await statusOf(id)) === 'waiting_customer' && rnd.chance(0.05)) {
        await addMessage(t.ctx, customer, id, { body: 'Réponse tardive.', visibility: 'public' });
      }
    }
    if (rnd.chance(0.8)) {
      const chosen = transport(smtp);
      await Promise.all([
        dispatchOutbox(t.ctx, chosen ? { transport: chosen } : {}),
        dispatchOutbox(other, chosen ? { transport: chosen } : {}),
      ]);
    }
  }
  // The end: the workers run on until everything due has happened and every mail is settled.
  for (let round = 0; round < 8; round += 1) {
    t.clock.advance(6 * day);
    await runDueTimers(t.ctx);
    await dispatchOutbox(t.ctx);
  }
  return ids;
}

async function expectTimelineMatchesOutbox(ids: string[]) {
  const mails = await t.ctx.db
    .select()
    .from(outbox)
    .where(inArray(outbox.ticketId, ids))
    .orderBy(asc(outbox.id));
  const entries = await t.ctx.db
    .select()
    .from(ticketEvents)
    .where(inArray(ticketEvents.ticketId, ids))
    .orderBy(asc(ticketEvents.id));
  const mailById = new Map(mails.map((m) => [m.id, m]));
  const outboxIdOf = (data: unknown) => Number((data as { outboxId?: unknown }).outboxId);

  // Every entry that says a reminder was sent names a mail the outbox sent, at that instant.
  const sentEntries = entries.filter((e) => e.kind === 'reminder_sent');
  for (const entry of sentEntries) {
    const mail = mailById.get(outboxIdOf(entry.data));
    expect(mail).toMatchObject({ status: 'sent', ticketId: entry.ticketId, sentAt: entry.at });
    expect(mail?.template).toBe(`ticket.reminder_${(entry.data as { reminder: number }).reminder}`);
    expect(entry.visibility).toBe('public');
  }
  // A reminder is recorded only with its mail queued, in the same transaction: each internal
  // "queued" entry names the customer's reminder mail, queued at that very instant.
  const reminderMails = mails.filter(
    (m) => m.template.startsWith('ticket.reminder_') && 'timelineWhenSent' in m.params,
  );
  const queued = entries.filter((e) => e.kind === 'reminder_queued');
  for (const entry of queued) {
    const mail = mailById.get(outboxIdOf(entry.data));
    expect(entry.visibility).toBe('internal');
    expect(mail).toMatchObject({
      ticketId: entry.ticketId,
      createdAt: entry.at,
      template: `ticket.reminder_${(entry.data as { reminder: number }).reminder}`,
    });
  }
  // Every reminder mail: one "queued" entry; sent ones have exactly one "sent" entry; the others
  // none, and one internal entry saying it did not leave.
  for (const mail of reminderMails) {
    expect(queued.filter((e) => outboxIdOf(e.data) === mail.id)).toHaveLength(1);
  }
  for (const mail of reminderMails) {
    const claims = sentEntries.filter((e) => outboxIdOf(e.data) === mail.id);
    const notSent = entries.filter((e) => e.kind === 'mail_not_sent' && outboxIdOf(e.data) === mail.id);
    expect(mail.status).not.toBe('pending');
    if (mail.status === 'sent') {
      expect(claims).toHaveLength(1);
      expect(notSent).toHaveLength(0);
    } else {
      expect(claims).toHaveLength(0);
      expect(notSent).toHaveLength(1);
      expect(notSent[0]?.visibility).toBe('internal');
    }
  }
  // Every automatic closing came after both reminders of its wait had left, the spacing after the
  // second, and its mail says when they were sent.
  for (const closing of entries.filter((e) => e.kind === 'closed' && e.actorId === null)) {
    const series = entries.filter(
      (e) => e.ticketId === closing.ticketId && e.kind === 'reminder_sent' && e.id < closing.id,
    );
    const lastWait = entries
      .filter(
        (e) =>
          e.ticketId === closing.ticketId &&
          e.id < closing.id &&
          (e.after as { status?: string } | null)?.status,
      )
      .at(-1);
    const ofThisWait = series.filter((e) => e.id > (lastWait?.id ?? 0));
    expect(ofThisWait.map((e) => (e.data as { reminder: number }).reminder)).toEqual([1, 2]);
    const [first, second] = ofThisWait;
    expect(closing.at.getTime()).toBeGreaterThanOrEqual(
      addCalendarDays(second?.at ?? new Date(0), 5).getTime(),
    );
    expect(second?.at.getTime()).toBeGreaterThanOrEqual(
      addCalendarDays(first?.at ?? new Date(0), 5).getTime(),
    );
    const [closingMail] = mails.filter(
      (m) => m.ticketId === closing.ticketId && m.template === 'ticket.closed',
    );
    expect(closingMail?.params.remindersSentAt).toEqual([first?.at.toISOString(), second?.at.toISOString()]);
  }
  return { entries, mails };
}

describe('the timeline never claims a mail the outbox did not send', () => {
  it('after randomised runs of outages, answers, refusals and closings', { timeout: 900_000 }, async () => {
    const seen = { sent: 0, dropped: 0, refused: 0, autoClosed: 0 };
    for (const [seed, start] of [
      [2027, '2027-03-01T08:00:00Z'],
      [2028, '2028-09-20T08:00:00Z'],
      [20_29, '2028-03-06T08:00:00Z'],
    ] as const) {
      const ids = await run(seed, new Date(start));
      const { entries, mails } = await expectTimelineMatchesOutbox(ids);
      seen.sent += entries.filter((e) => e.kind === 'reminder_sent').length;
      const reminders = mails.filter((m) => m.template.startsWith('ticket.reminder_'));
      seen.dropped += reminders.filter((m) => m.status === 'dropped').length;
      seen.refused += reminders.filter((m) => m.status === 'failed').length;
      seen.autoClosed += entries.filter((e) => e.kind === 'closed' && e.actorId === null).length;
    }
    // The runs went through what they are meant to exercise.
    expect(seen.sent).toBeGreaterThan(0);
    expect(seen.dropped).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.autoClosed).toBeGreaterThan(0);
  });
});
