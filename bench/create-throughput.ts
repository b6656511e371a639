/**
 * Ticket creations per second, through the application function and through HTTP.
 *
 *   npm run bench -- create [--count 5000] [--concurrency 8] [--max-seconds 60] [--keep] [--profile]
 *
 * Starts the application in this process on the benchmark database (seed it first). The seeded
 * customer opens `--count` support tickets with `createTicket` (`--concurrency` at a time), then
 * `--count` more with POST /api/tickets. Each creation is the whole use case: checks, desk number,
 * ticket row, timeline, SLA due times and timers, search document, receipt mail in the outbox.
 * Afterwards the created tickets are closed directly in the database so they do not swell the
 * queues the latency benchmark reads (`--keep` leaves them open).
 */
import { inArray, sql } from 'drizzle-orm';
import { createTicket } from '../src/app/tickets/create-ticket';
import { tickets } from '../src/db/schema/index';
import { actorFor, rows, startBenchApp } from './app';
import {
  benchCustomerEmail,
  benchPassword,
  HttpClient,
  ms,
  numberArg,
  percentiles,
  printTable,
  profileStatements,
  runBounded,
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
    const actor = await actorFor(bench.ctx, benchCustomerEmail);
    const [assistance] = await rows<{ id: string }>(
      bench.database,
      sql`select id from request_types where code = 'assistance'`,
    );
    if (!assistance) throw new Error('request type assistance missing');
    const input = (i: number) => ({
      desk: 'support' as const,
      requestTypeId: assistance.id,
      criticality: (['moyenne', 'basse', 'haute', 'critique'] as const)[i % 4] ?? 'moyenne',
      subject: `Erreur de facturation sur la commande ${i}`,
      description:
        'Lors de la validation de la commande, la facture ne se génère pas et un message d’erreur ' +
        's’affiche. Die Rechnung wird nicht erstellt. Merci de votre aide.',
      softwareVersion: '12.4',
      module: 'Ventes',
    });

    const client = new HttpClient(bench.base);
    await client.login(benchCustomerEmail, benchPassword);

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
        const result = await runBounded(n, lanes, maxSeconds, task);
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
          String(budgetPerSecond),
          (perSecond / budgetPerSecond).toFixed(2),
        ]);
      }
    }
    console.log('');
    printTable(
      ['mode', 'conc', 'created', 's', 'tickets/s', 'p50 ms', 'p95 ms', 'p99 ms', 'budget/s', 'rate/budget'],
      table,
    );
    console.log('\na rate/budget ratio below 1.00 misses the budget');
    profile?.print();
  } finally {
    if (!process.argv.includes('--keep')) {
      for (let i = 0; i < created.length; i += 1000) {
        await bench.ctx.db
          .update(tickets)
          .set({
            status: 'closed',
            closeReason: 'solution_delivered',
            closedAt: sql`${tickets.updatedAt}`,
            engagementDueAt: null,
            resolutionDueAt: null,
            slaState: 'met',
          })
          .where(inArray(tickets.id, created.slice(i, i + 1000)));
      }
      console.log(`closed the ${created.length} tickets created here`);
    }
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
