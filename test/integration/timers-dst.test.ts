import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeStatus } from '../../src/app/tickets/change-status';
import { runDueTimers } from '../../src/app/timers/index';
import { outbox, tickets } from '../../src/db/schema/index';
import { isoDatePlus, zurichWallClock } from '../../src/domain/tickets/auto-close-oracle';
import { dispatchOutbox } from '../../src/mail/dispatch';
import { type TestApp, testApp } from '../support/app';
import { actorOf, createCompany, createStaff, openTicket, type TestCompany } from '../support/factories';

let t: TestApp;
let acme: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;
const minute = 60_000;

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

/**
 * Entries into Attente client around the four daylight-saving changes of 2027 and 2028, given as
 * UTC instants (so that both occurrences of an autumn hour can be named), with the local date and
 * time each step must fire at, read independently with Intl: N calendar days later at the entry's
 * local time; 03:00 when that time does not exist that day; summer time when it exists twice.
 */
const entries = [
  // Spring 2027 (28 March, 02:00 → 03:00): the first reminder falls in the gap, at the jump.
  { at: '2027-03-18T01:30:20Z', times: ['03:00:00', '02:30:20', '02:30:20'] },
  // Spring 2027: an ordinary morning entry a week before, every step after the change.
  { at: '2027-03-21T08:00:00Z', times: ['09:00:00', '09:00:00', '09:00:00'] },
  // Autumn 2027 (31 October, 03:00 → 02:00): the first reminder in the hour that comes twice.
  { at: '2027-10-21T00:30:00Z', times: ['02:30:00', '02:30:00', '02:30:00'] },
  // Autumn 2027: an entry in the second occurrence of 02:40 (winter time) on the night itself.
  { at: '2027-10-31T01:40:00Z', times: ['02:40:00', '02:40:00', '02:40:00'] },
  // Spring 2028 (26 March): an entry on the night of the change, just after the jump.
  { at: '2028-03-26T01:15:00Z', times: ['03:15:00', '03:15:00', '03:15:00'] },
  // Spring 2028: the closing falls in the gap (20 days after 02:45 on 6 March).
  { at: '2028-03-06T01:45:00Z', times: ['02:45:00', '02:45:00', '03:00:00'] },
  // Autumn 2028 (29 October): an afternoon entry whose reminders straddle the change.
  { at: '2028-10-20T12:10:00Z', times: ['14:10:00', '14:10:00', '14:10:00'] },
  // Autumn 2028: the second reminder in the hour that comes twice.
  { at: '2028-10-14T00:05:00Z', times: ['02:05:00', '02:05:00', '02:05:00'] },
] as const;

const steps = [
  { template: 'ticket.reminder_1', days: 10 },
  { template: 'ticket.reminder_2', days: 15 },
  { template: 'ticket.closed', days: 20 },
] as const;

async function sentAt(ticketId: string, template: string): Promise<Date[]> {
  const rows = await t.ctx.db
    .select({ sentAt: outbox.sentAt })
    .from(outbox)
    .where(and(eq(outbox.ticketId, ticketId), eq(outbox.template, template), eq(outbox.status, 'sent')));
  return rows.map((row) => row.sentAt ?? new Date(0));
}

/** One pass of a worker at `at`: due timers, then the outbox. */
async function pass(at: Date) {
  t.clock.set(at);
  await runDueTimers(t.ctx);
  await dispatchOutbox(t.ctx);
}

describe('R9 across the daylight-saving changes of 2027 and 2028, fired by the worker', () => {
  it('each reminder and closing leaves at the local time of the entry, not a minute before', {
    timeout: 600_000,
  }, async () => {
    const opened: { id: string; entered: Date; times: readonly string[] }[] = [];
    for (const entry of entries) {
      const entered = new Date(entry.at);
      t.clock.set(entered);
      const ticket = await openTicket(t.ctx, acme.customer, {
        status: 'in_progress',
        assigneeId: staff.agent.id,
      });
      await changeStatus(t.ctx, actorOf(staff.agent), ticket.id, { status: 'waiting_customer' });
      opened.push({ id: ticket.id, entered, times: entry.times });
    }
    await dispatchOutbox(t.ctx); // the mails of the entries into the wait

    // Every step, in time order, with the instant it must fire at (found from the local date and
    // time through Intl, by scanning the day minute by minute).
    const due = opened.flatMap((ticket) =>
      steps.map((step, i) => {
        const date = isoDatePlus(zurichWallClock(ticket.entered).date, step.days);
        const time = ticket.times[i] ?? '';
        return { ticket, step, at: instantAt(date, time) };
      }),
    );
    due.sort((a, b) => a.at.getTime() - b.at.getTime());

    for (const { ticket, step, at } of due) {
      await pass(new Date(at.getTime() - minute));
      expect(await sentAt(ticket.id, step.template), `${step.template} before its time`).toEqual([]);
      await pass(at);
      const [sent, ...more] = await sentAt(ticket.id, step.template);
      expect(more).toEqual([]);
      expect(sent).toEqual(at);
      const wall = zurichWallClock(sent ?? new Date(0));
      const expected = isoDatePlus(zurichWallClock(ticket.entered).date, step.days);
      expect(`${wall.date} ${wall.time}`).toBe(`${expected} ${ticket.times[steps.indexOf(step)]}`);
      // A time that exists twice is taken at its first occurrence, in summer time.
      if (wall.time.startsWith('02:') && ['2027-10-31', '2028-10-29'].includes(wall.date)) {
        expect(wall.offset).toBe('GMT+2');
      }
    }
    for (const ticket of opened) {
      const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, ticket.id));
      expect(row?.status).toBe('closed');
    }
  });
});

/**
 * The first instant whose Zurich wall clock reads `date time`, found by scanning the UTC day
 * around it minute by minute with Intl: in an overlap the summer-time occurrence comes first.
 */
function instantAt(date: string, time: string): Date {
  const seconds = Number(time.slice(6)) * 1000;
  const start = Date.parse(`${date}T00:00:00Z`) - 3 * 3_600_000;
  for (let at = start; at < start + 30 * 3_600_000; at += minute) {
    const wall = zurichWallClock(new Date(at));
    if (wall.date === date && wall.time.slice(0, 5) === time.slice(0, 5)) return new Date(at + seconds);
  }
  throw new Error(`no instant reads ${date} ${time} in Zurich`);
}
