import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { fileStoreOf, storeFromConfig } from '../../src/app/files/store';
import { demoPassword } from '../../src/app/seed/demo';
import { openPglite, openPostgres } from '../../src/db/client';
import { migrateToPostgres } from '../../src/ops/migrate-to-postgres';
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

describe('from the embedded database to PostgreSQL', () => {
  it('copies a demo installation with attachments, verified, and PostgreSQL then serves it', async () => {
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

      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${name}`);
      const targetUrl = withDatabase(url, name);
      const target = await openPostgres(targetUrl, 2);
      await target.migrate();
      const targetConfig = configOf({
        DATABASE_URL: targetUrl,
        STORAGE_DRIVER: 'postgres',
        DATA_DIR: join(work, 'new'),
      });
      try {
        const report = await migrateToPostgres({
          source,
          sourceStore: fileStoreOf(ctx),
          target,
          targetStore: storeFromConfig(targetConfig, target.db),
        });
        expect(report.files).toBe(3);
        expect(await tableCounts(target.db)).toEqual(counts);
        const targetStore = storeFromConfig(targetConfig, target.db);
        for (const key of keys) expect(await sha256Of(targetStore, key)).toBe(key);

        const read = await readTicketOverHttp(contextOf(target, targetConfig), email, demoPassword, ticketId);
        expect(read.ticket.statusCode).toBe(200);
        expect(read.attachments).toHaveLength(3);
        expect(read.download.statusCode).toBe(200);

        await expect(
          migrateToPostgres({ source, sourceStore: fileStoreOf(ctx), target, targetStore }),
        ).rejects.toThrow(/already holds an installation/);
      } finally {
        await target.close();
        await source.close();
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
