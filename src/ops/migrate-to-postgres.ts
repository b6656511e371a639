import type { FileStore } from '../app/files/store';
import type { Database } from '../db/client';
import { copyDatabase } from './copy-database';
import { missingAttachments, moveFiles, sha256Of } from './move-files';
import { countDifferences, migrationCount, tableCounts } from './tables';

/**
 * Copies an embedded installation into PostgreSQL: the database row for row, then the attachment
 * files into the chosen store, and checks the result like a restore — every table's count, every
 * attachment's checksum. The target must hold no installation yet (no user); throws on any difference.
 */
export async function migrateToPostgres(input: {
  source: Database;
  sourceStore: FileStore;
  target: Database;
  targetStore: FileStore;
}): Promise<{ tables: number; rows: number; files: number }> {
  const { source, target } = input;
  if ((await migrationCount(source.db)) !== (await migrationCount(target.db))) {
    throw new Error('the two databases are not at the same migration: run this release on both');
  }
  const existing = await tableCounts(target.db);
  if ((existing.users ?? 0) > 0)
    throw new Error(
      'the target database already holds an installation (users exist): copy into a new, empty one (CREATE DATABASE …)',
    );
  const expected = await tableCounts(source.db);
  await copyDatabase(source.db, target.db);
  if (input.targetStore !== input.sourceStore) {
    const moved = await moveFiles(target.db, input.sourceStore, input.targetStore);
    if (moved.failed.length > 0) {
      throw new Error(
        `attachments not copied: ${moved.failed.map((f) => `${f.key} (${f.reason})`).join(', ')}`,
      );
    }
  }
  const problems = countDifferences(expected, await tableCounts(target.db));
  for (const key of await missingAttachments(target.db, input.targetStore))
    problems.push(`attachment ${key} is missing`);
  const keys = new Set<string>();
  for await (const file of input.sourceStore.list()) keys.add(file.key);
  for (const key of keys) {
    const actual = (await input.targetStore.exists(key)) ? await sha256Of(input.targetStore, key) : 'absent';
    if (actual !== key) problems.push(`attachment ${key}: ${actual}`);
  }
  if (problems.length > 0)
    throw new Error(`The copy differs from the embedded database:\n  ${problems.join('\n  ')}`);
  return {
    tables: Object.keys(expected).length,
    rows: Object.values(expected).reduce((sum, n) => sum + n, 0),
    files: keys.size,
  };
}
