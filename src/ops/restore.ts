import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import * as tar from 'tar';
import type { FileStore } from '../app/files/store';
import { type Database, openPglite, openPostgres } from '../db/client';
import { lockDataDir } from '../db/data-dir-lock';
import { type Manifest, run, sha256OfFile } from './backup';
import { missingAttachments, sha256Of } from './move-files';
import { countDifferences, migrationCount, tableCounts } from './tables';

export class RestoreRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`Restore refused:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'RestoreRefused';
  }
}

/** Where a restore goes: an empty PostgreSQL database, or a data directory without a database yet. */
export type RestoreTarget = { engine: 'postgres'; url: string } | { engine: 'pglite'; dataDir: string };

export interface RestoreInput {
  archive: string;
  target: RestoreTarget;
  /** The file store of the restored installation, over its database. */
  storeFor(database: Database): FileStore;
}

/**
 * Restores an archive of `createBackup` into an empty database and an empty file store. The archive
 * is unpacked and checked against its manifest first — the dump's checksum, every file's presence,
 * size and checksum — and a partial or damaged archive is refused before anything is written. After
 * the restore every table's count and every attachment's checksum are compared with the manifest.
 */
export async function restoreBackup(
  input: RestoreInput,
): Promise<{ manifest: Manifest; database: Database }> {
  const work = await mkdtemp(join(tmpdir(), 'guichet-restore-'));
  try {
    await tar.extract({ file: input.archive, cwd: work, strict: true }).catch((error: Error) => {
      throw new RestoreRefused([`the archive is damaged or cut short (${error.message})`]);
    });
    const manifest = await checkArchive(work);
    const database = await restoreDatabase(manifest, work, input.target);
    try {
      const store = input.storeFor(database);
      for (const file of manifest.files) {
        if (await store.exists(file.key)) continue;
        await store.write(file.key, file.size, createReadStream(join(work, 'files', file.key)));
      }
      await verifyRestored(database, store, manifest);
      return { manifest, database };
    } catch (error) {
      await database.close();
      throw error;
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The manifest of an unpacked archive, once everything it lists is there and intact. */
export async function checkArchive(work: string): Promise<Manifest> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(work, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    throw new RestoreRefused([
      'the archive has no readable manifest.json: not a Guichet backup, or cut short',
    ]);
  }
  if (manifest.format !== 'guichet-backup' || manifest.version !== 1) {
    throw new RestoreRefused(['manifest.json is not that of a Guichet backup (format 1)']);
  }
  const problems: string[] = [];
  const dump = join(work, manifest.database.file);
  const dumpSize = await stat(dump).then(
    (s) => s.size,
    () => null,
  );
  if (dumpSize === null) problems.push(`the database dump ${manifest.database.file} is missing`);
  else if (dumpSize !== manifest.database.size || (await sha256OfFile(dump)) !== manifest.database.sha256) {
    problems.push(`the database dump ${manifest.database.file} does not match its checksum`);
  }
  const present = new Set(await readdir(join(work, 'files')).catch(() => [] as string[]));
  for (const file of manifest.files) {
    if (!present.has(file.key)) {
      problems.push(`attachment ${file.key} is missing`);
      continue;
    }
    const path = join(work, 'files', file.key);
    if ((await stat(path)).size !== file.size || (await sha256OfFile(path)) !== file.key) {
      problems.push(`attachment ${file.key} does not match its checksum`);
    }
  }
  if (problems.length > 0) throw new RestoreRefused(problems);
  return manifest;
}

async function restoreDatabase(manifest: Manifest, work: string, target: RestoreTarget): Promise<Database> {
  const dump = join(work, manifest.database.file);
  if (manifest.engine !== target.engine) {
    throw new RestoreRefused([
      manifest.engine === 'pglite'
        ? 'this archive holds an embedded (PGlite) database, which is not restored straight into PostgreSQL: ' +
          'restore it with DATABASE_URL unset into an empty DATA_DIR, then copy that installation into PostgreSQL with ' +
          'npm run migrate-to-postgres -- --to postgres://… (README, "Moving off the embedded database")'
        : 'this archive holds a PostgreSQL database: restore it with DATABASE_URL set to an empty PostgreSQL database',
    ]);
  }
  if (target.engine === 'pglite') {
    const dir = join(target.dataDir, 'pglite');
    if ((await readdir(dir).catch(() => [])).length > 0) {
      throw new RestoreRefused([`${dir} already holds a database: restore into an empty data directory`]);
    }
    const release = await lockDataDir(target.dataDir);
    const database = await openPglite(dir, new Blob([await readFile(dump)]));
    await database.migrate();
    return {
      ...database,
      close: async () => {
        await database.close();
        await release();
      },
    };
  }
  await assertEmptyPostgres(target.url);
  await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target.url}`, dump]);
  const database = await openPostgres(target.url, 2);
  await database.migrate();
  return database;
}

async function assertEmptyPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ('public', 'drizzle')",
    );
    if ((tables.rows[0]?.n ?? 0) > 0) {
      throw new RestoreRefused([
        'the target database is not empty: create a new one (CREATE DATABASE) for the restore',
      ]);
    }
    // The role of row-level security is cluster-wide: the dump grants to it, so it must exist.
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'guichet_customer') THEN
        CREATE ROLE guichet_customer NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation OR insufficient_privilege THEN NULL;
    END $$`);
  } finally {
    await client.end();
  }
}

/** Compares the restored installation with the manifest; throws with every difference. */
export async function verifyRestored(
  database: Database,
  store: FileStore,
  manifest: Manifest,
): Promise<void> {
  const problems = countDifferences(manifest.tables, await tableCounts(database.db));
  const migrations = await migrationCount(database.db);
  // A newer release may add migrations on top of the archive's; fewer means a broken dump.
  if (migrations < manifest.migrations) {
    problems.push(`migrations: ${manifest.migrations} in the archive, ${migrations} after the restore`);
  }
  for (const file of manifest.files) {
    const actual = (await store.exists(file.key)) ? await sha256Of(store, file.key) : 'absent';
    if (actual !== file.key) problems.push(`attachment ${file.key}: ${actual}`);
  }
  for (const key of await missingAttachments(database.db, store))
    problems.push(`attachment ${key} is missing`);
  if (problems.length > 0)
    throw new Error(`The restored installation differs from the archive:\n  ${problems.join('\n  ')}`);
}
