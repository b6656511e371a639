/**
 * `npm run bench -- noisy [--seconds 15] [--burst 40]`: company B's latency while company A bursts.
 *
 * Two customer companies on a small database of their own (BENCH_NOISY_DATABASE_URL, default
 * guichet_bench_noisy next to the benchmark database). Company B's manager reads its ticket list at
 * a steady pace (2 at a time) while company A's manager hammers the same endpoint (`--burst`
 * requests at a time) for `--seconds`; B's p95 is compared with B alone, once with the API rate
 * limits off and once with the configured ones (RATE_LIMIT_* of the environment, else the defaults).
 */
import { performance } from 'node:perf_hooks';
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
const ticketsPerCompany = 30;

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

/** The two managers (created once): company A (the noisy one) and company B. */
async function seed(database: Awaited<ReturnType<typeof openPostgres>>): Promise<void> {
  const hash = await hashPassword(benchPassword);
  for (const tag of ['a', 'b']) {
    await database.db.execute(
      sql`
      WITH company AS (
        INSERT INTO companies (name, created_at) SELECT ${`Noisy ${tag.toUpperCase()}`}, now()
        WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = ${`manager.${tag}@noisy.test`})
        RETURNING id
      ), contract AS (
        INSERT INTO contracts (company_id, kind, reference, starts_on, created_at)
        SELECT id, 'maintenance', ${`MNT-NOISY-${tag}`}, '2019-01-01', now() FROM company
      )
      INSERT INTO users (email, name, role, company_id, is_manager, language, password_hash, created_at)
      SELECT ${`manager.${tag}@noisy.test`}, ${`Manager ${tag.toUpperCase()}`}, 'customer', id, true, 'en', ${hash}, now()
        FROM company`,
    );
  }
}

interface Measure {
  p50: number;
  p95: number;
  count: number;
}

async function measureB(b: HttpClient, until: () => boolean, minimum: number): Promise<Measure> {
  const durations: number[] = [];
  const lane = async () => {
    while (durations.length < minimum || !until()) {
      const t0 = performance.now();
      await b.expect(200, 'GET', '/api/tickets?limit=50');
      durations.push(performance.now() - t0);
    }
  };
  await Promise.all([lane(), lane()]);
  const p = percentiles(durations);
  return { p50: p.p50, p95: p.p95, count: p.count };
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
    const a = new HttpClient(base);
    await a.login('manager.a@noisy.test', benchPassword);
    const b = new HttpClient(base);
    await b.login('manager.b@noisy.test', benchPassword);
    for (const client of [a, b]) {
      const list = (await client.expect(200, 'GET', '/api/tickets?limit=50')) as { items: unknown[] };
      for (let i = list.items.length; i < ticketsPerCompany; i += 1) {
        const types = (await client.expect(200, 'GET', '/api/request-types')) as {
          items: { id: string; code: string }[];
        };
        await client.expect(201, 'POST', '/api/tickets', {
          desk: 'support',
          requestTypeId: types.items.find((t) => t.code === 'assistance')?.id,
          criticality: 'moyenne',
          subject: `Noisy neighbour ticket ${i}`,
          description: 'A ticket for the noisy-neighbour benchmark.',
        });
      }
    }
    // Fresh windows: the limits of one phase do not leak into the next.
    await database.db.execute(sql`DELETE FROM rate_limit_counters`);
    const alone = await measureB(b, () => true, 150);
    await database.db.execute(sql`DELETE FROM rate_limit_counters`);

    let stop = false;
    const statuses = new Map<number, number>();
    const burstLane = async () => {
      while (!stop) {
        const { status } = await a.request('GET', '/api/tickets?limit=50');
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    const ends = performance.now() + seconds * 1000;
    const lanes = Array.from({ length: burst }, burstLane);
    // B stays under its own limit (600 a minute by default): 150 alone, at least 150 during.
    const during = await measureB(b, () => performance.now() >= ends, 150).finally(() => {
      stop = true;
    });
    await Promise.all(lanes);
    const answered = statuses.get(200) ?? 0;
    const refused = statuses.get(429) ?? 0;
    return [
      label,
      ms(alone.p95),
      ms(during.p95),
      `${(((during.p95 - alone.p95) / alone.p95) * 100).toFixed(0)} %`,
      String(during.count),
      String(answered),
      String(refused),
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
  `company B's ticket list (2 at a time) while company A sends ${burst} at a time for ${seconds} s:`,
);
printTable(
  [
    'run',
    'B p95 alone (ms)',
    'B p95 under burst (ms)',
    'increase',
    'B requests',
    'A answered',
    'A refused (429)',
  ],
  rows,
);
