import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type Actor, actorOf } from '../../src/app/context';
import { noticeOf, type TicketChangedNotice } from '../../src/app/live/channel';
import { mayHear } from '../../src/app/live/hub';
import { demoPassword, seedDemo } from '../../src/app/seed/demo';
import { composeContext } from '../../src/composition';
import { openPostgres } from '../../src/db/client';
import { users } from '../../src/db/schema/index';
import { systemClock } from '../../src/domain/clock';
import { withDatabase } from '../support/global-setup';
import { configOf } from '../support/installation';
import { startSmtpSink } from '../support/smtp-sink';
import { backendStats, startHaproxy } from '../support/topology/haproxy';
import { type Outcome, RecordingClient } from '../support/topology/http-client';
import { LiveClient } from '../support/topology/live-client';
import { type Load, runLoad } from '../support/topology/load';
import { freePort, type Started, startGuichet, stopAll, waitUntil } from '../support/topology/processes';

/**
 * The production shape of the README, as plain processes on loopback: HAProxy with the sample
 * configuration (deploy/haproxy.cfg) in front of three web instances (WORKER=false), two worker
 * processes delivering mail to an SMTP server, all on one PostgreSQL database. Under a bounded
 * mixed load with live clients, one web instance is killed (SIGKILL) and another restarted
 * (SIGTERM, then started again). Nothing here measures time: every wait is for a state, bounded
 * only so that a broken build fails instead of hanging.
 */
const url = process.env.TEST_DATABASE_URL;
const dbName = `${new URL(url ?? 'postgres://x/none').pathname.slice(1)}_topology_${process.pid}`;
const admin = async (statement: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(statement);
  await client.end();
};
const programs: Started[] = [];
let work = '';
afterAll(async () => {
  await stopAll(programs);
  if (url) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  if (work) await rm(work, { recursive: true, force: true });
});

const customers = ['client@acme.demo', 'manager@acme.demo', 'kunde@bergmann.demo'];
const staff = ['agent@guichet.demo', 'admin@guichet.demo'];
const minutes = 60_000;

describe('three web instances and two workers behind HAProxy, one killed and one restarted under load', () => {
  it('keeps every acknowledged write, sends every mail once, and tells every live client every change', {
    timeout: 40 * minutes,
  }, async () => {
    if (!url)
      throw new Error('this test needs TEST_DATABASE_URL (the PostgreSQL server the instances share)');
    work = await mkdtemp(join(tmpdir(), 'guichet-topology-'));
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${dbName}`);
    const databaseUrl = withDatabase(url, dbName);
    const database = await openPostgres(databaseUrl, 2);
    await database.migrate();
    const config = configOf({ DATABASE_URL: databaseUrl, DATA_DIR: work });
    const ctx = composeContext({
      db: database.db,
      clock: systemClock,
      config,
      publicUrl: 'http://localhost',
    });
    await seedDemo(ctx);
    const sink = await startSmtpSink();

    const [bind, stats, ...webPorts] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const base = `http://127.0.0.1:${bind}`;
    const statsBase = `http://127.0.0.1:${stats}`;
    const common = {
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: config.secret,
      SEED_DEMO: 'false',
      DATA_DIR: work,
      LOG_LEVEL: 'warn',
      INBOUND_SMTP_PORT: '0',
      SMTP_URL: sink.url,
      RATE_LIMIT_USER_PER_WINDOW: '1000000',
      RATE_LIMIT_COMPANY_PER_WINDOW: '1000000',
    };
    const web = (i: number) =>
      startGuichet(`web${i + 1}`, 'src/main.ts', {
        ...common,
        PORT: String(webPorts[i]),
        HOST: '127.0.0.1',
        WORKER: 'false',
        // Above the sample's checks (inter 2s × fall 3), as the sample's comment asks.
        SHUTDOWN_DRAIN_MS: '8000',
      });
    const instances = [web(0), web(1), web(2)];
    const workers = [1, 2].map((n) =>
      startGuichet(`worker${n}`, 'src/jobs/worker-main.ts', { ...common, WORKER_INTERVAL_MS: '300' }),
    );
    const haproxy = startHaproxy({
      bind: `127.0.0.1:${bind}`,
      stats: `127.0.0.1:${stats}`,
      web: webPorts.map((port) => `127.0.0.1:${port}`) as [string, string, string],
    });
    programs.push(...instances, ...workers, haproxy);
    const serverUp = async (name: string) =>
      (await backendStats(statsBase)).find((s) => s.name === name)?.status === 'UP';
    const everyone = () => [...programs];
    for (const name of ['web1', 'web2', 'web3']) {
      await waitUntil(() => serverUp(name), `${name} up at the balancer`, 10 * minutes, everyone());
    }

    // Sign in through the balancer; live clients connect before the load starts.
    const outcomes: Outcome[] = [];
    const sessions = new Map<string, RecordingClient>();
    for (const email of [...customers, ...staff]) {
      const client = new RecordingClient(base, outcomes);
      await client.login(email, demoPassword);
      sessions.set(email, client);
    }
    const liveClients = ['agent@guichet.demo', 'client@acme.demo', 'kunde@bergmann.demo'].map(
      (email) => new LiveClient(email, `${base}/api/live/tickets`, sessions.get(email)?.cookieHeader() ?? ''),
    );
    await Promise.all(liveClients.map((c) => c.connected()));
    const baseline = await latestLiveEvent(database.db);

    const load = runLoad(sessions, { customers, staff }, String(process.pid));
    const progress = (more: number) => {
      const target = load.acknowledged() + more;
      return waitUntil(
        () => load.acknowledged() >= target,
        `${more} more acknowledged writes`,
        10 * minutes,
        everyone(),
      );
    };
    // A third of the way: web1 dies at once, with whatever it was doing.
    await progress(15);
    const killAt = Date.now();
    instances[0]?.child.kill('SIGKILL');
    expect(await instances[0]?.exited).toBe('SIGKILL');
    // Until the kernel has ended it, the dying instance still takes connections.
    const deadAt = Date.now();
    // Then a rolling restart of web2: SIGTERM, a clean exit, a new process on the same port.
    await progress(15);
    instances[1]?.child.kill('SIGTERM');
    expect(await instances[1]?.exited).toBe(0);
    const web2 = web(1);
    programs.push(web2);
    await waitUntil(() => serverUp('web2'), 'the new web2 up at the balancer', 10 * minutes, everyone());
    // web1 comes back too (as a supervisor would restart it), and the load goes on a while.
    const web1 = web(0);
    programs.push(web1);
    await waitUntil(() => serverUp('web1'), 'the new web1 up at the balancer', 10 * minutes, everyone());
    await progress(15);
    load.stop();
    await load.done;

    // Every mail delivered, then every change heard.
    await waitUntil(
      async () => (await pendingMails(database.db)) === 0,
      'the outbox to be empty',
      10 * minutes,
      everyone(),
    );
    const changes = await liveEventsAfter(database.db, baseline);
    const hearers = await actorsOf(
      database.db,
      liveClients.map((c) => c.name),
    );
    expect(hearers.size).toBe(liveClients.length);
    const hearerOf = (client: LiveClient) => hearers.get(client.name) ?? null;
    const missedBy = (client: LiveClient) =>
      changes.filter(
        (c) =>
          hearerOf(client) !== null && mayHear(hearerOf(client) as Actor, c.notice) && !client.seen.has(c.id),
      );
    await waitUntil(
      () => liveClients.every((c) => missedBy(c).length === 0),
      'every live client to hear every change',
      5 * minutes,
    );
    for (const client of liveClients) client.stop();

    // The balancer failed only requests in flight at the killed instance when it died.
    const failed = outcomes.filter((o) => o.status === 0 || o.status >= 500);
    const inFlightAtKill = outcomes.filter(
      (o) => o.startedAt <= deadAt && (o.endedAt === 0 || o.endedAt >= killAt),
    );
    const perServer = await backendStats(statsBase);
    const report = {
      requests: outcomes.length,
      failed: failed.length,
      failedDetail: failed.map(
        (o) =>
          `${o.method} ${o.path} → ${o.status || o.error} (sent ${o.startedAt - killAt} ms after the SIGKILL, ended ${o.endedAt - killAt} ms after)`,
      ),
      killedInstanceDiedAfterMs: deadAt - killAt,
      inFlightAtKill: inFlightAtKill.length,
      ticketsCreated: load.created.length,
      repliesAcknowledged: load.replies.length,
      mailsSent: sink.messages.length,
      liveChanges: changes.length,
      liveClients: liveClients.map((c) => ({ name: c.name, heard: c.seen.size, streams: c.connections })),
      balancer: perServer,
    };
    console.log(`balanced topology:\n${JSON.stringify(report, null, 2)}`);

    for (const failure of failed) {
      expect(failure.method).toBe('POST');
      expect(inFlightAtKill).toContain(failure);
    }
    for (const server of perServer.filter((s) => s.name !== 'web1')) {
      expect({ server: server.name, http5xx: server.http5xx, responseErrors: server.responseErrors }).toEqual(
        {
          server: server.name,
          http5xx: 0,
          responseErrors: 0,
        },
      );
    }
    expect(outcomes.filter((o) => o.status >= 400 && o.status < 500)).toEqual([]);

    // Every acknowledged write is there, once; an unanswered one is there at most once.
    await expectWritesKept(database.db, load);
    // Every mail left exactly once: one delivery per sent outbox row, no other.
    await expectMailsOnce(database.db, sink.messages);
    for (const client of liveClients) {
      expect(client.refused).toEqual([]);
      expect(missedBy(client)).toEqual([]);
    }
    // At least one stream was cut (three streams, opened in turn, went to the three instances).
    expect(liveClients.reduce((sum, c) => sum + c.cuts, 0)).toBeGreaterThan(0);

    await stopAll(programs);
    await sink.close();
    await database.close();
  });
});

type Db = Awaited<ReturnType<typeof openPostgres>>['db'];

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

async function latestLiveEvent(db: Db): Promise<number> {
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`select coalesce(max(id), 0) as id from live_events`),
  );
  return Number(row?.id ?? 0);
}

async function liveEventsAfter(
  db: Db,
  after: number,
): Promise<{ id: number; notice: TicketChangedNotice }[]> {
  const rows = rowsOf<{ id: string; notice: Partial<TicketChangedNotice> }>(
    await db.execute(sql`select id, notice from live_events where id > ${after} order by id`),
  );
  return rows.flatMap((row) => {
    const notice = noticeOf(row.notice);
    return notice ? [{ id: Number(row.id), notice }] : [];
  });
}

/** The actors the live clients signed in as, for deciding which changes each may hear. */
async function actorsOf(db: Db, emails: string[]): Promise<Map<string, Actor>> {
  const rows = await db.select().from(users).where(inArray(users.email, emails));
  return new Map(rows.map((row) => [row.email, actorOf(row)]));
}

async function pendingMails(db: Db): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from outbox where status = 'pending'`),
  );
  return row?.n ?? -1;
}

async function expectWritesKept(db: Db, load: Load): Promise<void> {
  const tickets = rowsOf<{ id: string; subject: string }>(
    await db.execute(sql`select id, subject from tickets where subject like 'Charge %'`),
  );
  const messages = rowsOf<{ id: string; body: string }>(
    await db.execute(
      sql`select id, body from ticket_messages where body like 'Précision %' or body like 'Réponse %'`,
    ),
  );
  const times = (texts: string[], text: string) => texts.filter((t) => t === text).length;
  const subjects = tickets.map((t) => t.subject);
  const bodies = messages.map((m) => m.body);
  for (const write of load.created) {
    expect({
      write: write.text,
      stored: tickets.filter((t) => t.id === write.id && t.subject === write.text).length,
    }).toEqual({ write: write.text, stored: 1 });
    expect(times(subjects, write.text)).toBe(1);
  }
  for (const write of load.replies) {
    expect({
      write: write.text,
      stored: messages.filter((m) => m.id === write.id && m.body === write.text).length,
    }).toEqual({ write: write.text, stored: 1 });
    expect(times(bodies, write.text)).toBe(1);
  }
  for (const write of load.unanswered) {
    expect(times(write.kind === 'ticket' ? subjects : bodies, write.text)).toBeLessThanOrEqual(1);
  }
  // Nothing was written that the load did not send.
  expect(subjects.length).toBeLessThanOrEqual(load.created.length + load.unanswered.length);
}

async function expectMailsOnce(db: Db, delivered: Buffer[]): Promise<void> {
  const sent = rowsOf<{ message_id: string }>(
    await db.execute(sql`select message_id from outbox where status = 'sent'`),
  ).map((r) => r.message_id);
  const received = delivered.map((raw) => /^Message-ID:\s*(<[^>]+>)/im.exec(raw.toString('utf8'))?.[1] ?? '');
  // The load's tickets and replies queue mail: a run that sent none proves nothing.
  expect(sent.length).toBeGreaterThan(0);
  expect(received.length).toBe(sent.length);
  expect([...received].sort()).toEqual([...sent].sort());
  expect(new Set(received).size).toBe(received.length);
  const [failed] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from outbox where status = 'failed'`),
  );
  expect(failed?.n).toBe(0);
}
