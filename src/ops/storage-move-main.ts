import { parseArgs } from 'node:util';
import { type StorageDriver, storeFromConfig } from '../app/files/store';
import { loadConfig } from '../config';
import { openConfiguredDatabase } from '../db/open';
import { moveFiles } from './move-files';

// `npm run storage:move -- --from local --to postgres [--delete]`: copies every attachment file
// from one driver to another, verified by SHA-256; run it again to resume.
const drivers: readonly string[] = ['local', 'postgres', 's3'];
const { values } = parseArgs({
  options: { from: { type: 'string' }, to: { type: 'string' }, delete: { type: 'boolean', default: false } },
});
if (!values.from || !values.to || !drivers.includes(values.from) || !drivers.includes(values.to)) {
  console.error(
    'usage: npm run storage:move -- --from <local|postgres|s3> --to <local|postgres|s3> [--delete]',
  );
  process.exit(2);
}
if (values.from === values.to) {
  console.error('--from and --to name the same driver: nothing to move.');
  process.exit(2);
}
const config = loadConfig();
const database = await openConfiguredDatabase(config);
try {
  const from = storeFromConfig(config, database.db, values.from as StorageDriver);
  const to = storeFromConfig(config, database.db, values.to as StorageDriver);
  const report = await moveFiles(database.db, from, to, { deleteFromSource: values.delete });
  console.log(
    `Moved from ${values.from} to ${values.to}: ${report.copied} copied and verified, ` +
      `${report.skipped} already there, ${report.deleted} removed from ${values.from}, ` +
      `${report.failed.length} failed, ${report.missing.length} attachments missing in ${values.to}.`,
  );
  for (const failure of report.failed) console.log(`  failed ${failure.key}: ${failure.reason}`);
  for (const key of report.missing) console.log(`  missing ${key}`);
  process.exitCode = report.failed.length > 0 || report.missing.length > 0 ? 1 : 0;
} finally {
  await database.close();
}
