/**
 * Ticket creations per second, through the application function and through HTTP.
 *
 *   npm run bench -- create [--count 5000] [--concurrency 8] [--max-seconds 60] [--modes app,http]
 *                           [--keep] [--profile]
 *
 * Starts the application in this process on the benchmark database (seed it first). A customer of
 * the smallest seeded company opens `--count` support tickets with `createTicket` (`--concurrency` at a time), then
 * `--count` more with POST /api/tickets, sent by clients in a separate process (bench/create-clients.ts)
 * so that the CPU measured in this process is the server's. Each creation is the whole use case: checks, desk number,
 * ticket row, timeline, SLA due times and timers, search document, receipt mail in the outbox.
 * Afterwards the created tickets are deleted with everything that refers to them, so the database
 * stays as seeded for the latency benchmark (`--keep` leaves them).
 */
import { spawn } from 'node:child_process';
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../src/app/auth/passwords';
import { createTicket } from '../src/app/tickets/create-ticket';
import { users } from '../src/db/schema/index';
import { actorFor, type BenchApp, rows, startBenchApp } from './app';
import { removeTickets } from './cleanup';
import { cpuNow, cpuPer } from './cpu';
import type { ClientResult, ClientRun } from './create-clients';
import { creationInput } from './create-input';
import {
  benchPassword,
  HttpClient,
  ms,
  numberArg,
  percentiles,
  printTable,
  profileStatements,
  runBounded,
  stringArg,
} from './lib';

const budgetPerSecond = 1000;

async function main() {
  const count = Math.max(1, Math.floor(numberArg('count', 5000)));
  const concurrency = Math.max(1, Math.floor(numberArg('concurrency', 8)));
  const maxSeconds = numberArg('max-seconds', 60);
  const profile = process.argv.includes('--profile') ? await profileStatements() : null;
  const bench = await startBenchApp({ poolSize: concurrency + 2 });
  const created: string[] = [];
  try {
    const email = await creatingCustomer(bench);
    const actor = await actorFor(bench.ctx, email);
    const [assistance] = await rows<{ id: string }>(
      bench.database,
      sql`select id from request_types where code = 'assistance'`,
    );
    if (!assistance) throw new Error('request type assistance missing');
    const input = (i: number) => creationInput(assistance.id, i);

    const client = new HttpClient(bench.base);
    await client.login(email, benchPassword);
    const csrf = /(?:^|; )guichet_csrf=([^;]*)/.exec(client.cookieHeader())?.[1] ?? '';

    type Run = (n: number, lanes: number, first: number) => Promise<Awaited<ReturnType<typeof runBounded>>>;
    const inProcess =
      (task: (i: number) => Promise<void>): Run =>
      (n, lanes, first) =>
        runBounded(n, lanes, maxSeconds, (i) => task(first + i));
    const httpTask = async (i: number) => {
      const body = (await client.expect(201, 'POST', '/api/tickets', input(i))) as { ticket: { id: string } };
      created.push(body.ticket.id);
    };
    const appRun = inProcess(async (i) => {
      const ticket = await createTicket(bench.ctx, actor, input(i));
      created.push(ticket.id);
    });
    const allModes: [string, string, Run, Run][] = [
      ['app', 'createTicket (app function)', appRun, appRun],
      [
        'http',
        'POST /api/tickets (HTTP)',
        inProcess(httpTask),
        async (n, lanes, first) => {
          const result = await httpClients({
            base: bench.base,
            cookie: client.cookieHeader(),
            csrf,
            requestTypeId: assistance.id,
            first,
            count: n,
            concurrency: lanes,
            maxSeconds,
          });
          created.push(...result.ids);
          return result;
        },
      ],
    ];
    const wanted = (stringArg('modes') ?? 'app,http').split(',');
    const modes = allModes.filter(([key]) => wanted.includes(key));
    let first = 0;
    const table: string[][] = [];
    for (const [, name, warmUp, measured] of modes) {
      for (const lanes of [1, concurrency]) {
        const n = lanes === 1 ? Math.ceil(count / 5) : count;
        await warmUp(20, lanes, first);
        first += 20;
        const cpuBefore = await cpuNow(bench.database);
        const result = await measured(n, lanes, first);
        first += n;
        const cpu = cpuPer(cpuBefore, await cpuNow(bench.database), result.durations.length);
        if (result.errors) console.error(`${name}: ${result.errors} errors, first:`, result.firstError);
        const latency = percentiles(result.durations);
        const perSecond = (latency.count / result.elapsedMs) * 1000;
        console.log(`${name.padEnd(30)} c=${lanes}  ${Math.round(perSecond)} tickets/s`);
        table.push([
          name,
          String(lanes),
          String(latency.count),
          (result.elapsedMs / 1000).toFixed(1),
          String(Math.round(perSecond)),
          ms(latency.p50),
          ms(latency.p95),
          ms(latency.p99),
          ms(cpu.node),
          ms(cpu.database),
          String(budgetPerSecond),
          (perSecond / budgetPerSecond).toFixed(2),
        ]);
      }
    }
    console.log('');
    printTable(
      [
        'mode',
        'conc',
        'created',
        's',
        'tickets/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'node CPU ms',
        'db CPU ms',
        'budget/s',
        'rate/budget',
      ],
      table,
    );
    console.log('\na rate/budget ratio below 1.00 misses the budget');
    profile?.print();
  } finally {
    if (!process.argv.includes('--keep')) {
      await removeTickets(bench.database, created);
      console.log(`removed the ${created.length} tickets created here`);
    }
    await bench.close();
  }
}

/**
 * The customer who opens the tickets: the first user of the smallest seeded company, given the
 * benchmark password, so the company the latency benchmark signs in to is left as seeded.
 */
async function creatingCustomer(bench: BenchApp): Promise<string> {
  const [user] = await rows<{ id: string; email: string; password_hash: string | null }>(
    bench.database,
    sql`select u.id, u.email, u.password_hash from bench.customers c join users u on u.id = c.user_id
        where c.k = 0 order by c.company_n desc limit 1`,
  );
  if (!user) throw new Error('no seeded customer: seed first');
  if (!user.password_hash) {
    await bench.ctx.db
      .update(users)
      .set({ passwordHash: await hashPassword(benchPassword) })
      .where(eq(users.id, user.id));
  }
  return user.email;
}

/**
 * Runs the HTTP clients in a process of their own (bench/create-clients.ts), so that this
 * process's CPU is the server's alone.
 */
function httpClients(run: ClientRun): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/create-clients.ts', JSON.stringify(run)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) reject(new Error(`the HTTP clients ended with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ClientResult);
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
