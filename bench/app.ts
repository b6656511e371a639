import type { PGlite } from '@electric-sql/pglite';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Actor, AppContext } from '../src/app/context';
import { composeContext } from '../src/composition';
import { loadConfig } from '../src/config';
import { type Database, openPostgres } from '../src/db/client';
import { openConfiguredDatabase } from '../src/db/open';
import { users } from '../src/db/schema/index';
import { systemClock } from '../src/domain/clock';
import { buildApp } from '../src/http/app';
import type { Language } from '../src/i18n/language';
import { assertLoopback, benchDatabaseUrl, benchDataDir } from './lib';

export interface BenchApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Server-side time of each request carrying an `x-bench-sample` header, summed per sample. */
  serverMs: Map<string, number>;
  close(): Promise<void>;
}

/**
 * The real application over the benchmark database, with the system clock, no worker and no web
 * client, listening on a free loopback port.
 */
export async function startBenchApp(options: { poolSize?: number } = {}): Promise<BenchApp> {
  const database = await openBenchDatabase(options.poolSize ?? 10);
  const [seeded] = await rows<{ n: number }>(
    database,
    sql`select count(*)::int as n from information_schema.tables where table_schema = 'bench' and table_name = 'seed'`,
  );
  if (!seeded?.n) {
    await database.close();
    throw new Error('the benchmark database is not seeded: run `npm run bench -- seed` first');
  }
  await database.migrate();
  const config = {
    // A benchmark's clients are a few people sending far more than a person does: the API rate
    // limits would answer most of its requests with 429 and the figures would measure refusals.
    ...loadConfig({
      SEED_DEMO: 'false',
      WORKER: 'false',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_USER_PER_WINDOW: '100000000',
      RATE_LIMIT_COMPANY_PER_WINDOW: '100000000',
    }),
    secret: 'bench-secret-'.padEnd(40, 'x'),
  };
  const ctx = composeContext({ db: database.db, clock: systemClock, config, publicUrl: 'http://127.0.0.1' });
  const app = await buildApp({ ctx, webDist: '/nonexistent' });
  const serverMs = new Map<string, number>();
  app.addHook('onResponse', async (request, reply) => {
    const sample = request.headers['x-bench-sample'];
    if (typeof sample === 'string') serverMs.set(sample, (serverMs.get(sample) ?? 0) + reply.elapsedTime);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    ctx,
    database,
    base: `http://127.0.0.1:${port}`,
    serverMs,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * The benchmark database: PostgreSQL at BENCH_DATABASE_URL, or with `--pglite` the PGlite data
 * directory BENCH_DATA_DIR, opened (and locked) as the server opens it without DATABASE_URL.
 */
export async function openBenchDatabase(poolSize: number): Promise<Database> {
  if (process.argv.includes('--pglite')) {
    return openConfiguredDatabase(loadConfig({ DATA_DIR: benchDataDir, LOG_LEVEL: 'silent' }));
  }
  assertLoopback(benchDatabaseUrl);
  return openPostgres(benchDatabaseUrl, poolSize);
}

/** EXPLAIN (or any statement) of a query given as text and parameters, on either engine. */
export async function rawQuery(
  database: Database,
  text: string,
  params: unknown[],
): Promise<Record<string, unknown>[]> {
  const pglite = (database as unknown as { pglite?: PGlite }).pglite;
  if (pglite) return (await pglite.query<Record<string, unknown>>(text, params)).rows;
  const client = new pg.Client({ connectionString: benchDatabaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** Rows of a raw query (node-postgres answers `execute` with `{ rows }`). */
export async function rows<T>(database: Pick<Database, 'db'>, query: SQL): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The actor of a seeded account, as the session plugin builds it. */
export async function actorFor(ctx: AppContext, email: string): Promise<Actor> {
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}: seed the benchmark database first`);
  return {
    userId: user.id,
    role: user.role,
    companyId: user.companyId,
    isManager: user.isManager,
    language: user.language as Language,
    name: user.name,
    email: user.email,
  };
}
