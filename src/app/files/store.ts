import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppContext } from '../context';

/**
 * Where attachment bytes live, addressed by their SHA-256: identical content is stored once.
 * A small interface so an S3-compatible store can replace the filesystem later.
 */
export interface FileStore {
  /** Stores the bytes (unless already there) and returns their key, the hex SHA-256. */
  put(bytes: Buffer): Promise<string>;
  /** The bytes of a key; rejects when the key is unknown. */
  get(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
}

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const KEY = /^[0-9a-f]{64}$/;

function assertKey(key: string) {
  if (!KEY.test(key)) throw new Error(`not a file key: ${key}`);
}

/** Files under `<root>/<first two hex digits>/<sha256>`, written atomically (temp file + rename). */
export class FilesystemFileStore implements FileStore {
  constructor(readonly root: string) {}

  async put(bytes: Buffer): Promise<string> {
    const key = sha256Of(bytes);
    if (await this.exists(key)) return key;
    const folder = join(this.root, key.slice(0, 2));
    await mkdir(folder, { recursive: true });
    const temp = join(folder, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, this.pathOf(key));
    } finally {
      await rm(temp, { force: true });
    }
    return key;
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }

  private pathOf(key: string): string {
    assertKey(key);
    return join(this.root, key.slice(0, 2), key);
  }
}

/** Keeps files in memory: for tests that want no disk. */
export class MemoryFileStore implements FileStore {
  readonly files = new Map<string, Buffer>();

  async put(bytes: Buffer): Promise<string> {
    const key = sha256Of(bytes);
    if (!this.files.has(key)) this.files.set(key, Buffer.from(bytes));
    return key;
  }

  async get(key: string): Promise<Buffer> {
    const bytes = this.files.get(key);
    if (!bytes) throw new Error(`no file ${key}`);
    return bytes;
  }

  async exists(key: string): Promise<boolean> {
    return this.files.has(key);
  }
}

const chosen = new WeakMap<AppContext, FileStore>();
const byRoot = new Map<string, FileStore>();

/** The store of an application context: the one given by `useFileStore`, else `${DATA_DIR}/files`. */
export function fileStoreOf(ctx: AppContext): FileStore {
  const explicit = chosen.get(ctx);
  if (explicit) return explicit;
  const root = resolve(ctx.config.DATA_DIR, 'files');
  let store = byRoot.get(root);
  if (!store) {
    store = new FilesystemFileStore(root);
    byRoot.set(root, store);
  }
  return store;
}

/** Gives a context its own store (tests; later an object store chosen by configuration). */
export function useFileStore(ctx: AppContext, store: FileStore): void {
  chosen.set(ctx, store);
}
