import { join } from 'node:path';
import type { Config } from '../config';
import { type ConnectionErrorLog, type Database, openPglite, openPostgres } from './client';
import { lockDataDir } from './data-dir-lock';

/** Opens the configured database, migrated: PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR. */
export async function openConfiguredDatabase(
  config: Config,
  onConnectionError?: ConnectionErrorLog,
): Promise<Database> {
  if (config.DATABASE_URL) {
    const database = await openPostgres(config.DATABASE_URL, 10, onConnectionError);
    await database.migrate();
    return database;
  }
  const pgliteDir = join(config.DATA_DIR, 'pglite');
  const release = await lockDataDir(config.DATA_DIR);
  const database = await openPglite(pgliteDir);
  await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      await release();
    },
  };
}
