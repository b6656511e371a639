/**
 * Latency of the agent queue, a ticket page and full-text search, through HTTP on loopback.
 *
 *   npm run bench -- latency [--requests 2000] [--concurrency 8] [--max-seconds 30] [--only <name part>] [--explain] [--pglite]
 *
 * Starts the application in this process on the benchmark database (seed it first), signs in as
 * the seeded agent and customer, and runs each scenario twice: one request at a time, then with
 * `--concurrency` requests in flight. Prints p50/p95/p99 as seen by the client and by the server
 * (Fastify's time from request to response), and the server p95 against the budget of DESIGN.md.
 * With --explain, prints EXPLAIN ANALYZE of the queue and search queries the application runs.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor } from '../src/app/context';
import { type ListTicketsInput, searchQueryFor, ticketListQuery } from '../src/app/ticket-lists/list-tickets';
import { actorFor, type BenchApp, rawQuery, rows, startBenchApp } from './app';
import {
  benchAgentEmail,
  benchCustomerEmail,
  benchPassword,
  HttpClient,
  ms,
  numberArg,
  percentiles,
  printTable,
  runBounded,
  stringArg,
} from './lib';
import { commonSearchTerms, rareSearchTerms } from './words';

const notClosed =
  'open,qualified,in_progress,waiting_customer,waiting_development,transferred_development,transferred_consulting';

interface Scenario {
  name: string;
  budgetMs: number;
  /** One sample: one or more requests, all tagged with the sample id. */
  run(index: number, tag: Record<string, string>): Promise<void>;
}

async function main() {
  const requests = Math.max(10, Math.floor(numberArg('requests', 2000)));
  const concurrency = Math.max(1, Math.floor(numberArg('concurrency', 8)));
  const maxSeconds = numberArg('max-seconds', 30);
  const bench = await startBenchApp({ poolSize: concurrency + 2 });
  try {
    const agent = new HttpClient(bench.base);
    const customer = new HttpClient(bench.base);
    await agent.login(benchAgentEmail, benchPassword);
    await customer.login(benchCustomerEmail, benchPassword);
    const only = stringArg('only');
    const customerShares = await describeData(bench);
    const scenarios = (await buildScenarios(bench, agent, customer, customerShares)).filter(
      (scenario) => !only || scenario.name.includes(only),
    );

    const rows: string[][] = [];
    for (const scenario of scenarios) {
      for (const lanes of [1, concurrency]) {
        const count = lanes === 1 ? Math.ceil(requests / 4) : requests;
        // Warm-up: plans cached, connections open, pages in memory.
        await runBounded(Math.min(50, count), lanes, maxSeconds, (i) => scenario.run(i, {}));
        const sampleIds: string[] = [];
        const result = await runBounded(count, lanes, maxSeconds, async (i) => {
          const id = randomUUID();
          await scenario.run(i, { 'x-bench-sample': id });
          // Only answered samples count: a refused or failed request's server time is not a search.
          sampleIds.push(id);
        });
        if (result.errors) {
          console.error(`${scenario.name}: ${result.errors} errors, first:`, result.firstError);
        }
        if (sampleIds.length < 100) {
          console.error(
            `${scenario.name} c=${lanes}: only ${sampleIds.length} samples, p95 and p99 are rough`,
          );
        }
        const client = percentiles(result.durations);
        const server = percentiles(sampleIds.map((id) => bench.serverMs.get(id) ?? 0));
        bench.serverMs.clear();
        rows.push([
          scenario.name,
          String(lanes),
          String(client.count),
          `${Math.round((client.count / result.elapsedMs) * 1000)}`,
          ms(client.p50),
          ms(client.p95),
          ms(client.p99),
          ms(server.p50),
          ms(server.p95),
          ms(server.p99),
          String(scenario.budgetMs),
          (server.p95 / scenario.budgetMs).toFixed(2),
        ]);
        console.log(
          `${scenario.name.padEnd(28)} c=${lanes}  server p95 ${ms(server.p95)} ms  (budget ${scenario.budgetMs} ms)`,
        );
      }
    }
    console.log('');
    printTable(
      [
        'scenario',
        'conc',
        'n',
        'req/s',
        'cli p50',
        'cli p95',
        'cli p99',
        'srv p50',
        'srv p95',
        'srv p99',
        'budget',
        'srv p95/budget',
      ],
      rows,
    );
    console.log('\ntimes in ms; a ratio above 1.00 misses the budget');
    if (process.argv.includes('--explain')) await explain(bench);
  } finally {
    await bench.close();
  }
}

async function buildScenarios(
  bench: BenchApp,
  agent: HttpClient,
  customer: HttpClient,
  customerShares: Map<string, number>,
): Promise<Scenario[]> {
  const customerActor = await actorFor(bench.ctx, benchCustomerEmail);
  const agentIds = (
    await rows<{ id: string }>(bench.database, sql`select id from tickets tablesample system (1) limit 500`)
  ).map((r) => r.id);
  const customerIds = (
    await rows<{ id: string }>(
      bench.database,
      sql`select id from tickets where company_id = ${customerActor.companyId} order by random() limit 500`,
    )
  ).map((r) => r.id);
  if (!agentIds.length || !customerIds.length) throw new Error('no tickets to read: seed first');
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

  const toQualify = '/api/tickets?desk=support&status=open&sort=engagementDueAt&order=asc';
  const firstPage = (await agent.expect(200, 'GET', toQualify)) as { nextCursor: string | null };
  const secondPage = firstPage.nextCursor
    ? `${toQualify}&cursor=${encodeURIComponent(firstPage.nextCursor)}`
    : toQualify;

  const get = (client: HttpClient, path: string, tag: Record<string, string>) =>
    client.expect(200, 'GET', path, undefined, tag);
  const list = (name: string, client: HttpClient, path: string, budgetMs = 20): Scenario => ({
    name,
    budgetMs,
    run: async (_i, tag) => {
      await get(client, path, tag);
    },
  });
  const page = (name: string, client: HttpClient, ids: string[]): Scenario => ({
    name,
    budgetMs: 20,
    run: async (i, tag) => {
      const id = pick(ids, i);
      await get(client, `/api/tickets/${id}`, tag);
      await get(client, `/api/tickets/${id}/timeline`, tag);
    },
  });
  const search = (name: string, client: HttpClient, terms: readonly string[]): Scenario => ({
    name,
    budgetMs: 100,
    run: async (i, tag) => {
      await get(client, `/api/tickets?q=${encodeURIComponent(pick(terms, i))}`, tag);
    },
  });
  return [
    list('queue: to qualify', agent, toQualify),
    list('queue: to qualify, page 2', agent, secondPage),
    list('queue: to qualify, any desk', agent, '/api/tickets?status=open&sort=engagementDueAt&order=asc'),
    list(
      'queue: to pick up',
      agent,
      '/api/tickets?desk=support&status=qualified&sort=engagementDueAt&order=asc',
    ),
    list(
      'queue: mine',
      agent,
      `/api/tickets?assigneeId=me&status=${notClosed}&sort=resolutionDueAt&order=asc`,
    ),
    list('queue: all, by update', agent, '/api/tickets?sort=updatedAt&order=desc'),
    list('customer: company list', customer, '/api/tickets'),
    page('ticket page (agent)', agent, agentIds),
    page('ticket page (customer)', customer, customerIds),
    search('search common (agent)', agent, commonSearchTerms),
    // The customer's common words are those common in their company's tickets (a French-speaking
    // company's tickets hardly hold German words).
    search(
      'search common (customer)',
      customer,
      commonSearchTerms.filter((term) => (customerShares.get(term) ?? 0) >= 0.05),
    ),
    search('search rare (agent)', agent, rareSearchTerms),
    search('search rare (customer)', customer, rareSearchTerms),
  ];
}

/** Prints the data's size and each search term's share; answers the shares in the customer's company. */
async function describeData(bench: BenchApp): Promise<Map<string, number>> {
  const [row] = await rows<{ tickets: number; active: number; open: number; company: number }>(
    bench.database,
    sql`
      select (select count(*) from tickets)::int as tickets,
             (select count(*) from tickets where status <> 'closed')::int as active,
             (select count(*) from tickets where status = 'open' and desk = 'support')::int as open,
             (select count(*) from tickets t join users u on u.company_id = t.company_id
               where u.email = ${benchCustomerEmail})::int as company`,
  );
  console.log(
    `data: ${row?.tickets.toLocaleString('en')} tickets, ${row?.active.toLocaleString('en')} not closed, ` +
      `${row?.open.toLocaleString('en')} to qualify; the customer's company has ${row?.company.toLocaleString('en')}`,
  );
  // How many tickets each search term matches, to show which are common (5 % or more) or rare: in
  // the staff documents of all tickets, and in the public documents of the customer's company.
  const percent = (n: number, of: number) => `${((n / Math.max(1, of)) * 100).toFixed(2)} %`;
  const customerShares = new Map<string, number>();
  for (const term of [...commonSearchTerms, ...rareSearchTerms]) {
    const query = await searchQueryFor(bench.database.db, { q: term });
    const [found] = await rows<{ staff: number; customer: number }>(
      bench.database,
      sql`select count(*) filter (where staff_vector @@ ${query})::int as staff,
                 count(*) filter (where public_vector @@ ${query} and company_id = (
                   select company_id from users where email = ${benchCustomerEmail}))::int as customer
            from ticket_search`,
    );
    const staff = found?.staff ?? 0;
    const customer = found?.customer ?? 0;
    customerShares.set(term, customer / Math.max(1, row?.company ?? 0));
    console.log(
      `  "${term}": ${staff.toLocaleString('en')} tickets (${percent(staff, row?.tickets ?? 0)}); ` +
        `customer's company ${customer.toLocaleString('en')} (${percent(customer, row?.company ?? 0)})`,
    );
  }
  console.log('');
  return customerShares;
}

/** EXPLAIN ANALYZE of the exact queries behind the queue and a search, as the app builds them. */
async function explain(bench: BenchApp): Promise<void> {
  const agentActor = await actorFor(bench.ctx, benchAgentEmail);
  const customerActor = await actorFor(bench.ctx, benchCustomerEmail);
  const cases: [string, Actor, ListTicketsInput][] = [
    [
      'queue: to qualify',
      agentActor,
      { desk: 'support', status: ['open'], sort: 'engagementDueAt', order: 'asc' },
    ],
    ['queue: to qualify, any desk', agentActor, { status: ['open'], sort: 'engagementDueAt', order: 'asc' }],
    ['queue: all, by update', agentActor, { sort: 'updatedAt', order: 'desc' }],
    ['customer: company list', customerActor, {}],
    ['search (agent) "facture"', agentActor, { q: 'facture' }],
    ['search (customer) "facture"', customerActor, { q: 'facture' }],
    ['search (agent) "Abschreibung"', agentActor, { q: 'Abschreibung' }],
    ['search (customer) "commande impression"', customerActor, { q: 'commande impression' }],
  ];
  for (const [name, actor, input] of cases) {
    const search = await searchQueryFor(bench.ctx.db, input);
    const { query } = ticketListQuery(bench.ctx.db, actor, input, bench.ctx.clock.now(), search);
    const { sql: text, params } = query.toSQL();
    const plan = await rawQuery(bench.database, `explain (analyze, buffers) ${text}`, params);
    console.log(`\n== ${name}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
