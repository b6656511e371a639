import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMessage } from '../../src/app/tickets/add-message';
import { changeStatus } from '../../src/app/tickets/change-status';
import { createTicket } from '../../src/app/tickets/create-ticket';
import { qualifyTicket } from '../../src/app/tickets/qualify-ticket';
import { takeTicket } from '../../src/app/tickets/take-ticket';
import { runDueTimers } from '../../src/app/timers/index';
import { slaTimerKinds } from '../../src/app/timers/schedule-timers';
import { notifications, outbox, tickets, ticketTimers } from '../../src/db/schema/index';
import { zurichInstant } from '../../src/domain/calendar/index';
import { dispatchOutbox } from '../../src/mail/dispatch';
import { type TestApp, testApp } from '../support/app';
import { actorOf, createCompany, createStaff, type TestCompany, ticketInput } from '../support/factories';

let t: TestApp;
let acme: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

/** A worker's pass at a Zurich local time: due timers, then the outbox. */
async function workerAt(local: string) {
  t.clock.set(zurichInstant(local));
  await runDueTimers(t.ctx);
  await dispatchOutbox(t.ctx);
}

/** Each SLA warning of the ticket: its timer state, and the mails and bell notices it gave. */
async function warnings(ticketId: string) {
  const timers = await t.ctx.db
    .select()
    .from(ticketTimers)
    .where(and(eq(ticketTimers.ticketId, ticketId), inArray(ticketTimers.kind, [...slaTimerKinds])));
  const mails = await t.ctx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.ticketId, ticketId), like(outbox.template, 'sla.%')));
  const notices = await t.ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.ticketId, ticketId), eq(notifications.kind, 'sla_warning')));
  return {
    timers: Object.fromEntries(timers.map((timer) => [timer.kind, timer.state])),
    dueAt: Object.fromEntries(timers.map((timer) => [timer.kind, timer.dueAt])),
    mails: mails.map((mail) => `${mail.template} ${mail.status}`),
    notices: notices.map((notice) => notice.data),
  };
}

/** A Moyenne ticket (8 h / 80 h business) opened by the customer at a Zurich local time. */
async function opened(local: string) {
  t.clock.set(zurichInstant(local));
  const ticket = await createTicket(t.ctx, actorOf(acme.customer), await ticketInput(t.ctx.db));
  await qualifyTicket(t.ctx, actorOf(staff.agent), ticket.id, {});
  return ticket.id;
}

describe('R7: SLA warnings that fall due after the ticket left the state they warn about', () => {
  it('are neither sent nor recorded as sent, and come back when the clock runs again', async () => {
    // Taken in charge at once (engagement met), then waiting on the customer (resolution paused).
    const id = await opened('2026-11-02 08:00');
    await takeTicket(t.ctx, actorOf(staff.agent), id);
    t.clock.set(zurichInstant('2026-11-02 09:00'));
    await changeStatus(t.ctx, actorOf(staff.agent), id, { status: 'waiting_customer' });
    const armed = await warnings(id);
    // The warnings armed while the clocks ran are still pending, due during the pause.
    expect(armed.timers).toEqual({
      sla_engagement_at_risk: 'pending',
      sla_engagement_breached: 'pending',
      sla_resolution_at_risk: 'pending',
      sla_resolution_breached: 'pending',
    });
    expect(armed.dueAt.sla_resolution_breached?.getTime()).toBeLessThan(
      zurichInstant('2026-11-30 10:00').getTime(),
    );

    // The worker passes long after every one of them fell due.
    await workerAt('2026-11-03 09:00');
    await workerAt('2026-11-30 10:00');
    expect(await warnings(id)).toMatchObject({
      timers: {
        sla_engagement_at_risk: 'cancelled',
        sla_engagement_breached: 'cancelled',
        sla_resolution_at_risk: 'cancelled',
        sla_resolution_breached: 'cancelled',
      },
      mails: [],
      notices: [],
    });

    // The customer answers: the resolution clock runs again and its warnings are armed anew.
    t.clock.set(zurichInstant('2026-12-01 09:00'));
    await addMessage(t.ctx, actorOf(acme.customer), id, { body: 'Voici le fichier.', visibility: 'public' });
    const [ticket] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, id));
    expect(ticket?.status).toBe('in_progress');
    const rearmed = await warnings(id);
    expect(rearmed.timers).toMatchObject({
      sla_resolution_at_risk: 'pending',
      sla_resolution_breached: 'pending',
    });
    const atRiskAt = rearmed.dueAt.sla_resolution_at_risk;
    expect(atRiskAt?.getTime()).toBeGreaterThan(t.clock.now().getTime());
    t.clock.set(atRiskAt ?? new Date(0));
    await runDueTimers(t.ctx);
    await dispatchOutbox(t.ctx);
    expect(await warnings(id)).toMatchObject({
      timers: { sla_resolution_at_risk: 'done', sla_resolution_breached: 'pending' },
      mails: ['sla.at_risk sent'],
      notices: [{ target: 'resolution', breach: false }],
    });
  });

  it('an at-risk warning that falls due after the target is breached is not sent; the breach is', async () => {
    // Engagement of a Moyenne ticket: at risk at 15:30, breached at 17:30 the same Monday.
    const id = await opened('2027-01-11 08:00');
    expect((await warnings(id)).timers).toMatchObject({
      sla_engagement_at_risk: 'pending',
      sla_engagement_breached: 'pending',
    });
    // No worker ran until the next morning.
    await workerAt('2027-01-12 08:30');
    const after = await warnings(id);
    expect(after.timers).toMatchObject({
      sla_engagement_at_risk: 'cancelled',
      sla_engagement_breached: 'done',
    });
    expect(after.mails.filter((mail) => mail.startsWith('sla.at_risk'))).toEqual([]);
    expect(after.mails.filter((mail) => mail.startsWith('sla.breached'))).not.toEqual([]);
    expect(after.notices.every((notice) => notice.breach === true)).toBe(true);
    // Another pass changes nothing.
    await workerAt('2027-01-12 09:00');
    expect(await warnings(id)).toEqual(after);
  });
});
