import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import * as tar from 'tar';
import { verifying } from '../app/files/file-store';
import type { FileStore } from '../app/files/store';
import type { Database, DbOrTx } from '../db/client';
import { attachments } from '../db/schema/attachments';
import { FILE_STORE_TABLES, migrationCount, rowsOf, tableCounts } from './tables';

/** What an archive holds, written into it as `manifest.json`; a restore checks everything against it. */
export interface Manifest {
  format: 'guichet-backup';
  version: 1;
  createdAt: string;
  engine: 'postgres' | 'pglite';
  migrations: number;
  /** The database: a pg_dump custom-format file, or PGlite's data directory (tar.gz). */
  database: { file: string; sha256: string; size: number };
  /** Rows per table at the moment of the dump (the file store's own tables left out). */
  tables: Record<string, number>;
  /** Every attachment's content, under `files/<sha256>`. */
  files: { key: string; size: number }[];
}

export interface BackupInput {
  database: Database;
  /** The PostgreSQL URL, for pg_dump; absent on PGlite. */
  databaseUrl?: string;
  store: FileStore;
  /** Folder the archive is written to. */
  outDir: string;
  now: Date;
}

/**
 * One archive `guichet-backup-<UTC timestamp>.tar` with the database dump, the content of every
 * attachment and a manifest of table counts and checksums. On PostgreSQL the counts, the list of
 * files and pg_dump all read one snapshot, so the server may keep running; PGlite is dumped by the
 * process that holds its data directory (stop the server first).
 */
export async function createBackup(input: BackupInput): Promise<{ path: string; manifest: Manifest }> {
  const work = await mkdtemp(join(tmpdir(), 'guichet-backup-'));
  try {
    await mkdir(join(work, 'files'));
    const taken =
      input.database.engine === 'postgres'
        ? await dumpPostgres(input, work)
        : await dumpPglite(input.database, work);
    for (const file of taken.files) {
      await pipeline(
        await input.store.open(file.key),
        verifying(file.key, file.size),
        createWriteStream(join(work, 'files', file.key)),
      );
    }
    const manifest: Manifest = {
      format: 'guichet-backup',
      version: 1,
      createdAt: input.now.toISOString(),
      engine: input.database.engine,
      migrations: taken.migrations,
      database: {
        file: taken.file,
        sha256: await sha256OfFile(join(work, taken.file)),
        size: (await stat(join(work, taken.file))).size,
      },
      tables: taken.tables,
      files: taken.files,
    };
    await writeFile(join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await mkdir(input.outDir, { recursive: true });
    const stamp = manifest.createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const path = join(input.outDir, `guichet-backup-${stamp}.tar`);
    await tar.create({ file: path, cwd: work, portable: true }, ['manifest.json', taken.file, 'files']);
    return { path, manifest };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

interface Taken {
  file: string;
  tables: Record<string, number>;
  files: { key: string; size: number }[];
  migrations: number;
}

async function dumpPostgres(input: BackupInput, work: string): Promise<Taken> {
  const url = input.databaseUrl;
  if (!url) throw new Error('a PostgreSQL backup needs DATABASE_URL');
  const file = 'database.pgdump';
  return input.database.db.transaction(
    async (tx) => {
      const [snapshot] = await rowsOf<{ id: string }>(tx, sql`SELECT pg_export_snapshot() AS id`);
      const taken = { file, ...(await readState(tx)) };
      // The file store's rows travel as files (restorable into any driver), not in the dump.
      const excluded = [...FILE_STORE_TABLES].map((table) => `--exclude-table-data=public.${table}`);
      await run('pg_dump', [
        '--format=custom',
        `--snapshot=${snapshot?.id}`,
        ...excluded,
        `--file=${join(work, file)}`,
        url,
      ]);
      return taken;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

async function dumpPglite(database: Database, work: string): Promise<Taken> {
  const pglite = (database as unknown as { pglite?: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).pglite;
  if (!pglite) throw new Error('this PGlite database cannot be dumped');
  const file = 'pglite-data.tar.gz';
  const state = await readState(database.db);
  const dump = await pglite.dumpDataDir('gzip');
  await writeFile(join(work, file), Buffer.from(await dump.arrayBuffer()));
  return { file, ...state };
}

async function readState(db: DbOrTx) {
  const files = await db
    .selectDistinct({ key: attachments.sha256, size: attachments.size })
    .from(attachments)
    .orderBy(attachments.sha256);
  return { tables: await tableCounts(db), files, migrations: await migrationCount(db) };
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Runs a PostgreSQL client program; rejects with its error output when it fails. */
export function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${program} failed (${code}): ${errors.trim()}`)),
    );
  });
}
