import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { fileStoreOf, storeFromConfig } from '../../src/app/files/store';
import { demoPassword } from '../../src/app/seed/demo';
import { openPglite, openPostgres } from '../../src/db/client';
import { sha256Of } from '../../src/ops/move-files';
import { tableCounts } from '../../src/ops/tables';
import { withDatabase } from '../support/global-setup';
import { configOf, contextOf, readTicketOverHttp, seedInstallation } from '../support/installation';

const url = process.env.TEST_DATABASE_URL;
const name = `${new URL(url ?? 'postgres://x/none').pathname.slice(1)}_to_pg_${process.pid}`;
const admin = async (statement: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(statement);
  await client.end();
};
afterAll(async () => {
  if (url) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

/** `npm run migrate-to-postgres -- …` as the operator runs it, in an environment without DATABASE_URL. */
function migrateCommand(args: string[], dataDir: string): Promise<{ code: number; output: string }> {
  const { DATABASE_URL: _unset, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/ops/migrate-to-postgres-main.ts', ...args],
      { env: { ...env, DATA_DIR: dataDir, SEED_DEMO: 'false' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

describe('from the embedded database to PostgreSQL', () => {
  // A demo installation seeded, then the command started twice: minutes on a busy machine.
  it('copies a demo installation with attachments, verified, and PostgreSQL then serves it', {
    timeout: 300_000,
  }, async () => {
    if (!url) throw new Error('this test needs TEST_DATABASE_URL (a PostgreSQL server to move to)');
    const work = await mkdtemp(join(tmpdir(), 'guichet-to-pg-'));
    try {
      const source = await openPglite(join(work, 'pglite'));
      await source.migrate();
      const sourceConfig = configOf({ DATA_DIR: work });
      const ctx = contextOf(source, sourceConfig);
      const { email, ticketId } = await seedInstallation(ctx);
      const counts = await tableCounts(source.db);
      const keys: string[] = [];
      for await (const file of fileStoreOf(ctx).list()) keys.push(file.key);
      expect(keys).toHaveLength(3);

      await source.close();

      // The command of the README, as an operator runs it: the embedded installation of DATA_DIR
      // (its server stopped), no DATABASE_URL, into an empty PostgreSQL database.
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${name}`);
      const targetUrl = withDatabase(url, name);
      const moved = await migrateCommand(['--to', targetUrl, '--storage', 'postgres'], work);
      expect(moved.code, moved.output).toBe(0);
      expect(moved.output).toContain('every count and checksum verified');
      expect(moved.output).toContain('STORAGE_DRIVER=postgres');

      const target = await openPostgres(targetUrl, 2);
      const targetConfig = configOf({
        DATABASE_URL: targetUrl,
        STORAGE_DRIVER: 'postgres',
        DATA_DIR: join(work, 'new'),
      });
      try {
        expect(await tableCounts(target.db)).toEqual(counts);
        const targetStore = storeFromConfig(targetConfig, target.db);
        for (const key of keys) expect(await sha256Of(targetStore, key)).toBe(key);

        const read = await readTicketOverHttp(contextOf(target, targetConfig), email, demoPassword, ticketId);
        expect(read.ticket.statusCode).toBe(200);
        expect(read.attachments).toHaveLength(3);
        expect(read.download.statusCode).toBe(200);
      } finally {
        await target.close();
      }

      // Run twice, it refuses to copy over the installation it made.
      const again = await migrateCommand(['--to', targetUrl], work);
      expect(again.code).toBe(1);
      expect(again.output).toMatch(/already holds an installation/);
      // The embedded installation is left as it was.
      const left = await openPglite(join(work, 'pglite'));
      expect(await tableCounts(left.db)).toEqual(counts);
      await left.close();
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
