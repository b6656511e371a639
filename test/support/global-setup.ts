import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { engine: 'pglite'; dumpFile: string } | { engine: 'postgres'; url: string; template: string };
  }
}

/**
 * Migrates one template database per run; every test file then starts from a copy of it
 * (a PGlite data-dir dump, or a PostgreSQL `CREATE DATABASE … TEMPLATE`), so no file runs initdb
 * or migrations itself and no test needs clean-up.
 */
export default async function setup(project: TestProject) {
  const engine = process.env.GUICHET_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  if (engine === 'pglite') {
    const database = await openPglite();
    await database.migrate();
    const pglite = (database as unknown as { pglite: { dumpDataDir(c: 'none'): Promise<Blob> } }).pglite;
    const dump = await pglite.dumpDataDir('none');
    const dumpFile = join(mkdtempSync(join(tmpdir(), 'guichet-tpl-')), 'template.tar');
    writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('testDb', { engine, dumpFile });
    return;
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('GUICHET_TEST_DB=postgres needs TEST_DATABASE_URL');
  const template = `guichet_tpl_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  const database = await openPostgres(withDatabase(url, template), 1);
  await database.migrate();
  await database.close();
  project.provide('testDb', { engine, url, template });
  return async () => {
    const clones = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${template}%`],
    );
    for (const { datname } of clones.rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
