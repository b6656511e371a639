import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type StorageDriver, storeFromConfig } from '../../src/app/files/store';
import { type Config, loadConfig } from '../../src/config';
import type { Database } from '../../src/db/client';
import { testDatabase } from './db';
import { startS3 } from './s3';

export const drivers: readonly StorageDriver[] = ['local', 'postgres', 's3'];

/**
 * Every driver's place at once over one database: a temporary directory (local), the database
 * (postgres), a bucket of a loopback S3 server (s3). `config` names them all, local by default.
 */
export async function storagePlaces(database?: Database) {
  const db = database ?? (await testDatabase());
  const dir = await mkdtemp(join(tmpdir(), 'guichet-store-'));
  const s3 = await startS3();
  const env = { ...s3.env, STORAGE_DRIVER: 'local', DATA_DIR: dir, STORAGE_DIR: join(dir, 'files') };
  const config: Config = { ...loadConfig(env), secret: 'x'.repeat(40) };
  return {
    env,
    config,
    database: db,
    store: (driver: StorageDriver) => storeFromConfig(config, db.db, driver),
    close: async () => {
      await s3.close();
      if (!database) await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
