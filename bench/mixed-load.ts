/**
 * `npm run bench -- mixed [--users 50] [--seconds 60] [--think-ms 3000] [--database-url URL]`:
 * people working at the same time on the seeded data, against the server as an operator starts it.
 *
 * Starts Guichet in a process of its own (`node dist/server/main.mjs`, compiled first, worker included) on the
 * PGlite data directory BENCH_DATA_DIR (seed it with `seed --pglite`), or on PostgreSQL when given
 * `--database-url`. One person in five is an agent, the others customers of the largest companies
 * (two per company); each signs in, works through 20–40 actions with a pause between two, signs
 * out and starts again, until `--seconds` have passed (bench/mixed-users.ts). Prints p50/p95/p99
 * per kind of action and overall, the errors (any 4xx/5xx, timeouts), the server's RSS at the end,
 * then the agent queue one request at a time on the same server.
 */

import { performance } from 'node:perf_hooks';
import { inArray, sql } from 'drizzle-orm';
import { hashPassword } from '../src/app/auth/passwords';
import { loadConfig } from '../src/config';
import { openConfiguredDatabase } from '../src/db/open';
import { users } from '../src/db/schema/index';
import { rows } from './app';
import {
  assertLoopback,
  benchAgentEmail,
  benchCustomerEmail,
  benchDataDir,
  benchPassword,
  HttpClient,
  ms,
  numberArg,
  percentiles,
  printTable,
  stringArg,
} from './lib';
import { actAs, type Person, type Recorder } from './mixed-users';
import { startServerProcess } from './server-process';

const userCount = Math.max(2, Math.floor(numberArg('users', 50)));
const seconds = numberArg('seconds', 60);
const thinkMs = numberArg('think-ms', 3000);
const timeoutMs = numberArg('timeout-ms', 10_000);
const databaseUrl = stringArg('database-url');
/** A CPU profile of the server (`node --cpu-prof`), written to this folder when it stops. */
const profileDir = stringArg('cpu-prof');
if (databaseUrl) assertLoopback(databaseUrl);
/** Limits an operator would keep for 50 people: the defaults (a person acts every few seconds). */
const rateLimits = {
  RATE_LIMIT_USER_PER_WINDOW: process.env.RATE_LIMIT_USER_PER_WINDOW ?? '60',
  RATE_LIMIT_COMPANY_PER_WINDOW: process.env.RATE_LIMIT_COMPANY_PER_WINDOW ?? '120',
  RATE_LIMIT_WINDOW_SECONDS: process.env.RATE_LIMIT_WINDOW_SECONDS ?? '10',
};
const databaseEnv: Record<string, string> = databaseUrl
  ? { DATABASE_URL: databaseUrl, DATA_DIR: `${benchDataDir}-files` }
  : { DATA_DIR: benchDataDir };

/** The seeded accounts the run signs in with, given the benchmark password (seeds give only two). */
function people(): Person[] {
  const agents = Math.max(1, Math.round(userCount / 5));
  const list: Person[] = [];
  for (let n = 0; n < agents; n += 1) {
    list.push({
      email: n === 0 ? benchAgentEmail : `staff${n}@bench.guichet.test`,
      role: 'agent',
      address: '',
    });
  }
  for (let i = 0; list.length < userCount; i += 1) {
    const company = Math.floor(i / 2);
    const k = i % 2;
    const email =
      company === 0 && k === 0 ? benchCustomerEmail : `user${company}.${k}@client${company}.bench.test`;
    list.push({ email, role: 'customer', address: '' });
  }
  return list.map((person, i) => ({ ...person, address: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}` }));
}

/** Sets the password of the run's accounts and reads the request type, before the server opens the data. */
async function prepare(list: Person[]): Promise<string> {
  const database = await openConfiguredDatabase(loadConfig({ ...databaseEnv, LOG_LEVEL: 'silent' }));
  try {
    const found = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from information_schema.tables where table_schema = 'bench' and table_name = 'seed'`,
    );
    if (!found[0]?.n)
      throw new Error('not seeded: run `npm run bench -- seed --pglite` (or seed that database) first');
    const passwordHash = await hashPassword(benchPassword);
    await database.db
      .update(users)
      .set({ passwordHash })
      .where(
        inArray(
          users.email,
          list.map((p) => p.email),
        ),
      );
    const [type] = await rows<{ id: string }>(
      database,
      sql`select id from request_types where code = 'assistance'`,
    );
    if (!type) throw new Error('request type assistance missing');
    return type.id;
  } finally {
    await database.close();
  }
}

async function main() {
  const list = people();
  const requestTypeId = await prepare(list);
  const server = await startServerProcess({
    ...databaseEnv,
    ...rateLimits,
    // The worker runs in the embedded default's one process, unless told otherwise.
    WORKER: process.argv.includes('--no-worker') ? 'false' : 'true',
    // The people's own addresses come through the (simulated) reverse proxy on loopback.
    TRUST_PROXY: '127.0.0.1',
    ...(profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}),
  });
  const base = server.base;
  const rssOf = async () => (await server.rssMiB()) * 1024 * 1024;
  try {
    const rssStart = await rssOf();
    console.log(
      `${list.length} people (${list.filter((p) => p.role === 'agent').length} agents) for ${seconds} s, ` +
        `pause ${thinkMs} ms on average, on ${databaseUrl ? 'PostgreSQL' : `PGlite (${benchDataDir})`}; ` +
        `rate limits ${rateLimits.RATE_LIMIT_USER_PER_WINDOW}/person, ${rateLimits.RATE_LIMIT_COMPANY_PER_WINDOW}/company per ${rateLimits.RATE_LIMIT_WINDOW_SECONDS} s`,
    );
    const recorder: Recorder = { samples: new Map(), errors: new Map(), firstErrors: [] };
    const started = performance.now();
    const shape = { base, thinkMs, timeoutMs, deadline: started + seconds * 1000, requestTypeId };
    let peakRss = rssStart;
    const sampler = setInterval(() => {
      void rssOf().then((rss) => {
        peakRss = Math.max(peakRss, rss);
      });
    }, 500);
    // People arrive over the first ten seconds rather than all in the same millisecond.
    await Promise.all(
      list.map(async (person, i) => {
        await new Promise((resolve) =>
          setTimeout(resolve, (i / list.length) * Math.min(10_000, seconds * 200)),
        );
        await actAs(person, shape, recorder);
      }),
    );
    clearInterval(sampler);
    const elapsed = (performance.now() - started) / 1000;
    const rssEnd = await rssOf();
    report(recorder, elapsed);
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    console.log(
      `server RSS: ${mb(rssStart)} MiB at start, ${mb(peakRss)} MiB peak, ${mb(rssEnd)} MiB at the end`,
    );
    await queueOneAtATime(base, list.find((p) => p.role === 'agent') as Person);
  } finally {
    await server.stop();
  }
}

function report(recorder: Recorder, elapsed: number): void {
  const all: number[] = [];
  const table: string[][] = [];
  const kinds = [...new Set([...recorder.samples.keys(), ...recorder.errors.keys()])].sort();
  for (const kind of kinds) {
    const samples = recorder.samples.get(kind) ?? [];
    all.push(...samples);
    const p = percentiles(samples);
    table.push([
      kind,
      String(p.count),
      ms(p.p50),
      ms(p.p95),
      ms(p.p99),
      ms(p.max),
      String(recorder.errors.get(kind) ?? 0),
    ]);
  }
  const p = percentiles(all);
  const errors = [...recorder.errors.values()].reduce((sum, n) => sum + n, 0);
  table.push(['all requests', String(p.count), ms(p.p50), ms(p.p95), ms(p.p99), ms(p.max), String(errors)]);
  console.log(`\n${all.length} requests in ${elapsed.toFixed(1)} s (${(all.length / elapsed).toFixed(1)}/s)`);
  printTable(['kind (per request)', 'n', 'p50', 'p95', 'p99', 'max', 'errors'], table);
  console.log(
    `times in ms, as the clients saw them; target: p95 ≤ 300 ms overall with 0 errors (p95/300 = ${(p.p95 / 300).toFixed(2)})`,
  );
  for (const line of recorder.firstErrors) console.log(`  error: ${line}`);
}

/** The agent's "to qualify" queue, one request at a time, once the people have gone. */
async function queueOneAtATime(base: string, agent: Person): Promise<void> {
  const client = new HttpClient(base, { headers: { 'x-forwarded-for': agent.address } });
  await client.login(agent.email, benchPassword);
  const path = '/api/tickets?desk=support&status=open&sort=engagementDueAt&order=asc';
  // One request every 200 ms after a fresh window: 45 requests stay under the person's limit (60 in 10 s).
  const pause = () => new Promise((resolve) => setTimeout(resolve, 200));
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  for (let i = 0; i < 5; i += 1) {
    await client.expect(200, 'GET', path);
    await pause();
  }
  const samples: number[] = [];
  for (let i = 0; i < 40; i += 1) {
    const t0 = performance.now();
    await client.expect(200, 'GET', path);
    samples.push(performance.now() - t0);
    await pause();
  }
  const p = percentiles(samples);
  console.log(
    `\nagent queue (to qualify), one at a time, ${p.count} requests: p50 ${ms(p.p50)}, p95 ${ms(p.p95)} ms (target ≤ 50 ms)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
