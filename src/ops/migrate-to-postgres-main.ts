import { parseArgs } from 'node:util';
import { type StorageDriver, storeFromConfig } from '../app/files/store';
import { loadConfig } from '../config';
import { openPostgres } from '../db/client';
import { openConfiguredDatabase } from '../db/open';
import { migrateToPostgres } from './migrate-to-postgres';

// `npm run migrate-to-postgres -- --to postgres://… [--storage postgres|s3|local]`: copies the
// embedded installation of DATA_DIR (stop its server first) into an empty PostgreSQL database.
const { values } = parseArgs({
  options: { to: { type: 'string' }, storage: { type: 'string', default: 'postgres' } },
});
const config = loadConfig();
if (
  !values.to ||
  !/^postgres(ql)?:\/\//.test(values.to) ||
  !['local', 'postgres', 's3'].includes(values.storage)
) {
  console.error(
    'usage: npm run migrate-to-postgres -- --to postgres://user:pass@host/db [--storage postgres|s3|local]',
  );
  process.exit(2);
}
if (config.DATABASE_URL) {
  console.error('DATABASE_URL is set: this installation already runs on PostgreSQL.');
  process.exit(2);
}
const source = await openConfiguredDatabase(config);
const target = await openPostgres(values.to, 2);
try {
  await target.migrate();
  const storage = values.storage as StorageDriver;
  const report = await migrateToPostgres({
    source,
    sourceStore: storeFromConfig(config, source.db),
    target,
    targetStore: storeFromConfig(config, target.db, storage),
  });
  console.log(
    `Copied ${report.rows} rows of ${report.tables} tables and ${report.files} attachment files; every count ` +
      `and checksum verified.\nStart Guichet with DATABASE_URL=${values.to.replace(/\/\/[^@]*@/, '//…@')} ` +
      `STORAGE_DRIVER=${storage} from now on (the embedded data in ${config.DATA_DIR} is left as it was).`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await target.close();
  await source.close();
}
