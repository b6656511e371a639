import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { storedFileChunks, storedFiles } from '../../db/schema/stored-files';
import {
  assertKey,
  type FileStore,
  putIncoming,
  type StoredFile,
  type StoreOptions,
  verifying,
} from './file-store';
import type { IncomingFile } from './incoming';

/** Bytes per row: large enough to keep the number of rows small, small enough for any query. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Files kept in PostgreSQL (or PGlite) itself: no other component to run or share between
 * instances. A file is written chunk by chunk as its stream arrives and read back one chunk per
 * query, so neither way holds it whole. Written inside the caller's transaction when one is given
 * (the file then commits or rolls back with the attachment row); otherwise each chunk commits on
 * its own and the file appears when its `stored_files` row does, at the end.
 */
export class PostgresFileStore implements FileStore {
  readonly driver = 'postgres';
  constructor(private readonly db: Db) {}

  put(file: IncomingFile, options?: StoreOptions): Promise<string> {
    return putIncoming(this, file, options);
  }

  async write(key: string, size: number, content: Readable, options?: StoreOptions): Promise<void> {
    const db = options?.tx ?? this.db;
    const uploadId = randomUUID();
    let seq = 0;
    try {
      await pipeline(content, verifying(key, size), async (source: AsyncIterable<Buffer>) => {
        let pending: Buffer[] = [];
        let pendingBytes = 0;
        const flush = async (all: boolean) => {
          while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
            const joined = Buffer.concat(pending);
            const data = joined.subarray(0, CHUNK_BYTES);
            pending = joined.length > CHUNK_BYTES ? [joined.subarray(CHUNK_BYTES)] : [];
            pendingBytes = joined.length - data.length;
            await db.insert(storedFileChunks).values({ uploadId, seq, data });
            seq += 1;
          }
        };
        for await (const chunk of source) {
          pending.push(chunk);
          pendingBytes += chunk.length;
          await flush(false);
        }
        await flush(true);
      });
      const stored = await db
        .insert(storedFiles)
        .values({ sha256: key, uploadId, size, chunkCount: seq })
        .onConflictDoNothing()
        .returning({ sha256: storedFiles.sha256 });
      // Stored meanwhile by another upload: that copy serves, this one is not needed.
      if (stored.length === 0) await deleteChunks(db, uploadId);
    } catch (error) {
      await deleteChunks(db, uploadId).catch(() => undefined);
      throw error;
    }
  }

  async open(key: string, options?: StoreOptions): Promise<Readable> {
    assertKey(key);
    const db = options?.tx ?? this.db;
    const [file] = await db
      .select({ uploadId: storedFiles.uploadId, chunkCount: storedFiles.chunkCount })
      .from(storedFiles)
      .where(eq(storedFiles.sha256, key));
    if (!file) throw new Error(`no file ${key}`);
    return Readable.from(readChunks(db, file.uploadId, file.chunkCount), { objectMode: false });
  }

  async exists(key: string, options?: StoreOptions): Promise<boolean> {
    assertKey(key);
    const rows = await (options?.tx ?? this.db)
      .select({ sha256: storedFiles.sha256 })
      .from(storedFiles)
      .where(eq(storedFiles.sha256, key));
    return rows.length > 0;
  }

  async *list(): AsyncIterable<StoredFile> {
    let after = '';
    for (;;) {
      const page = await this.db
        .select({ key: storedFiles.sha256, size: storedFiles.size })
        .from(storedFiles)
        .where(gt(storedFiles.sha256, after))
        .orderBy(asc(storedFiles.sha256))
        .limit(500);
      yield* page;
      const last = page.at(-1);
      if (!last) return;
      after = last.key;
    }
  }

  async remove(key: string): Promise<void> {
    assertKey(key);
    await this.db.transaction(async (tx) => {
      const gone = await tx
        .delete(storedFiles)
        .where(eq(storedFiles.sha256, key))
        .returning({ uploadId: storedFiles.uploadId });
      for (const { uploadId } of gone) await deleteChunks(tx, uploadId);
    });
  }
}

/** One query per chunk, asked for only when the reader wants more. */
async function* readChunks(db: DbOrTx, uploadId: string, chunkCount: number): AsyncGenerator<Buffer> {
  for (let seq = 0; seq < chunkCount; seq += 1) {
    const [chunk] = await db
      .select({ data: storedFileChunks.data })
      .from(storedFileChunks)
      .where(and(eq(storedFileChunks.uploadId, uploadId), eq(storedFileChunks.seq, seq)));
    if (!chunk) throw new Error(`chunk ${seq} of upload ${uploadId} is missing`);
    yield chunk.data;
  }
}

async function deleteChunks(db: DbOrTx, uploadId: string): Promise<void> {
  await db.delete(storedFileChunks).where(eq(storedFileChunks.uploadId, uploadId));
}
