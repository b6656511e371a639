/**
 * `npm run bench -- noisy [--seconds 15] [--burst 40]`: company B's latency while company A bursts.
 *
 * Two customer companies on a small database of their own (BENCH_NOISY_DATABASE_URL, default
 * guichet_bench_noisy next to the benchmark database). Two people of company B read their ticket
 * list at a steady human pace (5 a second each, within their limits), first alone, then while four
 * people of company A hammer the same endpoint (`--burst` requests in flight) for `--seconds`.
 * The burst runs in a thread of its own, as another machine would: it shares the cores with the
 * server, not the server's event loop. It runs twice: with the API rate limits off, and with the
 * configured ones (RATE_LIMIT_* of the environment, else the defaults), and prints B's p95 alone
 * and under the burst, their ratio, and how many of A's requests were answered or refused (429).
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { hashPassword } from '../src/app/auth/passwords';
import { composeContext } from '../src/composition';
import { loadConfig } from '../src/config';
import { openPostgres } from '../src/db/client';
import { systemClock } from '../src/domain/clock';
import { buildApp } from '../src/http/app';
import {
  assertLoopback,
  benchDatabaseUrl,
  benchPassword,
  HttpClient,
  ms,
  numberArg,
  percentiles,
  printTable,
} from './lib';

const url =
  process.env.BENCH_NOISY_DATABASE_URL ??
  (() => {
    const u = new URL(benchDatabaseUrl);
    u.pathname = '/guichet_bench_noisy';
    return u.toString();
  })();
assertLoopback(url);
const seconds = numberArg('seconds', 15);
const burst = numberArg('burst', 40);
const aloneSeconds = 10;
const ticketsPerCompany = 30;
/** B's pace: each of its two people asks every 200 ms (a person clicking fast, not a robot). */
const paceMs = 200;
const people = { a: ['manager', 'one', 'two', 'three'], b: ['manager', 'one'] } as const;

async function ensureDatabase(): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!found.rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

const emailOf = (tag: 'a' | 'b', who: string) => `${who}.${tag}@noisy.test`;

/** The two companies and their people (created once): company A (the noisy one) and company B. */
async function seed(database: Awaited<ReturnType<typeof openPostgres>>): Promise<void> {
  const hash = await hashPassword(benchPassword);
  for (const tag of ['a', 'b'] as const) {
    await database.db.execute(
      sql`
      WITH company AS (
        INSERT INTO companies (name, created_at) SELECT ${`Noisy ${tag.toUpperCase()}`}, now()
        WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = ${emailOf(tag, 'manager')})
        RETURNING id
      ), contract AS (
        INSERT INTO contracts (company_id, kind, reference, starts_on, created_at)
        SELECT id, 'maintenance', ${`MNT-NOISY-${tag}`}, '2019-01-01', now() FROM company
      )
      INSERT INTO users (email, name, role, company_id, is_manager, language, password_hash, created_at)
      SELECT ${emailOf(tag, 'manager')}, ${`Manager ${tag.toUpperCase()}`}, 'customer', id, true, 'en', ${hash}, now()
        FROM company`,
    );
    for (const who of people[tag].slice(1)) {
      await database.db.execute(
        sql`
        INSERT INTO users (email, name, role, company_id, is_manager, language, password_hash, created_at)
        SELECT ${emailOf(tag, who)}, ${`${who} ${tag.toUpperCase()}`}, 'customer', company_id, false, 'en', ${hash}, now()
          FROM users WHERE email = ${emailOf(tag, 'manager')}
          AND NOT EXISTS (SELECT 1 FROM users WHERE email = ${emailOf(tag, who)})`,
      );
    }
  }
}

/** B's p95: its people read the list at their pace until `until` says stop. */
async function measureB(
  clients: HttpClient[],
  until: () => boolean,
): Promise<{ p95: number; count: number }> {
  const durations: number[] = [];
  const lane = async (client: HttpClient) => {
    let next = performance.now();
    while (!until()) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const t0 = performance.now();
      await client.expect(200, 'GET', '/api/tickets?limit=50');
      durations.push(performance.now() - t0);
      next = Math.max(next + paceMs, t0);
    }
  };
  await Promise.all(clients.map(lane));
  const p = percentiles(durations);
  return { p95: p.p95, count: p.count };
}

// The burst: plain JavaScript for a worker thread; counts the answers by status.
const burstSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, cookies, burst, seconds } = workerData;
const statuses = {};
let stop = false;
const ends = Date.now() + seconds * 1000;
parentPort.on('message', () => { stop = true; });
async function lane(n) {
  const headers = { accept: 'application/json', cookie: cookies[n % cookies.length] };
  while (!stop && Date.now() < ends) {
    try {
      const response = await fetch(base + '/api/tickets?limit=50', { headers });
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] || 0) + 1;
    } catch {
      statuses.error = (statuses.error || 0) + 1;
    }
  }
}
Promise.all(Array.from({ length: burst }, (_, n) => lane(n))).then(() => parentPort.postMessage(statuses));
`;

function startBurst(
  base: string,
  cookies: string[],
): { done: Promise<Record<string, number>>; stop(): void } {
  const worker = new Worker(burstSource, { eval: true, workerData: { base, cookies, burst, seconds } });
  const done = new Promise<Record<string, number>>((resolve, reject) => {
    worker.once('message', (statuses: Record<string, number>) => {
      void worker.terminate();
      resolve(statuses);
    });
    worker.once('error', reject);
  });
  return { done, stop: () => worker.postMessage('stop') };
}

async function signIn(base: string, tag: 'a' | 'b'): Promise<HttpClient[]> {
  const clients = [];
  for (const who of people[tag]) {
    const client = new HttpClient(base);
    await client.login(emailOf(tag, who), benchPassword);
    clients.push(client);
  }
  return clients;
}

async function run(label: string, env: Record<string, string>): Promise<string[]> {
  const database = await openPostgres(url, 10);
  await database.migrate();
  const config = {
    ...loadConfig({ SEED_DEMO: 'false', WORKER: 'false', LOG_LEVEL: 'silent', ...env }),
    secret: 'bench-secret-'.padEnd(40, 'x'),
  };
  const ctx = composeContext({ db: database.db, clock: systemClock, config, publicUrl: 'http://127.0.0.1' });
  const app = await buildApp({ ctx, webDist: '/nonexistent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    // Counters left by the previous run must not refuse this run's sign-ins and setup.
    await database.db.execute(sql`DELETE FROM rate_limit_counters`);
    const a = await signIn(base, 'a');
    const b = await signIn(base, 'b');
    for (const client of [a[0], b[0]] as HttpClient[]) {
      const list = (await client.expect(200, 'GET', '/api/tickets?limit=50')) as { items: unknown[] };
      const types = (await client.expect(200, 'GET', '/api/request-types')) as {
        items: { id: string; code: string }[];
      };
      for (let i = list.items.length; i < ticketsPerCompany; i += 1) {
        await client.expect(201, 'POST', '/api/tickets', {
          desk: 'support',
          requestTypeId: types.items.find((t) => t.code === 'assistance')?.id,
          criticality: 'moyenne',
          subject: `Noisy neighbour ticket ${i}`,
          description: 'A ticket for the noisy-neighbour benchmark.',
        });
      }
    }
    // Fresh windows: the setup does not count against the measured phases.
    await database.db.execute(sql`DELETE FROM rate_limit_counters`);
    const aloneEnds = performance.now() + aloneSeconds * 1000;
    const alone = await measureB(b, () => performance.now() >= aloneEnds);
    await database.db.execute(sql`DELETE FROM rate_limit_counters`);

    const noise = startBurst(
      base,
      a.map((client) => client.cookieHeader()),
    );
    let burstOver = false;
    void noise.done.finally(() => {
      burstOver = true;
    });
    // If B's run fails, the burst stops too, and the error is reported.
    const during = await measureB(b, () => burstOver).catch((error: unknown) => {
      noise.stop();
      throw error;
    });
    const statuses = await noise.done;
    const other = Object.entries(statuses)
      .filter(([status]) => status !== '200' && status !== '429')
      .map(([status, n]) => `${n}×${status}`)
      .join(' ');
    return [
      label,
      ms(alone.p95),
      ms(during.p95),
      `${(during.p95 / alone.p95).toFixed(2)}×`,
      `${alone.count}/${during.count}`,
      String(statuses['200'] ?? 0),
      String(statuses['429'] ?? 0),
      other || '—',
    ];
  } finally {
    await app.close();
    await database.close();
  }
}

await ensureDatabase();
{
  const database = await openPostgres(url, 2);
  await database.migrate();
  await seed(database);
  await database.close();
}
const configured = loadConfig(process.env);
const rows = [
  await run('limits off', {
    RATE_LIMIT_USER_PER_WINDOW: '100000000',
    RATE_LIMIT_COMPANY_PER_WINDOW: '100000000',
  }),
  await run(
    `limits on (${configured.RATE_LIMIT_USER_PER_WINDOW}/person, ${configured.RATE_LIMIT_COMPANY_PER_WINDOW}/company per ${configured.RATE_LIMIT_WINDOW_SECONDS} s)`,
    {
      RATE_LIMIT_USER_PER_WINDOW: String(configured.RATE_LIMIT_USER_PER_WINDOW),
      RATE_LIMIT_COMPANY_PER_WINDOW: String(configured.RATE_LIMIT_COMPANY_PER_WINDOW),
      RATE_LIMIT_WINDOW_SECONDS: String(configured.RATE_LIMIT_WINDOW_SECONDS),
    },
  ),
];
console.log(
  `company B's ticket list (2 people, one request each every ${paceMs} ms) alone for ${aloneSeconds} s, then while ` +
    `4 people of company A keep ${burst} requests in flight for ${seconds} s (from another thread):`,
);
printTable(
  [
    'run',
    'B p95 alone (ms)',
    'B p95 under burst (ms)',
    'ratio',
    'B requests (alone/burst)',
    'A answered',
    'A refused (429)',
    'A other',
  ],
  rows,
);
