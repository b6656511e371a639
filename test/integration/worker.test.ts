import { type ChildProcess, spawn } from 'node:child_process';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AppContext } from '../../src/app/context';
import { runDueTimers } from '../../src/app/timers/index';
import { type Database, type DbOrTx, openPostgres } from '../../src/db/client';
import { outbox, storedMails, ticketEvents, tickets, ticketTimers } from '../../src/db/schema/index';
import { addCalendarDays } from '../../src/domain/tickets/index';
import { dispatchOutbox } from '../../src/mail/dispatch';
import { type TestApp, testApp } from '../support/app';
import { testEngine } from '../support/db';
import { createCompany, type TestCompany } from '../support/factories';
import { withDatabase } from '../support/global-setup';

let t: TestApp;
let acme: TestCompany;
const day = 86_400_000;

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
});
afterAll(() => t.close());

/**
 * `n` tickets of acme that entered waiting_customer at `t0`, with their R9 series scheduled as the
 * hook does (set up in bulk: going through the app a thousand times would only slow the test).
 */
async function seedWaitingTickets(db: DbOrTx, n: number, t0: Date, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < n; start += 250) {
    const count = Math.min(250, n - start);
    const rows = await db
      .insert(tickets)
      .values(
        Array.from({ length: count }, (_, i) => ({
          desk: 'support' as const,
          key: `SUP-${tag}${start + i}`,
          number: 900_000 + start + i,
          companyId: acme.company.id,
          criticality: 'moyenne' as const,
          status: 'waiting_customer' as const,
          subject: `Waiting ${start + i}`,
          description: 'Waiting on the customer.',
          createdBy: acme.customer.id,
          createdAt: t0,
          updatedAt: t0,
        })),
      )
      .returning({ id: tickets.id });
    const events = await db
      .insert(ticketEvents)
      .values(
        rows.map((r) => ({
          ticketId: r.id,
          at: t0,
          kind: 'status_changed',
          visibility: 'public' as const,
          before: { status: 'in_progress' },
          after: { status: 'waiting_customer' },
        })),
      )
      .returning({ id: ticketEvents.id, ticketId: ticketEvents.ticketId });
    await db.insert(ticketTimers).values(
      events.flatMap((e) =>
        (
          [
            ['reminder_1', 10],
            ['reminder_2', 15],
            ['auto_close', 20],
          ] as const
        ).map(([kind, days]) => ({
          ticketId: e.ticketId,
          kind,
          dueAt: new Date(t0.getTime() + days * day),
          scheduledAt: new Date(t0.getTime() + days * day),
          ladder: String(e.id),
          createdAt: t0,
        })),
      ),
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

async function countWhere(db: DbOrTx, ids: string[], what: 'reminder_1' | 'reminder_2' | 'closed') {
  const template = what === 'closed' ? 'ticket.closed' : `ticket.${what}`;
  const [mails] = await db
    .select({ n: sql<number>`count(*)::int`, tickets: sql<number>`count(distinct ${outbox.ticketId})::int` })
    .from(outbox)
    .where(and(eq(outbox.template, template), inArray(outbox.ticketId, ids)));
  const eventFilter =
    what === 'closed'
      ? eq(ticketEvents.kind, 'closed')
      : and(
          eq(ticketEvents.kind, 'reminder_sent'),
          sql`${ticketEvents.data} ->> 'reminder' = ${what.slice(-1)}`,
        );
  const [events] = await db
    .select({
      n: sql<number>`count(*)::int`,
      tickets: sql<number>`count(distinct ${ticketEvents.ticketId})::int`,
    })
    .from(ticketEvents)
    .where(and(eventFilter, inArray(ticketEvents.ticketId, ids)));
  return { mails: mails?.n, mailTickets: mails?.tickets, events: events?.n, eventTickets: events?.tickets };
}

async function pendingDue(db: DbOrTx, now: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ticketTimers)
    .where(and(eq(ticketTimers.state, 'pending'), lte(ticketTimers.dueAt, now)));
  return row?.n ?? 0;
}

async function pendingMails(db: DbOrTx, now: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)));
  return row?.n ?? 0;
}

/**
 * A worker's loop over its tasks (due timers, then the outbox: a reminder counts as sent when its
 * mail leaves), until nothing is due.
 */
async function drain(ctx: AppContext) {
  for (let pass = 0; pass < 500; pass += 1) {
    await runDueTimers(ctx, { batchSize: 20, maxBatches: 5 });
    await dispatchOutbox(ctx, { batchSize: 50, maxBatches: 5 });
    const now = ctx.clock.now();
    if ((await pendingDue(ctx.db, now)) === 0 && (await pendingMails(ctx.db, now)) === 0) return;
  }
  throw new Error('timers never drained');
}

async function currentDatabaseUrl(): Promise<string> {
  const testDb = inject('testDb');
  if (testDb.engine !== 'postgres') throw new Error('PostgreSQL only');
  const result = await t.ctx.db.execute<{ name: string }>(sql`select current_database() as name`);
  const name = (result as unknown as { rows: { name: string }[] }).rows[0]?.name;
  if (!name) throw new Error('no database name');
  return withDatabase(testDb.url, name);
}

describe('R9 exactly once with two workers', () => {
  // 1,000 tickets on PostgreSQL; PGlite, with its one connection, only interleaves the two loops,
  // so a smaller set makes the same point there.
  const n = testEngine() === 'postgres' ? 1000 : 150;

  // Each step now also delivers its mails (the next step waits for them): a long test on a busy machine.
  it(`sends every reminder and closes every ticket once, over ${n} due tickets`, {
    timeout: 900_000,
  }, async () => {
    const t0 = new Date('2026-03-02T09:00:00Z');
    const ids = await seedWaitingTickets(t.ctx.db, n, t0, 'A');
    // Two workers: on PostgreSQL two connection pools (two instances); PGlite has a single
    // connection, so there the two loops interleave on it.
    const second: Database | null =
      testEngine() === 'postgres' ? await openPostgres(await currentDatabaseUrl(), 4) : null;
    const workerA: AppContext = t.ctx;
    const workerB: AppContext = { ...t.ctx, db: second?.db ?? t.ctx.db };
    try {
      for (const [offset, what] of [
        [10, 'reminder_1'],
        [15, 'reminder_2'],
        [20, 'closed'],
      ] as const) {
        t.clock.set(new Date(t0.getTime() + offset * day));
        await Promise.all([drain(workerA), drain(workerB)]);
        expect(await countWhere(t.ctx.db, ids, what)).toEqual({
          mails: n,
          mailTickets: n,
          events: n,
          eventTickets: n,
        });
      }
      const [open] = await t.ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(tickets)
        .where(and(inArray(tickets.id, ids), sql`${tickets.status} <> 'closed'`));
      expect(open?.n).toBe(0);
      // Each reminder counted once more, after the closing: nothing was repeated.
      expect((await countWhere(t.ctx.db, ids, 'reminder_1')).mails).toBe(n);
      expect((await countWhere(t.ctx.db, ids, 'reminder_2')).mails).toBe(n);
    } finally {
      await second?.close();
    }
  });
});

describe.runIf(testEngine() === 'postgres')('a real worker process', () => {
  const children: ChildProcess[] = [];
  // After each test, not only at the end: a worker left running by a failed or timed-out test
  // would act with its own clock on the next test's tickets.
  afterEach(() => {
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  // Node itself (not npx), so the signals reach the worker and not a wrapper.
  const start = (url: string, fakeNow: string): ChildProcess => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/jobs/worker-main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        GUICHET_FAKE_NOW: fakeNow,
        WORKER_INTERVAL_MS: '50',
        SESSION_SECRET: t.ctx.config.secret,
        SMTP_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return child;
  };
  const exited = (child: ChildProcess) =>
    new Promise<number | string | null>((resolve) =>
      child.once('exit', (code, signal) => resolve(code ?? signal)),
    );
  const until = async (check: () => Promise<boolean>, what: string, timeoutMs = 300_000) => {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('killed with SIGKILL mid-batch and restarted: nothing lost, nothing repeated', {
    timeout: 300_000,
  }, async () => {
    const t0 = new Date('2026-03-02T09:00:00Z');
    const ids = await seedWaitingTickets(t.ctx.db, 1000, t0, 'K');
    const url = await currentDatabaseUrl();
    const fakeNow = new Date(t0.getTime() + 10 * day + 3_600_000).toISOString();
    const done = async () => {
      const [row] = await t.ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(ticketTimers)
        .where(
          and(
            inArray(ticketTimers.ticketId, ids),
            eq(ticketTimers.kind, 'reminder_1'),
            eq(ticketTimers.state, 'done'),
          ),
        );
      return row?.n ?? 0;
    };

    const first = start(url, fakeNow);
    const firstExit = exited(first);
    await until(async () => (await done()) > 0, 'the first reminders');
    first.kill('SIGKILL');
    expect(await firstExit).toBe('SIGKILL');
    const atKill = await done();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(1000);

    const second = start(url, fakeNow);
    const secondExit = exited(second);
    const stored = async () => {
      const [row] = await t.ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(storedMails)
        .innerJoin(outbox, eq(outbox.id, storedMails.outboxId))
        .where(and(inArray(outbox.ticketId, ids), eq(outbox.template, 'ticket.reminder_1')));
      return row?.n ?? 0;
    };
    await until(async () => (await done()) === 1000 && (await stored()) >= 1000, 'all reminders delivered');
    second.kill('SIGTERM');
    expect(await secondExit).toBe(0);

    expect(await countWhere(t.ctx.db, ids, 'reminder_1')).toEqual({
      mails: 1000,
      mailTickets: 1000,
      events: 1000,
      eventTickets: 1000,
    });
    expect(await stored()).toBe(1000);
    // Reminder 2 and the closing are not due yet at the worker's time.
    expect((await countWhere(t.ctx.db, ids, 'reminder_2')).mails).toBe(0);
  });
  it('R9 catch-up with two worker processes and a SIGKILL in each phase: every step exactly once, at the spacing', {
    timeout: 900_000,
  }, async () => {
    const n = 200;
    const t0 = new Date('2026-01-05T09:00:00Z');
    const ids = await seedWaitingTickets(t.ctx.db, n, t0, 'C');
    const url = await currentDatabaseUrl();
    const count = async (template: string, sent: boolean) => {
      const [row] = await t.ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(outbox)
        .where(
          and(
            inArray(outbox.ticketId, ids),
            eq(outbox.template, template),
            sent ? eq(outbox.status, 'sent') : undefined,
          ),
        );
      return row?.n ?? 0;
    };
    /**
     * Two workers whose clocks start at `fakeNow` and run on; one is killed once the step has
     * started, the other finishes it. Returns how long the phase took, in real time.
     */
    const phase = async (fakeNow: Date, template: string) => {
      const began = Date.now();
      const [a, b] = [start(url, fakeNow.toISOString()), start(url, fakeNow.toISOString())];
      const [aExit, bExit] = [exited(a), exited(b)];
      await until(async () => (await count(template, false)) > 0, `the first ${template}`);
      a.kill('SIGKILL');
      expect(await aExit).toBe('SIGKILL');
      await until(async () => (await count(template, true)) === n, `every ${template} sent`);
      b.kill('SIGTERM');
      expect(await bExit).toBe(0);
      return Date.now() - began;
    };
    const sentAtOf = async (template: string) => {
      const rows = await t.ctx.db
        .select({ ticketId: outbox.ticketId, sentAt: outbox.sentAt, params: outbox.params })
        .from(outbox)
        .where(and(inArray(outbox.ticketId, ids), eq(outbox.template, template)));
      return new Map(rows.map((r) => [r.ticketId, { at: r.sentAt ?? new Date(0), params: r.params }]));
    };
    const earliest = (sent: Map<string | null, { at: Date }>) =>
      new Date(Math.min(...[...sent.values()].map((s) => s.at.getTime())));
    /** Each step left no earlier than 5 calendar days after the previous reminder of its ticket. */
    const expectSpacing = (
      steps: Map<string | null, { at: Date }>,
      previous: Map<string | null, { at: Date }>,
    ) => {
      expect(steps.size).toBe(n);
      for (const [ticketId, step] of steps) {
        const before = previous.get(ticketId)?.at;
        expect(before).toBeDefined();
        expect(step.at.getTime()).toBeGreaterThanOrEqual(addCalendarDays(before ?? new Date(), 5).getTime());
      }
    };

    // Nothing ran from day 9 to day 26: reminder 1 goes at once (within the phase), nothing else.
    const resumed = new Date(t0.getTime() + 26 * day);
    const took = await phase(resumed, 'ticket.reminder_1');
    expect(await countWhere(t.ctx.db, ids, 'reminder_1')).toEqual({
      mails: n,
      mailTickets: n,
      events: n,
      eventTickets: n,
    });
    expect(await count('ticket.reminder_2', false)).toBe(0);
    expect(await count('ticket.closed', false)).toBe(0);
    const first = await sentAtOf('ticket.reminder_1');
    for (const { at } of first.values()) {
      expect(at.getTime()).toBeGreaterThanOrEqual(resumed.getTime());
      expect(at.getTime()).toBeLessThanOrEqual(resumed.getTime() + took);
    }

    // The workers come back 5 days after the earliest reminder 1 and run on: no reminder 2 leaves
    // before 5 calendar days after its own reminder 1 (that the spacing counts from the instant
    // the mail left, not the one it was queued, is shown in timers-catch-up.test.ts with a
    // reminder whose mail leaves a day late).
    await phase(addCalendarDays(earliest(first), 5), 'ticket.reminder_2');
    expect(await countWhere(t.ctx.db, ids, 'reminder_2')).toEqual({
      mails: n,
      mailTickets: n,
      events: n,
      eventTickets: n,
    });
    const second = await sentAtOf('ticket.reminder_2');
    expectSpacing(second, first);
    expect(await count('ticket.closed', false)).toBe(0);

    await phase(addCalendarDays(earliest(second), 5), 'ticket.closed');
    expect(await countWhere(t.ctx.db, ids, 'closed')).toEqual({
      mails: n,
      mailTickets: n,
      events: n,
      eventTickets: n,
    });
    const closings = await sentAtOf('ticket.closed');
    expectSpacing(closings, second);
    // Each closing mail says when the two reminders of its ticket were sent.
    for (const [ticketId, closing] of closings) {
      expect(closing.params.remindersSentAt).toEqual([
        first.get(ticketId)?.at.toISOString(),
        second.get(ticketId)?.at.toISOString(),
      ]);
    }
    // Each reminder counted once more at the end: nothing was repeated.
    expect(await count('ticket.reminder_1', false)).toBe(n);
    expect(await count('ticket.reminder_2', false)).toBe(n);
  });
});
