import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { AppContext } from '../context';
import { assertKey, type FileStore, type StoredFile, verifying } from './file-store';
import type { IncomingFile } from './incoming';
import { FilesystemFileStore } from './local-store';
import { PostgresFileStore } from './postgres-store';
import { S3FileStore } from './s3-store';

export type { FileStore, StoredFile } from './file-store';
export { FilesystemFileStore } from './local-store';
export { PostgresFileStore } from './postgres-store';
export { S3FileStore } from './s3-store';

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export type StorageDriver = Config['STORAGE_DRIVER'];

/** The directory of the local driver: STORAGE_DIR, else `${DATA_DIR}/files`. */
export const localStorageRoot = (config: Config): string =>
  resolve(config.STORAGE_DIR ?? resolve(config.DATA_DIR, 'files'));

/** A store of the given driver, set up from the configuration (and the database, for `postgres`). */
export function storeFromConfig(
  config: Config,
  db: Db,
  driver: StorageDriver = config.STORAGE_DRIVER,
): FileStore {
  if (driver === 'postgres') return new PostgresFileStore(db);
  if (driver === 's3') {
    // config.ts refuses STORAGE_DRIVER=s3 without a bucket; a move to s3 checks it the same way.
    if (!config.S3_BUCKET) throw new Error('S3_BUCKET is not set');
    return new S3FileStore({
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      prefix: config.S3_PREFIX,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      credentials:
        config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
          : undefined,
    });
  }
  return new FilesystemFileStore(localStorageRoot(config));
}

const chosen = new WeakMap<AppContext, FileStore>();
const configured = new WeakMap<Db, Map<string, FileStore>>();

/** The store of an application context: the one given by `useFileStore`, else the configured driver. */
export function fileStoreOf(ctx: AppContext): FileStore {
  const explicit = chosen.get(ctx);
  if (explicit) return explicit;
  const signature = [
    ctx.config.STORAGE_DRIVER,
    localStorageRoot(ctx.config),
    ctx.config.S3_ENDPOINT,
    ctx.config.S3_BUCKET,
    ctx.config.S3_PREFIX,
  ].join('|');
  let stores = configured.get(ctx.db);
  if (!stores) {
    stores = new Map();
    configured.set(ctx.db, stores);
  }
  let store = stores.get(signature);
  if (!store) {
    store = storeFromConfig(ctx.config, ctx.db);
    stores.set(signature, store);
  }
  return store;
}

/** Gives a context its own store (tests). */
export function useFileStore(ctx: AppContext, store: FileStore): void {
  chosen.set(ctx, store);
}

/** Keeps files in memory: for tests that want no disk. */
export class MemoryFileStore implements FileStore {
  readonly driver = 'memory';
  readonly files = new Map<string, Buffer>();

  async put(file: IncomingFile): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of file.open()) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const key = sha256Of(bytes);
    if (!this.files.has(key)) this.files.set(key, bytes);
    return key;
  }

  async write(key: string, size: number, content: Readable): Promise<void> {
    const chunks: Buffer[] = [];
    await pipeline(content, verifying(key, size), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) chunks.push(chunk);
    });
    this.files.set(key, Buffer.concat(chunks));
  }

  async open(key: string): Promise<Readable> {
    assertKey(key);
    const bytes = this.files.get(key);
    if (!bytes) throw new Error(`no file ${key}`);
    return Readable.from([bytes]);
  }

  async exists(key: string): Promise<boolean> {
    return this.files.has(key);
  }

  async *list(): AsyncIterable<StoredFile> {
    for (const [key, bytes] of this.files) yield { key, size: bytes.length };
  }

  async remove(key: string): Promise<void> {
    this.files.delete(key);
  }
}
