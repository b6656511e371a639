/**
 * Ticket creations per second, through the application function and through HTTP.
 *
 *   npm run bench -- create [--count 5000] [--concurrency 8] [--max-seconds 60] [--keep] [--profile]
 *
 * Starts the application in this process on the benchmark database (seed it first). A customer of
 * the smallest seeded company opens `--count` support tickets with `createTicket` (`--concurrency` at a time), then
 * `--count` more with POST /api/tickets. Each creation is the whole use case: checks, desk number,
 * ticket row, timeline, SLA due times and timers, search document, receipt mail in the outbox.
 * Afterwards the created tickets are deleted with everything that refers to them, so the database
 * stays as seeded for the latency benchmark (`--keep` leaves them).
 */
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../src/app/auth/passwords';
import { createTicket } from '../src/app/tickets/create-ticket';
import { users } from '../src/db/schema/index';
import { actorFor, type BenchApp, rows, startBenchApp } from './app';
import { removeTickets } from './cleanup';
import { cpuNow, cpuPer } from './cpu';
import {
  benchPassword,
  HttpClient,
  ms,
  numberArg,
  percentiles,
  printTable,
  profileStatements,
  runBounded,
} from './lib';
import { frenchWords } from './words';

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
    const word = (i: number) => frenchWords[(i * 37) % frenchWords.length] ?? 'erreur';
    const input = (i: number) => ({
      desk: 'support' as const,
      requestTypeId: assistance.id,
      criticality: (['moyenne', 'basse', 'haute', 'critique'] as const)[i % 4] ?? 'moyenne',
      subject: `Problème ${word(i)} ${word(i + 1)} numéro ${i}`,
      description: `Lors de la saisie, ${word(i + 2)} et ${word(i + 3)} ne se mettent pas à jour. Merci de votre aide.`,
      softwareVersion: '12.4',
      module: 'Ventes',
    });

    const client = new HttpClient(bench.base);
    await client.login(email, benchPassword);

    const modes: [string, (i: number) => Promise<void>][] = [
      [
        'createTicket (app function)',
        async (i) => {
          const ticket = await createTicket(bench.ctx, actor, input(i));
          created.push(ticket.id);
        },
      ],
      [
        'POST /api/tickets (HTTP)',
        async (i) => {
          const body = (await client.expect(201, 'POST', '/api/tickets', input(i))) as {
            ticket: { id: string };
          };
          created.push(body.ticket.id);
        },
      ],
    ];
    const table: string[][] = [];
    for (const [name, task] of modes) {
      for (const lanes of [1, concurrency]) {
        const n = lanes === 1 ? Math.ceil(count / 5) : count;
        await runBounded(20, lanes, maxSeconds, task); // warm-up
        const cpuBefore = await cpuNow(bench.database);
        const result = await runBounded(n, lanes, maxSeconds, task);
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
