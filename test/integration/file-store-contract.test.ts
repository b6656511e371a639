import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepAbandonedUploads } from '../../src/app/files/abandoned-uploads';
import { ChecksumMismatchError } from '../../src/app/files/file-store';
import { incomingFromBytes } from '../../src/app/files/incoming';
import { CHUNK_BYTES } from '../../src/app/files/postgres-store';
import { type FileStore, sha256Of } from '../../src/app/files/store';
import { storedFileChunks, storedFiles } from '../../src/db/schema/stored-files';
import { drivers, storagePlaces } from '../support/stores';

async function readAll(stream: Readable): Promise<{ bytes: Buffer; largestChunk: number }> {
  const chunks: Buffer[] = [];
  let largestChunk = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    largestChunk = Math.max(largestChunk, (chunk as Buffer).length);
  }
  return { bytes: Buffer.concat(chunks), largestChunk };
}

async function keysOf(store: FileStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const file of store.list()) keys.push(file.key);
  return keys.sort();
}

/** A stream that gives some bytes, then fails, as a dropped upload or a broken source does. */
function failingStream(bytes: Buffer): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (sent) return this.destroy(new Error('connection lost'));
      sent = true;
      this.push(bytes);
    },
  });
}

let places: Awaited<ReturnType<typeof storagePlaces>>;
beforeAll(async () => {
  places = await storagePlaces();
});
afterAll(() => places.close());

describe.each(drivers)('the %s file store', (driver) => {
  const store = () => places.store(driver);
  // Larger than a few database chunks, so every driver moves it in pieces.
  const big = randomBytes(CHUNK_BYTES * 3 + 1234);

  it('stores content under its SHA-256, once, and gives it back as a stream', async () => {
    const key = await store().put(incomingFromBytes('big.bin', big));
    expect(key).toBe(sha256Of(big));
    expect(await store().exists(key)).toBe(true);
    expect(await store().put(incomingFromBytes('again.bin', big))).toBe(key);
    const { bytes } = await readAll(await store().open(key));
    expect(bytes.equals(big)).toBe(true);
    const listed = [];
    for await (const file of store().list()) if (file.key === key) listed.push(file);
    expect(listed).toEqual([{ key, size: big.length }]);
  });

  it('keeps an empty file', async () => {
    const key = await store().put(incomingFromBytes('empty.txt', Buffer.alloc(0)));
    expect((await readAll(await store().open(key))).bytes.length).toBe(0);
  });

  it('writes a stream under a given key only when the content has that checksum and size', async () => {
    const content = randomBytes(5000);
    const wrongKey = sha256Of(Buffer.from('something else'));
    await expect(store().write(wrongKey, content.length, Readable.from([content]))).rejects.toBeInstanceOf(
      ChecksumMismatchError,
    );
    await expect(store().write(sha256Of(content), 4000, Readable.from([content]))).rejects.toBeInstanceOf(
      ChecksumMismatchError,
    );
    expect(await store().exists(wrongKey)).toBe(false);
    expect(await store().exists(sha256Of(content))).toBe(false);
    await store().write(sha256Of(content), content.length, Readable.from([content]));
    expect((await readAll(await store().open(sha256Of(content)))).bytes.equals(content)).toBe(true);
  });

  it('keeps nothing of a stream that fails half-way', async () => {
    const content = randomBytes(CHUNK_BYTES * 2);
    const key = sha256Of(content);
    await expect(
      store().write(key, content.length, failingStream(content.subarray(0, 1000))),
    ).rejects.toThrow();
    expect(await store().exists(key)).toBe(false);
    expect(await keysOf(store())).not.toContain(key);
  });

  it('refuses to open an unknown key, and forgets a removed one', async () => {
    const content = randomBytes(100);
    const key = await store().put(incomingFromBytes('gone.bin', content));
    await store().remove(key);
    expect(await store().exists(key)).toBe(false);
    await expect(store().open(key)).rejects.toThrow();
    await expect(store().open('not-a-key')).rejects.toThrow();
  });
});

describe('the postgres file store', () => {
  it('keeps a file in bounded chunks and reads it back one chunk at a time', async () => {
    const content = randomBytes(CHUNK_BYTES * 4 + 10);
    const key = await places.store('postgres').put(incomingFromBytes('chunks.bin', content));
    const rows = await places.database.db.select().from(storedFileChunks);
    expect(rows.every((row) => row.data.length <= CHUNK_BYTES)).toBe(true);
    const { bytes, largestChunk } = await readAll(await places.store('postgres').open(key));
    expect(bytes.equals(content)).toBe(true);
    expect(largestChunk).toBeLessThanOrEqual(CHUNK_BYTES);
  });

  it('stores inside the caller’s transaction: rolled back, the file is gone with it', async () => {
    const content = randomBytes(CHUNK_BYTES + 1);
    const store = places.store('postgres');
    await expect(
      places.database.db.transaction(async (tx) => {
        await store.put(incomingFromBytes('rolled.bin', content), { tx });
        expect(await store.exists(sha256Of(content), { tx })).toBe(true);
        throw new Error('the attachment was refused');
      }),
    ).rejects.toThrow('refused');
    expect(await store.exists(sha256Of(content))).toBe(false);
  });

  it('sweeps the chunks of an upload abandoned half-way, never those of a file or of a live upload', async () => {
    const { db } = places.database;
    const store = places.store('postgres');
    const twoHoursAgo = sql`now() - interval '2 hours'`;
    // A file stored long ago, whose chunks are as old as the abandoned ones.
    const content = randomBytes(CHUNK_BYTES + 5);
    const key = await store.put(incomingFromBytes('kept.bin', content));
    const [file] = await db.select().from(storedFiles).where(eq(storedFiles.sha256, key));
    await db
      .update(storedFileChunks)
      .set({ createdAt: twoHoursAgo })
      .where(eq(storedFileChunks.uploadId, file?.uploadId ?? ''));
    // A process stopped after two chunks: no file row will ever point at them.
    const abandoned = randomUUID();
    for (const seq of [0, 1]) {
      await db
        .insert(storedFileChunks)
        .values({ uploadId: abandoned, seq, data: randomBytes(100), createdAt: twoHoursAgo });
    }
    // An upload still being written: it began long ago, but its last chunk has just arrived.
    const live = randomUUID();
    await db
      .insert(storedFileChunks)
      .values({ uploadId: live, seq: 0, data: randomBytes(100), createdAt: twoHoursAgo });
    await db.insert(storedFileChunks).values({ uploadId: live, seq: 1, data: randomBytes(100) });

    expect(await sweepAbandonedUploads(db)).toBe(1);
    const uploadsLeft = async (uploadId: string) =>
      (await db.select().from(storedFileChunks).where(eq(storedFileChunks.uploadId, uploadId))).length;
    expect(await uploadsLeft(abandoned)).toBe(0);
    expect(await uploadsLeft(live)).toBe(2);
    expect((await readAll(await store.open(key))).bytes.equals(content)).toBe(true);
    expect(await sweepAbandonedUploads(db)).toBe(0);
  });
});
