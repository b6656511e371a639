/**
 * Where the seed writes: the PostgreSQL benchmark database, or a PGlite data directory (the one the
 * server opens when it has no DATABASE_URL). The seed's SQL is the same for both; only the way a
 * statement reaches the database differs, behind `SeedSql`.
 */
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openPglite, openPostgres } from '../src/db/client';
import { lockDataDir } from '../src/db/data-dir-lock';
import { assertLoopback } from './lib';

/** The part of a database session the seed uses: `pg.Client`'s `query` and `end`. */
export interface SeedSql {
  query<R = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number }>;
  end(): Promise<void>;
}

export interface SeedTarget {
  /** For the log: the database or the data directory. */
  name: string;
  /** How many seeding sessions can run batches side by side. */
  maxWorkers: number;
  /** A session with triggers and foreign-key checks off, for seeding only. */
  session(): Promise<SeedSql>;
  close(): Promise<void>;
}

/** Settings of a seeding session (the same on both engines, except the sort memory). */
async function prepareSession(session: SeedSql, workMem: string): Promise<SeedSql> {
  await session.query(`SET session_replication_role = replica`); // no triggers, no FK checks: this session only
  await session.query(`SET work_mem = '${workMem}'`);
  // The search indexes take new documents into their pending list and merge it when it exceeds
  // this size: one large merge per lexeme instead of one every 4 MB (the final VACUUM merges the rest).
  await session.query(`SET gin_pending_list_limit = '256MB'`);
  return session;
}

/** Creates the database when it does not exist (through the `postgres` database). */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${name}`);
      console.log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

function pgSession(client: pg.Client): SeedSql {
  return {
    query: async <R>(text: string, params?: unknown[]) => {
      const result = await client.query(text, params);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
    end: () => client.end(),
  };
}

/** PostgreSQL: created and migrated when needed; each session is a connection of its own. */
export async function postgresTarget(url: string): Promise<SeedTarget> {
  assertLoopback(url);
  await ensureDatabase(url);
  const database = await openPostgres(url, 2);
  await database.migrate();
  await database.close();
  return {
    name: new URL(url).pathname.slice(1),
    maxWorkers: 8,
    session: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return prepareSession(pgSession(client), '256MB');
    },
    close: async () => undefined,
  };
}

/**
 * PGlite in `${dataDir}/pglite`, locked as the server locks it (the server must not run meanwhile).
 * PGlite has one connection: every session is that one, so batches run one after another. A
 * statement without parameters may hold several commands (the reference data), which only `exec`
 * runs; those with parameters go through `query`.
 */
export async function pgliteTarget(dataDir: string): Promise<SeedTarget> {
  const release = await lockDataDir(dataDir);
  const database = await openPglite(join(dataDir, 'pglite'));
  await database.migrate();
  const client = (database as unknown as { pglite: PGlite }).pglite;
  const session: SeedSql = {
    query: async <R>(text: string, params?: unknown[]) => {
      const result =
        params === undefined ? (await client.exec(text)).at(-1) : await client.query<R>(text, params);
      const rows = (result?.rows ?? []) as R[];
      return { rows, rowCount: rows.length || (result?.affectedRows ?? 0) };
    },
    // The sessions share the one connection, closed with the target.
    end: async () => undefined,
  };
  // The WebAssembly heap is the process's memory: sorts stay smaller than on PostgreSQL.
  const prepared = prepareSession(session, '64MB');
  return {
    name: `PGlite in ${dataDir}`,
    maxWorkers: 1,
    session: () => prepared,
    close: async () => {
      await database.close();
      await release();
    },
  };
}
