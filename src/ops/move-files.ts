import { createHash } from 'node:crypto';
import { asc } from 'drizzle-orm';
import type { FileStore } from '../app/files/file-store';
import type { DbOrTx } from '../db/client';
import { attachments } from '../db/schema/attachments';

export interface MoveReport {
  /** Copied into the target and read back with the right SHA-256. */
  copied: number;
  /** Already in the target (an earlier run, or the same content under another attachment). */
  skipped: number;
  /** Removed from the source after their copy was verified (with `deleteFromSource`). */
  deleted: number;
  /** Keys that could not be copied, each with the reason; the target holds nothing under them. */
  failed: { key: string; reason: string }[];
  /** Attachments of the database whose content the target still lacks after the run. */
  missing: string[];
}

/**
 * Copies every file of one store into another, verified: the content is checked against its key
 * while it is written, then read back from the target and hashed again. A file the target already
 * holds is skipped, so an interrupted move is simply run again. One file that fails does not stop
 * the others; it is reported. At the end every attachment the database knows is looked up in the
 * target, so a file missing from the source is reported too.
 */
export async function moveFiles(
  db: DbOrTx,
  from: FileStore,
  to: FileStore,
  options: { deleteFromSource?: boolean; onFile?: (key: string, outcome: string) => void } = {},
): Promise<MoveReport> {
  const report: MoveReport = { copied: 0, skipped: 0, deleted: 0, failed: [], missing: [] };
  for await (const file of from.list()) {
    try {
      if (await to.exists(file.key)) {
        report.skipped += 1;
        options.onFile?.(file.key, 'skipped');
      } else {
        await to.write(file.key, file.size, await from.open(file.key));
        const readBack = await sha256Of(to, file.key);
        if (readBack !== file.key) {
          await to.remove(file.key);
          throw new Error(`read back from the target with sha-256 ${readBack}`);
        }
        report.copied += 1;
        options.onFile?.(file.key, 'copied');
      }
      if (options.deleteFromSource) {
        await from.remove(file.key);
        report.deleted += 1;
      }
    } catch (error) {
      report.failed.push({ key: file.key, reason: (error as Error).message });
      options.onFile?.(file.key, 'failed');
    }
  }
  report.missing = await missingAttachments(db, to);
  return report;
}

/** The SHA-256 of a stored file, as read from its store. */
export async function sha256Of(store: FileStore, key: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of await store.open(key)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Contents of attachments that a store does not hold. */
export async function missingAttachments(db: DbOrTx, store: FileStore): Promise<string[]> {
  const rows = await db
    .selectDistinct({ sha256: attachments.sha256 })
    .from(attachments)
    .orderBy(asc(attachments.sha256));
  const missing: string[] = [];
  for (const { sha256 } of rows) if (!(await store.exists(sha256))) missing.push(sha256);
  return missing;
}
