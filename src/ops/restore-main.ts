import { parseArgs } from 'node:util';
import { storeFromConfig } from '../app/files/store';
import { loadConfig } from '../config';
import { RestoreRefused, restoreBackup } from './restore';

// `npm run restore -- <archive>`: into the configured, empty database (DATABASE_URL, else DATA_DIR)
// and the configured file store; refuses a partial or damaged archive before writing anything.
const { positionals } = parseArgs({ allowPositionals: true });
const archive = positionals[0];
if (!archive) {
  console.error('usage: npm run restore -- <guichet-backup-….tar>');
  process.exit(2);
}
const config = loadConfig();
try {
  const { manifest, database } = await restoreBackup({
    archive,
    target: config.DATABASE_URL
      ? { engine: 'postgres', url: config.DATABASE_URL }
      : { engine: 'pglite', dataDir: config.DATA_DIR },
    storeFor: (restored) => storeFromConfig(config, restored.db),
  });
  await database.close();
  console.log(
    `Restored the backup of ${manifest.createdAt}: ${Object.keys(manifest.tables).length} tables and ` +
      `${manifest.files.length} attachment files, every count and checksum as in the manifest.`,
  );
} catch (error) {
  console.error(error instanceof RestoreRefused ? error.message : error);
  process.exitCode = 1;
}
