import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../src/db/client';
import { withDatabase } from './global-setup';

let counter = 0;

/** A fresh, migrated database for one test file (or one test that needs its own). */
export async function testDatabase(): Promise<Database> {
  const testDb = inject('testDb');
  if (testDb.engine === 'pglite') {
    const dump = new Blob([readFileSync(testDb.dumpFile)]);
    return openPglite(undefined, dump);
  }
  counter += 1;
  const name = `${testDb.template}_${process.pid}_${counter}`;
  const admin = new pg.Client({ connectionString: testDb.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${testDb.template}`);
  } finally {
    await admin.end();
  }
  return openPostgres(withDatabase(testDb.url, name));
}

export const testEngine = (): 'pglite' | 'postgres' => inject('testDb').engine;
