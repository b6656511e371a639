import { and, eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { outbox, storedMails, ticketMessages, tickets } from '../../src/db/schema/index';
import { workerTasks } from '../../src/jobs/tasks';
import { startWorker } from '../../src/jobs/worker';
import { type TestApp, TestClient, testApp } from '../support/app';
import { testEngine } from '../support/db';
import { createCompany, createUser, type TestCompany, ticketInput } from '../support/factories';

describe('probes', () => {
  it('answers /livez and /readyz while the database answers', async () => {
    const t = await testApp();
    try {
      expect((await t.app.inject({ url: '/livez' })).json()).toEqual({ status: 'alive' });
      const ready = await t.app.inject({ url: '/readyz' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({ status: 'ready', database: 'up', migrations: 'applied' });
    } finally {
      await t.close();
    }
  });
});

/**
 * The database goes away under load (every connection of this test's own database is terminated,
 * and for a while new ones are refused), as in a restart or a failover. The machine's cluster is
 * never stopped: only this database's sessions are cut.
 */
describe.runIf(testEngine() === 'postgres')('losing the database connection', () => {
  let t: TestApp;
  let acme: TestCompany;
  let admin: pg.Client;
  let dbName: string;
  const serverErrors: string[] = [];

  beforeAll(async () => {
    // What the server logs as an unhandled error is kept: an outage must never look like a bug.
    t = await testApp({
      log: { write: (line: string) => void (line.includes('unhandled error') && serverErrors.push(line)) },
    });
    acme = await createCompany(t.ctx.db);
    const result = await t.ctx.db.execute<{ name: string }>(sql`select current_database() as name`);
    dbName = (result as unknown as { rows: { name: string }[] }).rows[0]?.name ?? '';
    // The administrative connection lives in another database, so cutting this one spares it.
    const testDb = inject('testDb');
    if (testDb.engine !== 'postgres') throw new Error('PostgreSQL only');
    admin = new pg.Client({ connectionString: testDb.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin.end();
    await t.close();
  });

  const terminateAll = () =>
    admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [dbName],
    );
  const allowConnections = (allowed: boolean) =>
    admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS ${allowed}`);

  it('stays up, answers 503 while it is away, reconnects by itself and loses nothing acknowledged', {
    timeout: 240_000,
  }, async () => {
    const workerErrors: unknown[] = [];
    const worker = startWorker(t.ctx, workerTasks, {
      intervalMs: 50,
      log: (_msg, err) => workerErrors.push(err),
    });
    const acknowledgedTickets: string[] = [];
    const acknowledgedMessages: string[] = [];
    const unavailable: { code: string; message: string; language: string }[] = [];
    const unexpected: string[] = [];

    const body = await ticketInput(t.ctx.db);
    const clients = await Promise.all(
      (['fr', 'de', 'en'] as const).map(async (language, index) => {
        const user = await createUser(t.ctx.db, { role: 'customer', companyId: acme.company.id, language });
        const client = new TestClient(t.app, `10.9.0.${index + 1}`);
        await client.login(user.email);
        return { client, language };
      }),
    );
    // A client that is told 503 waits a moment and tries again, as the web client's user would.
    const untilDone = async (language: string, send: () => ReturnType<TestClient['post']>) => {
      for (;;) {
        const response = await send();
        if (response.statusCode === 201) return response.json();
        if (response.statusCode === 503) {
          unavailable.push({ ...response.json(), language });
          await pause(20);
        } else {
          unexpected.push(`${response.statusCode} ${response.body}`);
          return null;
        }
      }
    };
    const operationsPerClient = 12;
    const load = clients.map(async ({ client, language }) => {
      for (let i = 0; i < operationsPerClient; i += 1) {
        const created = await untilDone(language, () =>
          client.request({
            method: 'POST',
            url: '/api/tickets',
            payload: { ...body, subject: `Outage ${language} ${i}` },
            headers: { 'accept-language': language },
          }),
        );
        if (!created) continue;
        acknowledgedTickets.push(created.ticket.id);
        const replied = await untilDone(language, () =>
          client.request({
            method: 'POST',
            url: `/api/tickets/${created.ticket.id}/messages`,
            payload: { body: `Still broken (${i})` },
            headers: { 'accept-language': language },
          }),
        );
        if (replied) acknowledgedMessages.push(replied.message.id);
      }
    });

    const readiness = async () => (await t.app.inject({ url: '/readyz' })).statusCode;
    const chaos = (async () => {
      await until(() => acknowledgedTickets.length >= 3);
      await terminateAll(); // a proxy cutting every connection: they come back at once
      await until(() => acknowledgedTickets.length >= 10);
      // A restart: connections are cut and refused for a while.
      await allowConnections(false);
      await terminateAll();
      const seen = unavailable.length;
      await until(async () => unavailable.length >= seen + 6 && (await readiness()) === 503);
      expect((await t.app.inject({ url: '/livez' })).statusCode).toBe(200);
      await allowConnections(true);
      await until(async () => (await readiness()) === 200);
      await until(() => acknowledgedTickets.length >= 20);
      await terminateAll();
    })();

    const checkNothingLost = async () => {
      expect(unexpected).toEqual([]);
      expect(serverErrors).toEqual([]);
      expect(acknowledgedTickets).toHaveLength(clients.length * operationsPerClient);
      expect(acknowledgedMessages).toHaveLength(clients.length * operationsPerClient);
      // While the database was away, people were told so in their language.
      const byLanguage = new Map(unavailable.map((u) => [u.language, u]));
      expect(byLanguage.get('fr')).toMatchObject({
        code: 'database_unavailable',
        requestId: expect.any(String),
      });
      expect(byLanguage.get('fr')?.message).toContain('indisponible');
      expect(byLanguage.get('de')?.message).toContain('nicht verfügbar');
      expect(byLanguage.get('en')?.message).toContain('unavailable');

      // Everything acknowledged is there.
      const storedTickets = await t.ctx.db
        .select({ id: tickets.id })
        .from(tickets)
        .where(inArray(tickets.id, acknowledgedTickets));
      expect(storedTickets).toHaveLength(acknowledgedTickets.length);
      const storedMessages = await t.ctx.db
        .select({ id: ticketMessages.id })
        .from(ticketMessages)
        .where(inArray(ticketMessages.id, acknowledgedMessages));
      expect(storedMessages).toHaveLength(acknowledgedMessages.length);

      // The worker survived too: every receipt mail of an acknowledged ticket leaves, exactly once.
      // A mail claimed just before the cut waits out its lease: move the clock past it.
      t.clock.advance(10 * 60_000);
      const receipts = and(
        inArray(outbox.ticketId, acknowledgedTickets),
        eq(outbox.template, 'ticket.received'),
      );
      await until(async () => {
        const pending = await t.ctx.db
          .select({ id: outbox.id })
          .from(outbox)
          .where(and(receipts, eq(outbox.status, 'pending')));
        return pending.length === 0;
      });
      const sent = await t.ctx.db
        .select({ id: outbox.id, status: outbox.status })
        .from(outbox)
        .where(receipts);
      expect(sent).toHaveLength(acknowledgedTickets.length);
      expect(sent.every((row) => row.status === 'sent')).toBe(true);
      const delivered = await t.ctx.db
        .select({ outboxId: storedMails.outboxId })
        .from(storedMails)
        .where(
          inArray(
            storedMails.outboxId,
            sent.map((row) => row.id),
          ),
        );
      expect(delivered).toHaveLength(sent.length);
    };

    try {
      await Promise.all([...load, chaos]);
      await checkNothingLost();
    } finally {
      await worker.stop();
    }
  });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a condition (the test's own timeout bounds it). */
async function until(condition: () => boolean | Promise<boolean>) {
  while (!(await condition())) await pause(20);
}
