import { parseArgs } from 'node:util';
import { storeFromConfig } from '../app/files/store';
import { loadConfig } from '../config';
import { openConfiguredDatabase } from '../db/open';
import { createBackup } from './backup';

// `npm run backup [-- --out <folder>]`: one timestamped archive of the database and attachments.
const { values } = parseArgs({ options: { out: { type: 'string', default: './backups' } } });
const config = loadConfig();
const database = await openConfiguredDatabase(config);
try {
  const { path, manifest } = await createBackup({
    database,
    databaseUrl: config.DATABASE_URL,
    store: storeFromConfig(config, database.db),
    outDir: values.out,
    now: new Date(),
  });
  const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
  console.log(
    `Backup written: ${path}\n  ${manifest.engine} database, ${Object.keys(manifest.tables).length} tables, ` +
      `${rows} rows, ${manifest.files.length} attachment files`,
  );
} finally {
  await database.close();
}
