/**
 * `npm run bench -- timers [--timers 100000] [--interval 5000]`: one worker fires 100,000 due
 * R9 timers (first reminders, second reminders and automatic closings), each exactly once.
 *
 * Recreates a database of its own (BENCH_TIMERS_DATABASE_URL, default guichet_bench_timers next to
 * the benchmark database) and fills it with INSERT … SELECT: one ticket waiting on the customer per
 * timer, a third whose first reminder is due, a third whose second reminder is due (the first one
 * sent on time), a third whose closing is due (both reminders sent), each due within the last day.
 * The rows are those the application writes (bench/timers-data.ts). Then it starts one worker
 * process as `npm run worker` does (`node dist/server/worker.mjs`, compiled first, system clock, the
 * mail store, `--interval` as WORKER_INTERVAL_MS), polls until no timer is due, stops it, and prints
 * the elapsed time, timers per second, the ratio to the 60 s budget, the worker's resident memory,
 * and the exactly-once check: per ticket, the mails and timeline events of its step.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { assertLoopback, benchDatabaseUrl, numberArg, printTable, stringArg } from './lib';
import { compiledProgram } from './server-process';
import { prepareDueTimers } from './timers-data';

const url =
  process.env.BENCH_TIMERS_DATABASE_URL ??
  (() => {
    const u = new URL(benchDatabaseUrl);
    u.pathname = '/guichet_bench_timers';
    return u.toString();
  })();
assertLoopback(url);
const count = numberArg('timers', 100_000);
const intervalMs = numberArg('interval', 5000);
const maxSeconds = numberArg('max-seconds', 900);
const profileDir = stringArg('profile');
const budgetSeconds = 60;
const root = fileURLToPath(new URL('..', import.meta.url));

async function recreateDatabase(): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

/** Resident memory of a process, in MiB (Linux). */
function rssMiB(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb ?? 0) / 1024;
  } catch {
    return 0;
  }
}

function startWorker(program: string[]): ChildProcess {
  // Node itself, not npx: the pid is the worker's (for its memory) and SIGTERM reaches it.
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child = spawn(process.execPath, [...profile, ...program], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      WORKER_INTERVAL_MS: String(intervalMs),
      SMTP_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

const dueCount = async (client: pg.Client) =>
  Number(
    (
      await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ticket_timers WHERE state = 'pending' AND due_at <= now()`,
      )
    ).rows[0]?.n ?? 0,
  );

/**
 * Per step, how many of its tickets got exactly one of what the step does, none, or more than one.
 * A reminder: its mail in the outbox (same template and series) and its internal "queued" entry;
 * a closing: the ticket closed, its 'closed' event and its closing mail. Nothing of a later step
 * may have happened (the catch-up rule moves a later step after the one that fired).
 */
async function exactlyOnce(client: pg.Client): Promise<string[][]> {
  const { rows } = await client.query<{
    what: string;
    tickets: string;
    once: string;
    none: string;
    more: string;
  }>(`
    WITH per_ticket AS (
      SELECT p.stage, p.ticket_id,
        (SELECT count(*) FROM outbox o WHERE o.ticket_id = p.ticket_id::text AND o.template = 'ticket.reminder_1'
           AND o.params ->> 'series' = p.ladder AND o.params ? 'timelineWhenSent') AS reminder_1_mails,
        (SELECT count(*) FROM outbox o WHERE o.ticket_id = p.ticket_id::text AND o.template = 'ticket.reminder_2'
           AND o.params ->> 'series' = p.ladder AND o.params ? 'timelineWhenSent') AS reminder_2_mails,
        (SELECT count(*) FROM outbox o WHERE o.ticket_id = p.ticket_id::text AND o.template = 'ticket.closed') AS closed_mails,
        (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = p.ticket_id AND e.kind = 'reminder_queued'
           AND e.data ->> 'reminder' = '1') AS reminder_1_events,
        (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = p.ticket_id AND e.kind = 'reminder_queued'
           AND e.data ->> 'reminder' = '2') AS reminder_2_events,
        (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = p.ticket_id AND e.kind = 'closed') AS closed_events,
        (SELECT status = 'closed' FROM tickets t WHERE t.id = p.ticket_id) AS closed
      FROM bench_timers.plan p
    ), checks AS (
      SELECT 'reminder 1: mail' AS what, 1 AS ord, reminder_1_mails AS n FROM per_ticket WHERE stage = 0
      UNION ALL SELECT 'reminder 1: timeline entry', 2, reminder_1_events FROM per_ticket WHERE stage = 0
      UNION ALL SELECT 'reminder 2: mail', 3, reminder_2_mails FROM per_ticket WHERE stage = 1
      UNION ALL SELECT 'reminder 2: timeline entry', 4, reminder_2_events FROM per_ticket WHERE stage = 1
      UNION ALL SELECT 'closing: closed event', 5, closed_events FROM per_ticket WHERE stage = 2
      UNION ALL SELECT 'closing: mail', 6, closed_mails FROM per_ticket WHERE stage = 2
      UNION ALL SELECT 'closing: ticket closed', 7, closed::int FROM per_ticket WHERE stage = 2
      UNION ALL SELECT 'nothing of a later step', 8,
        CASE stage WHEN 0 THEN reminder_2_mails + reminder_2_events + closed_mails + closed_events
                   WHEN 1 THEN closed_mails + closed_events
                   ELSE 0 END + 1
        FROM per_ticket
    )
    SELECT what, count(*) AS tickets, count(*) FILTER (WHERE n = 1) AS once,
      count(*) FILTER (WHERE n = 0) AS none, count(*) FILTER (WHERE n > 1) AS more
    FROM checks GROUP BY what, ord ORDER BY ord`);
  return rows.map((r) => [r.what, r.tickets, r.once, r.none, r.more].map(String));
}

await recreateDatabase();
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const prepared = await prepareDueTimers(url, client, count);
  console.log(
    `prepared ${prepared.due.toLocaleString('en')} due timers on ${prepared.tickets.toLocaleString('en')} waiting tickets ` +
      `(${prepared.byKind}) in ${prepared.seconds.toFixed(1)} s`,
  );

  const program = await compiledProgram('worker');
  const started = performance.now();
  const worker = startWorker(program);
  const pid = worker.pid ?? 0;
  let exited = false;
  worker.once('exit', () => {
    exited = true;
  });
  let peak = 0;
  let firstFiredAt = 0;
  let left = prepared.due;
  while (!exited) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    peak = Math.max(peak, rssMiB(pid));
    left = await dueCount(client);
    if (!firstFiredAt && left < prepared.due) firstFiredAt = performance.now();
    if (left === 0 || performance.now() - started > maxSeconds * 1000) break;
  }
  const ended = performance.now();
  const elapsed = (ended - started) / 1000;
  const rss = rssMiB(pid);
  const stopped = new Promise((resolve) => worker.once('exit', resolve));
  worker.kill('SIGTERM');
  await stopped;
  const fired = prepared.due - left;

  console.log(`\n${count.toLocaleString('en')} due timers, one worker (WORKER_INTERVAL_MS=${intervalMs})`);
  printTable(
    [
      'elapsed s',
      'from first fire s',
      'timers fired',
      'timers/s',
      'budget s',
      'elapsed/budget',
      'RSS MiB',
      'peak RSS MiB',
    ],
    [
      [
        elapsed.toFixed(1),
        firstFiredAt ? ((ended - firstFiredAt) / 1000).toFixed(1) : '—',
        fired.toLocaleString('en'),
        (fired / elapsed).toFixed(0),
        String(budgetSeconds),
        (elapsed / budgetSeconds).toFixed(2),
        rss.toFixed(0),
        peak.toFixed(0),
      ],
    ],
  );
  if (left) console.log(`\nSTOPPED after ${maxSeconds} s with ${left} timers still due`);
  console.log('\nexactly once (tickets per step: once / none / more than once)');
  printTable(['check', 'tickets', 'once', 'none', 'more'], await exactlyOnce(client));
} finally {
  await client.end();
}
