import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AppContext } from '../../src/app/context';
import { runDueTimers } from '../../src/app/timers/index';
import { type Database, openPostgres } from '../../src/db/client';
import { notifications, outbox, ticketEvents, tickets, ticketTimers } from '../../src/db/schema/index';
import { type TestApp, testApp } from '../support/app';
import { testEngine } from '../support/db';
import { createCompany, createStaff, insertTicket, type TestCompany } from '../support/factories';
import { withDatabase } from '../support/global-setup';

let t: TestApp;
let acme: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;
const day = 86_400_000;
const hour = 3_600_000;
// Far from the clock changes: every R9 date is a whole number of 24-hour days after the entry.
const now = new Date('2026-06-20T10:00:00Z');
const steps = ['reminder_1', 'reminder_2', 'auto_close'] as const;
type Step = (typeof steps)[number];

beforeAll(async () => {
  t = await testApp({ now: now.toISOString() });
  acme = await createCompany(t.ctx.db);
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

/**
 * A ticket waiting on the customer whose `step` fell due an hour ago, the steps before it done on
 * time with nobody to mail (so they count as out when they fired), as the application leaves them.
 */
async function waitingAt(step: Step): Promise<string> {
  const stage = steps.indexOf(step);
  const entered = new Date(now.getTime() - (10 + 5 * stage) * day - hour);
  const ticket = await insertTicket(t.ctx.db, {
    companyId: acme.company.id,
    createdBy: acme.customer.id,
    status: 'waiting_customer',
    slaState: 'none',
    createdAt: new Date(entered.getTime() - day),
    updatedAt: entered,
  });
  const [event] = await t.ctx.db
    .insert(ticketEvents)
    .values({
      ticketId: ticket.id,
      at: entered,
      kind: 'status_changed',
      visibility: 'public',
      before: { status: 'in_progress' },
      after: { status: 'waiting_customer' },
    })
    .returning({ id: ticketEvents.id });
  await t.ctx.db.insert(ticketTimers).values(
    steps.map((kind, i) => {
      const at = new Date(entered.getTime() + (10 + 5 * i) * day);
      const done = i < stage;
      return {
        ticketId: ticket.id,
        kind,
        dueAt: at,
        scheduledAt: at,
        ladder: String(event?.id),
        state: done ? ('done' as const) : ('pending' as const),
        doneAt: done ? at : null,
        createdAt: entered,
      };
    }),
  );
  return ticket.id;
}

/** A ticket in progress with the agent whose engagement is at risk since a minute ago (R7). */
async function atRisk(): Promise<string> {
  const ticket = await insertTicket(t.ctx.db, {
    companyId: acme.company.id,
    createdBy: acme.customer.id,
    status: 'in_progress',
    assigneeId: staff.agent.id,
    engagementDueAt: new Date(now.getTime() + hour),
    slaState: 'at_risk',
    createdAt: new Date(now.getTime() - day),
  });
  await t.ctx.db.insert(ticketTimers).values({
    ticketId: ticket.id,
    kind: 'sla_engagement_at_risk',
    dueAt: new Date(now.getTime() - 60_000),
    ladder: 'sla',
    createdAt: ticket.createdAt,
  });
  return ticket.id;
}

/** What each step did to a ticket: its mails by template and its timeline entries by kind. */
async function effectsOf(ids: string[]) {
  const mails = await t.ctx.db
    .select({ ticketId: outbox.ticketId, template: outbox.template, n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(inArray(outbox.ticketId, ids))
    .groupBy(outbox.ticketId, outbox.template);
  const entries = await t.ctx.db
    .select({ ticketId: ticketEvents.ticketId, kind: ticketEvents.kind, n: sql<number>`count(*)::int` })
    .from(ticketEvents)
    .where(and(inArray(ticketEvents.ticketId, ids), sql`${ticketEvents.kind} <> 'status_changed'`))
    .groupBy(ticketEvents.ticketId, ticketEvents.kind);
  const rows = await t.ctx.db
    .select({ id: tickets.id, status: tickets.status, closeReason: tickets.closeReason })
    .from(tickets)
    .where(inArray(tickets.id, ids));
  return Object.fromEntries(
    ids.map((id) => [
      id,
      {
        mails: Object.fromEntries(mails.filter((m) => m.ticketId === id).map((m) => [m.template, m.n])),
        entries: Object.fromEntries(entries.filter((e) => e.ticketId === id).map((e) => [e.kind, e.n])),
        status: rows.find((r) => r.id === id)?.status,
      },
    ]),
  );
}

const pendingDue = async (ids: string[]) => {
  const [row] = await t.ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(ticketTimers)
    .where(
      and(
        inArray(ticketTimers.ticketId, ids),
        eq(ticketTimers.state, 'pending'),
        sql`${ticketTimers.dueAt} <= ${now.toISOString()}::timestamptz`,
      ),
    );
  return row?.n;
};

/** Each step's mails and entries, exactly once (and the SLA warning's notice and mail). */
function expectEachOnce(effects: Awaited<ReturnType<typeof effectsOf>>, ids: Record<Step | 'sla', string[]>) {
  for (const id of ids.reminder_1) {
    expect(effects[id]).toEqual({
      mails: { 'ticket.reminder_1': 1 },
      entries: { reminder_queued: 1 },
      status: 'waiting_customer',
    });
  }
  for (const id of ids.reminder_2) {
    expect(effects[id]).toEqual({
      mails: { 'ticket.reminder_2': 1 },
      entries: { reminder_queued: 1 },
      status: 'waiting_customer',
    });
  }
  for (const id of ids.auto_close) {
    expect(effects[id]).toEqual({ mails: { 'ticket.closed': 1 }, entries: { closed: 1 }, status: 'closed' });
  }
  for (const id of ids.sla) {
    expect(effects[id]).toEqual({ mails: { 'sla.at_risk': 1 }, entries: {}, status: 'in_progress' });
  }
}

async function seedMixed(perStep: number) {
  const ids: Record<Step | 'sla', string[]> = { reminder_1: [], reminder_2: [], auto_close: [], sla: [] };
  for (let i = 0; i < perStep; i += 1) {
    for (const step of steps) ids[step].push(await waitingAt(step));
    ids.sla.push(await atRisk());
  }
  return ids;
}

describe('timers fired by the batch', () => {
  it('fires a batch of mixed steps (first and second reminders, closings, an SLA warning) each exactly once', async () => {
    t.clock.set(now);
    const ids = await seedMixed(3);
    const all = Object.values(ids).flat();
    // All twelve in one batch: one transaction did every kind of step.
    expect(await runDueTimers(t.ctx, { batchSize: 100, maxBatches: 1 })).toBe(12);
    expect(await pendingDue(all)).toBe(0);
    expectEachOnce(await effectsOf(all), ids);
    const [notice] = await t.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(inArray(notifications.ticketId, ids.sla));
    expect(notice?.n).toBe(3);
    // Another run finds nothing more to do.
    expect(await runDueTimers(t.ctx)).toBe(0);
    expectEachOnce(await effectsOf(all), ids);
  });

  it('rolls the whole batch back when one of its writes fails: nothing half-done, all fired once on the next run', async () => {
    t.clock.set(now);
    const ids = await seedMixed(2);
    const all = Object.values(ids).flat();
    const failing = ids.reminder_2[1];
    // The last write of the batch (the reminders' internal entries) fails for one ticket.
    await t.ctx.db.execute(
      sql.raw(`create function refuse_entry() returns trigger language plpgsql as $$
        begin raise exception 'refused for the test'; end $$`),
    );
    await t.ctx.db.execute(
      sql.raw(`create trigger refuse_entry before insert on ticket_events for each row
        when (new.kind = 'reminder_queued' and new.ticket_id = '${failing}') execute function refuse_entry()`),
    );
    try {
      await expect(runDueTimers(t.ctx, { batchSize: 100 })).rejects.toThrow();
      expect(await pendingDue(all)).toBe(all.length);
      const effects = await effectsOf(all);
      for (const id of all) expect(effects[id]?.mails).toEqual({});
      for (const id of all) expect(effects[id]?.entries).toEqual({});
      for (const id of ids.auto_close) expect(effects[id]?.status).toBe('waiting_customer');
    } finally {
      await t.ctx.db.execute(sql.raw('drop trigger refuse_entry on ticket_events'));
      await t.ctx.db.execute(sql.raw('drop function refuse_entry()'));
    }
    expect(await runDueTimers(t.ctx, { batchSize: 100 })).toBe(all.length);
    expect(await pendingDue(all)).toBe(0);
    expectEachOnce(await effectsOf(all), ids);
  });
});

describe.runIf(testEngine() === 'postgres')('timers on PostgreSQL, beside other work', () => {
  let other: Database;
  beforeAll(async () => {
    const result = await t.ctx.db.execute<{ name: string }>(sql`select current_database() as name`);
    const name = (result as unknown as { rows: { name: string }[] }).rows[0]?.name ?? '';
    const testDb = inject('testDb');
    if (testDb.engine !== 'postgres') throw new Error('PostgreSQL only');
    other = await openPostgres(withDatabase(testDb.url, name), 4);
  });
  afterAll(() => other.close());

  it('two workers running at once never fire a timer twice', { timeout: 300_000 }, async () => {
    t.clock.set(now);
    const ids = await seedMixed(60);
    const all = Object.values(ids).flat();
    const second: AppContext = { ...t.ctx, db: other.db };
    const [a, b] = await Promise.all([
      runDueTimers(t.ctx, { batchSize: 25 }),
      runDueTimers(second, { batchSize: 25 }),
    ]);
    expect(a + b).toBe(all.length);
    expect(await pendingDue(all)).toBe(0);
    expectEachOnce(await effectsOf(all), ids);
  });

  it('leaves the timer of a ticket held by a change in progress for a later run, then fires it once', async () => {
    t.clock.set(now);
    const ids = await seedMixed(1);
    const all = Object.values(ids).flat();
    const held = ids.auto_close[0] as string;
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    // Another transaction holds the ticket (as a reply being recorded would) until told to finish.
    const change = other.db.transaction(async (tx) => {
      await tx.select().from(tickets).where(eq(tickets.id, held)).for('update');
      locked();
      await released;
    });
    await isLocked;
    try {
      expect(await runDueTimers(t.ctx)).toBe(3);
      const effects = await effectsOf(all);
      expect(effects[held]).toEqual({ mails: {}, entries: {}, status: 'waiting_customer' });
      expect(await pendingDue([held])).toBe(1);
    } finally {
      release();
      await change;
    }
    expect(await runDueTimers(t.ctx)).toBe(1);
    expect(await pendingDue(all)).toBe(0);
    expectEachOnce(await effectsOf(all), ids);
  });
});
