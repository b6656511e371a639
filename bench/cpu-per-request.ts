/**
 * Server CPU per request, and the server's memory after the run.
 *
 *   npm run bench -- cpu [--requests 2000] [--concurrency 8] [--max-seconds 30] [--only <name part>]
 *                        [--data-dir <dir>]   (PGlite in <dir>/pglite instead of BENCH_DATABASE_URL)
 *
 * Starts the real server in a process of its own (`node dist/server/main.mjs`, compiled first, no worker,
 * request log on, rate limits raised so that no answer is a 429), signs in `--concurrency` cookie
 * sessions of the seeded customer and of the seeded agent, and runs each scenario with
 * `--concurrency` requests in flight. A request's CPU is the server process's user + system time
 * plus that of its PostgreSQL backends (found by application_name), divided by the requests.
 * Tickets created here are deleted at the end (PostgreSQL; `--keep` leaves them).
 */
import { openPostgres } from '../src/db/client';
import { removeTickets } from './cleanup';
import { cpuPer, serverCpuNow } from './cpu';
import {
  assertLoopback,
  benchAgentEmail,
  benchCustomerEmail,
  benchDatabaseUrl,
  benchPassword,
  HttpClient,
  ms,
  numberArg,
  percentiles,
  printTable,
  runBounded,
  stringArg,
} from './lib';
import { startServerProcess } from './server-process';

/** CPU milliseconds per request the issue asks for (node + database). */
const targets = { read: 1, list: 2, reply: 3, create: 2 };

interface Scenario {
  name: string;
  targetMs: number;
  run(index: number): Promise<void>;
}

async function main() {
  const requests = Math.max(10, Math.floor(numberArg('requests', 2000)));
  const concurrency = Math.max(1, Math.floor(numberArg('concurrency', 8)));
  const maxSeconds = numberArg('max-seconds', 30);
  const dataDir = stringArg('data-dir');
  const only = stringArg('only');
  if (!dataDir) assertLoopback(benchDatabaseUrl);
  const server = await startServerProcess({
    ...(dataDir ? { DATA_DIR: dataDir } : { DATABASE_URL: benchDatabaseUrl }),
    RATE_LIMIT_USER_PER_WINDOW: '100000000',
    RATE_LIMIT_COMPANY_PER_WINDOW: '100000000',
  });
  const database = dataDir ? null : await openPostgres(benchDatabaseUrl, 2);
  const created: string[] = [];
  try {
    const signIn = async (email: string) => {
      const client = new HttpClient(server.base);
      await client.login(email, benchPassword);
      return client;
    };
    // One after the other: parallel sign-ins of one account would meet the sign-in throttle.
    const customers: HttpClient[] = [];
    const agents: HttpClient[] = [];
    for (let i = 0; i < concurrency; i += 1) {
      customers.push(await signIn(benchCustomerEmail));
      agents.push(await signIn(benchAgentEmail));
    }
    const lane = <T>(list: T[], i: number) => list[i % list.length] as T;
    const customer = customers[0] as HttpClient;

    const catalogue = (await customer.expect(200, 'GET', '/api/request-types')) as {
      items: { id: string; code: string }[];
    };
    const assistance = catalogue.items.find((item) => item.code === 'assistance');
    if (!assistance) throw new Error('request type assistance missing');
    const companyList = (await customer.expect(200, 'GET', '/api/tickets')) as { items: { id: string }[] };
    const companyIds = companyList.items.map((item) => item.id);
    if (!companyIds.length) throw new Error("the customer's company has no tickets: seed first");

    const message = (i: number, visibility: 'public' | 'internal') => ({
      body: `Message ${i}: la facture ne se met pas à jour après la saisie du règlement.`,
      visibility,
    });
    const onCreated = async (i: number, client: HttpClient, body: unknown) => {
      await client.expect(201, 'POST', `/api/tickets/${lane(created, i)}/messages`, body);
    };
    const scenarios: Scenario[] = [
      {
        name: 'create a support ticket',
        targetMs: targets.create,
        run: async (i) => {
          const body = (await lane(customers, i).expect(201, 'POST', '/api/tickets', {
            desk: 'support',
            requestTypeId: assistance.id,
            criticality: (['moyenne', 'basse', 'haute', 'critique'] as const)[i % 4],
            subject: `Problème de facture numéro ${i}`,
            description: 'Lors de la saisie, le règlement ne se met pas à jour. Merci de votre aide.',
            softwareVersion: '12.4',
            module: 'Ventes',
          })) as { ticket: { id: string } };
          created.push(body.ticket.id);
        },
      },
      {
        name: 'read a ticket (customer)',
        targetMs: targets.read,
        run: async (i) => {
          await lane(customers, i).expect(200, 'GET', `/api/tickets/${lane(companyIds, i)}`);
        },
      },
      {
        name: 'read a ticket (agent)',
        targetMs: targets.read,
        run: async (i) => {
          await lane(agents, i).expect(200, 'GET', `/api/tickets/${lane(companyIds, i)}`);
        },
      },
      {
        name: "list the company's 50 newest",
        targetMs: targets.list,
        run: async (i) => {
          await lane(customers, i).expect(200, 'GET', '/api/tickets');
        },
      },
      {
        name: 'customer reply',
        targetMs: targets.reply,
        run: (i) => onCreated(i, lane(customers, i), message(i, 'public')),
      },
      {
        name: 'agent internal note',
        targetMs: targets.reply,
        run: (i) => onCreated(i, lane(agents, i), message(i, 'internal')),
      },
      {
        name: 'agent public answer',
        targetMs: targets.reply,
        run: (i) => onCreated(i, lane(agents, i), message(i, 'public')),
      },
    ];

    const table: string[][] = [];
    for (const scenario of scenarios) {
      // The replies need tickets of their own: creation always runs (first), measured or not.
      const measured = !only || scenario.name.includes(only) || scenario.name.startsWith('create');
      if (!measured) continue;
      await runBounded(Math.min(50, requests), concurrency, maxSeconds, (i) => scenario.run(i)); // warm-up
      const before = await serverCpuNow(server, database);
      const result = await runBounded(requests, concurrency, maxSeconds, (i) => scenario.run(i));
      const cpu = cpuPer(before, await serverCpuNow(server, database), result.durations.length);
      if (result.errors)
        console.error(`${scenario.name}: ${result.errors} errors, first:`, result.firstError);
      const latency = percentiles(result.durations);
      const total = cpu.node + cpu.database;
      console.log(
        `${scenario.name.padEnd(30)} ${ms(total)} ms CPU per request (target ${scenario.targetMs})`,
      );
      table.push([
        scenario.name,
        String(latency.count),
        String(Math.round((latency.count / result.elapsedMs) * 1000)),
        ms(latency.p50),
        ms(latency.p95),
        ms(cpu.node),
        ms(cpu.database),
        ms(total),
        String(scenario.targetMs),
        (total / scenario.targetMs).toFixed(2),
      ]);
    }
    const rss = await server.rssMiB();
    console.log('');
    printTable(
      ['request', 'n', 'req/s', 'p50 ms', 'p95 ms', 'node ms', 'db ms', 'CPU ms', 'target', 'CPU/target'],
      table,
    );
    const rssTarget = dataDir ? 350 : 250;
    console.log(
      `\nCPU per request with ${concurrency} in flight (${dataDir ? 'PGlite' : 'PostgreSQL'}); a ratio above 1.00 misses the target`,
    );
    console.log(
      `server RSS after the run: ${rss.toFixed(0)} MiB (target ${rssTarget} MiB, ratio ${(rss / rssTarget).toFixed(2)})`,
    );
  } finally {
    await server.stop();
    if (database) {
      if (!process.argv.includes('--keep')) await removeTickets(database, created);
      await database.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
