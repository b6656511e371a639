import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index';

/** One type for both engines: the application never knows which one it talks to. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction is used exactly like the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** How busy the database connections are. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** PostgreSQL's pool; absent on PGlite, which has one connection. */
  poolStats?: () => PoolStats;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

// The numeric ids of pg: bigint comes back as a string, count(*) too; keep int8 as numbers (our
// identities stay far below 2^53) so both engines return the same shapes.
pg.types.setTypeParser(20, (v: string) => Number.parseInt(v, 10));

/**
 * A pool whose checked-out clients give themselves back (destroyed) when their connection breaks.
 * Drizzle's transaction checks out a client and releases it only once BEGIN has succeeded; a
 * connection cut in between would otherwise stay checked out for ever, and enough of them drain the
 * pool until every request waits. Release is made idempotent so the usual release still works.
 */
class ResilientPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(
    callback: (
      err: Error | undefined,
      client: pg.PoolClient | undefined,
      done: (release?: unknown) => void,
    ) => void,
  ): void;
  override connect(
    callback?: (
      err: Error | undefined,
      client: pg.PoolClient | undefined,
      done: (release?: unknown) => void,
    ) => void,
  ): Promise<pg.PoolClient> | undefined {
    // The callback form is the pool's own query(), which releases on error itself.
    if (callback) {
      super.connect(callback);
      return undefined;
    }
    return super.connect().then(releaseWhenBroken);
  }
}

function releaseWhenBroken(client: pg.PoolClient): pg.PoolClient {
  const release = client.release.bind(client);
  let released = false;
  const onBroken = (error: Error) => {
    if (released) return;
    released = true;
    release(error);
  };
  client.once('error', onBroken);
  client.release = (error?: Error | boolean) => {
    client.removeListener('error', onBroken);
    if (released) return;
    released = true;
    release(error);
  };
  return client;
}

/** Told when a connection is lost; the pool replaces it on the next query. */
export type ConnectionErrorLog = (error: Error) => void;

export async function openPostgres(
  url: string,
  poolSize = 10,
  onConnectionError: ConnectionErrorLog = () => undefined,
): Promise<Database> {
  const pool = new ResilientPool({
    connectionString: url,
    max: poolSize,
    // While the database is unreachable, fail (503) instead of holding requests forever. The same
    // bound applies to waiting for a free connection, so it leaves room for a burst on a busy host;
    // a database that refuses connections (restart, failover) is reported at once anyway.
    connectionTimeoutMillis: 15_000,
    keepAlive: true,
  });
  // A restart, a failover or a proxy cutting an idle connection makes a client emit 'error'; an
  // EventEmitter error nobody listens to ends the process. Idle clients are reported by the pool,
  // checked-out ones by the client itself (the query in flight fails and the pool drops it).
  pool.on('error', onConnectionError);
  pool.on('connect', (client) => {
    client.on('error', onConnectionError);
  });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async migrate() {
      // Several instances may start together: the advisory lock lets one migrate at a time.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(727274)');
        await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Opens PGlite in `dataDir` (created if missing), or in memory when dataDir is undefined. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { unaccent, pg_trgm },
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    // No autovacuum here: statistics are gathered after migrating (and hourly by the worker),
    // or the planner guesses row counts and sorts what an index would give in order.
    migrate: async () => {
      await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
      await client.exec('ANALYZE');
    },
    close: () => client.close(),
    // exposed for the test template (dumpDataDir)
    ...{ pglite: client },
  };
}
