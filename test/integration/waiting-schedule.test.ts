import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMessage } from '../../src/app/tickets/add-message';
import { changeStatus } from '../../src/app/tickets/change-status';
import { runDueTimers } from '../../src/app/timers/index';
import { dispatchOutbox } from '../../src/mail/dispatch';
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

async function waitingTicket(at: string) {
  t.clock.set(at);
  const opened = await openTicket(t.ctx, acme.customer, {
    status: 'in_progress',
    assigneeId: staff.agent.id,
  });
  await changeStatus(t.ctx, actorOf(staff.agent), opened.id, { status: 'waiting_customer' });
  return opened.id;
}

/** The schedule in the ticket as a person signed in at the clock's time reads it. */
async function scheduleSeenBy(email: string, id: string) {
  const client = new TestClient(t.app);
  await client.login(email);
  const response = await client.get(`/api/tickets/${id}`);
  expect(response.statusCode).toBe(200);
  return response.json().ticket.waitingSchedule;
}

async function workerAt(instant: number) {
  t.clock.set(new Date(instant));
  await runDueTimers(t.ctx);
  await dispatchOutbox(t.ctx);
}

describe('R9 dates told on the waiting ticket', () => {
  it('shows both sides the reminders at +10 d and +15 d and the closing at +20 d, in calendar days in Zurich', async () => {
    // Entered on 20 March 2026 at 09:00 in Zurich (winter time); the steps keep 09:00 after the
    // change to summer time on 29 March.
    const id = await waitingTicket('2026-03-20T08:00:00Z');
    const expected = {
      reminder1: { at: '2026-03-30T07:00:00.000Z', sent: false },
      reminder2: { at: '2026-04-04T07:00:00.000Z', sent: false },
      closeAt: '2026-04-09T07:00:00.000Z',
    };
    expect(await scheduleSeenBy(acme.customer.email, id)).toEqual(expected);
    expect(await scheduleSeenBy(staff.agent.email, id)).toEqual(expected);
  });

  it('after a late first reminder, tells the catch-up dates: when it left, and the spacing after it', async () => {
    const t0 = Date.parse('2026-06-01T08:00:00Z');
    const id = await waitingTicket('2026-06-01T08:00:00Z');
    // The worker was stopped: reminder 1 (due on day 10) leaves on day 13.
    await workerAt(t0 + 13 * day);
    const schedule = await scheduleSeenBy(acme.customer.email, id);
    expect(schedule).toEqual({
      reminder1: { at: new Date(t0 + 13 * day).toISOString(), sent: true },
      reminder2: { at: new Date(t0 + 18 * day).toISOString(), sent: false },
      closeAt: new Date(t0 + 23 * day).toISOString(),
    });
  });

  it('tells nothing once the customer has answered', async () => {
    const id = await waitingTicket('2026-07-01T08:00:00Z');
    t.clock.set('2026-07-02T08:00:00Z');
    await addMessage(t.ctx, actorOf(acme.customer), id, { body: 'Voici la réponse.', visibility: 'public' });
    expect(await scheduleSeenBy(acme.customer.email, id)).toBeNull();
  });
});
