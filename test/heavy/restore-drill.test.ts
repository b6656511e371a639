import { mkdtemp, readdir, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStoreOf, storeFromConfig } from '../../src/app/files/store';
import { demoPassword } from '../../src/app/seed/demo';
import { type Database, openPglite, openPostgres } from '../../src/db/client';
import { createBackup } from '../../src/ops/backup';
import { sha256Of } from '../../src/ops/move-files';
import { RestoreRefused, restoreBackup } from '../../src/ops/restore';
import { tableCounts } from '../../src/ops/tables';
import { withDatabase } from '../support/global-setup';
import { configOf, contextOf, readTicketOverHttp, seedInstallation } from '../support/installation';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'guichet-drill-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** Every table's count and every attachment's checksum of the restored copy equal the original's. */
async function compareInstallations(
  original: { database: Database; keys: string[]; counts: Record<string, number> },
  restored: Database,
  restoredConfig: ReturnType<typeof configOf>,
) {
  expect(await tableCounts(restored.db)).toEqual(original.counts);
  const store = storeFromConfig(restoredConfig, restored.db);
  for (const key of original.keys) expect(await sha256Of(store, key)).toBe(key);
}

/** The restored copy equals the original and serves: sign in, read the ticket and download its file. */
async function expectRestoredServes(
  original: { database: Database; keys: string[]; counts: Record<string, number> },
  restored: Database,
  restoredConfig: ReturnType<typeof configOf>,
  reader: { email: string; ticketId: string },
) {
  try {
    await compareInstallations(original, restored, restoredConfig);
    const read = await readTicketOverHttp(
      contextOf(restored, restoredConfig),
      reader.email,
      demoPassword,
      reader.ticketId,
    );
    expect(read.ticket.statusCode).toBe(200);
    expect(read.attachments).toHaveLength(3);
    expect(read.download.statusCode).toBe(200);
  } finally {
    await restored.close();
  }
}

describe('restore drill on the embedded database', () => {
  // Two embedded databases migrated and seeded with the demo, a backup and a restore: minutes on a busy machine.
  it('backs up a demo installation with attachments and restores it into a fresh one that serves it', async () => {
    const sourceDir = join(work, 'source');
    const source = await openPglite(join(sourceDir, 'pglite'));
    await source.migrate();
    const sourceConfig = configOf({ DATA_DIR: sourceDir });
    const ctx = contextOf(source, sourceConfig);
    const { email, ticketId } = await seedInstallation(ctx);
    const keys = [];
    for await (const file of fileStoreOf(ctx).list()) keys.push(file.key);
    expect(keys).toHaveLength(3);
    const counts = await tableCounts(source.db);

    const { path, manifest } = await createBackup({
      database: source,
      store: fileStoreOf(ctx),
      outDir: join(work, 'backups'),
      now: new Date('2026-03-02T09:30:00Z'),
    });
    await source.close();
    expect(path).toMatch(/guichet-backup-20260302T093000Z\.tar$/);
    expect(manifest.tables).toEqual(counts);

    // A fresh installation keeping its files in the database, this time.
    const targetDir = join(work, 'target');
    const targetConfig = configOf({ DATA_DIR: targetDir, STORAGE_DRIVER: 'postgres' });
    const { database } = await restoreBackup({
      archive: path,
      target: { engine: 'pglite', dataDir: targetDir },
      storeFor: (restored) => storeFromConfig(targetConfig, restored.db),
    });
    await expectRestoredServes({ database: source, keys, counts }, database, targetConfig, {
      email,
      ticketId,
    });

    // The same archive again into the now full directory: refused, nothing touched.
    await expect(
      restoreBackup({
        archive: path,
        target: { engine: 'pglite', dataDir: targetDir },
        storeFor: (restored) => storeFromConfig(targetConfig, restored.db),
      }),
    ).rejects.toThrow(/already holds a database/);

    // Straight into PostgreSQL: refused before any connection, with the way to get there.
    const intoPostgres = restoreBackup({
      archive: path,
      target: { engine: 'postgres', url: 'postgres://nobody@127.0.0.1:1/never-reached' },
      storeFor: (restored) => storeFromConfig(targetConfig, restored.db),
    });
    await expect(intoPostgres).rejects.toBeInstanceOf(RestoreRefused);
    await expect(intoPostgres).rejects.toThrow(
      /embedded \(PGlite\) database.*DATABASE_URL unset.*npm run migrate-to-postgres -- --to/,
    );
  }, 300_000);

  it('refuses a partial archive before writing anything', async () => {
    const sourceDir = join(work, 'partial-source');
    const source = await openPglite(join(sourceDir, 'pglite'));
    await source.migrate();
    const ctx = contextOf(source, configOf({ DATA_DIR: sourceDir }));
    await seedInstallation(ctx);
    const { path } = await createBackup({
      database: source,
      store: fileStoreOf(ctx),
      outDir: work,
      now: new Date(),
    });
    await source.close();

    // One attachment left out of the archive.
    const dir = await mkdtemp(join(work, 'unpacked-'));
    await tar.extract({ file: path, cwd: dir });
    const [dropped] = await readdir(join(dir, 'files'));
    await rm(join(dir, 'files', dropped ?? ''));
    const partial = join(work, 'partial.tar');
    await tar.create({ file: partial, cwd: dir }, ['manifest.json', 'pglite-data.tar.gz', 'files']);
    const targetDir = join(work, 'partial-target');
    const attempt = restoreBackup({
      archive: partial,
      target: { engine: 'pglite', dataDir: targetDir },
      storeFor: (restored) => storeFromConfig(configOf({ DATA_DIR: targetDir }), restored.db),
    });
    await expect(attempt).rejects.toBeInstanceOf(RestoreRefused);
    await expect(attempt).rejects.toThrow(`attachment ${dropped} is missing`);
    expect(await readdir(targetDir).catch(() => [])).toEqual([]);

    // An archive cut short (a copy interrupted half-way).
    const cut = join(work, 'cut.tar');
    await tar.create({ file: cut, cwd: dir }, ['manifest.json', 'pglite-data.tar.gz', 'files']);
    await truncate(cut, 20_000);
    await expect(
      restoreBackup({
        archive: cut,
        target: { engine: 'pglite', dataDir: targetDir },
        storeFor: (restored) => storeFromConfig(configOf({ DATA_DIR: targetDir }), restored.db),
      }),
    ).rejects.toBeInstanceOf(RestoreRefused);
    expect(await readdir(targetDir).catch(() => [])).toEqual([]);
  });
});

describe('restore drill on PostgreSQL', () => {
  const url = process.env.TEST_DATABASE_URL;
  const names: string[] = [];
  const admin = () => new pg.Client({ connectionString: url });
  async function freshDatabase(label: string): Promise<string> {
    const name = `${new URL(url ?? '').pathname.slice(1)}_${label}_${process.pid}`;
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    names.push(name);
    return withDatabase(url ?? '', name);
  }
  afterAll(async () => {
    if (!url) return;
    const client = admin();
    await client.connect();
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });

  it('backs up with pg_dump and restores into an empty database that serves the installation', async () => {
    if (!url) throw new Error('the PostgreSQL restore drill needs TEST_DATABASE_URL');
    const sourceUrl = await freshDatabase('drill_src');
    const source = await openPostgres(sourceUrl, 2);
    await source.migrate();
    const sourceConfig = configOf({
      DATABASE_URL: sourceUrl,
      STORAGE_DRIVER: 'postgres',
      DATA_DIR: join(work, 'pg-src'),
    });
    const ctx = contextOf(source, sourceConfig);
    const { email, ticketId } = await seedInstallation(ctx);
    const keys = [];
    for await (const file of fileStoreOf(ctx).list()) keys.push(file.key);
    const counts = await tableCounts(source.db);
    const { path } = await createBackup({
      database: source,
      databaseUrl: sourceUrl,
      store: fileStoreOf(ctx),
      outDir: join(work, 'pg-backups'),
      now: new Date(),
    });
    await source.close();

    const targetUrl = await freshDatabase('drill_dst');
    const targetConfig = configOf({ DATABASE_URL: targetUrl, DATA_DIR: join(work, 'pg-dst') });
    const { database } = await restoreBackup({
      archive: path,
      target: { engine: 'postgres', url: targetUrl },
      storeFor: (restored) => storeFromConfig(targetConfig, restored.db),
    });
    await expectRestoredServes({ database: source, keys, counts }, database, targetConfig, {
      email,
      ticketId,
    });
    await expect(
      restoreBackup({
        archive: path,
        target: { engine: 'postgres', url: targetUrl },
        storeFor: (restored) => storeFromConfig(targetConfig, restored.db),
      }),
    ).rejects.toThrow(/not empty/);
  });
});
