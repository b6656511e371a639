import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../context';
import { type IncomingFile, sha256OfStream } from './incoming';

/**
 * Where attachment bytes live, addressed by their SHA-256: identical content is stored once.
 * A small interface so an S3-compatible store can replace the filesystem later.
 */
export interface FileStore {
  /** Stores the file's content (unless already there), streamed, and returns its key, the hex SHA-256. */
  put(file: IncomingFile): Promise<string>;
  /** The bytes of a key; rejects when the key is unknown. */
  get(key: string): Promise<Buffer>;
  /** The content of a key as a stream, for answers that should not hold a whole file in memory. */
  open(key: string): Readable;
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

  async put(file: IncomingFile): Promise<string> {
    const key = file.sha256 ?? (await sha256OfStream(file.open()));
    if (await this.exists(key)) return key;
    const folder = join(this.root, key.slice(0, 2));
    await mkdir(folder, { recursive: true });
    const temp = join(folder, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await pipeline(file.open(), createWriteStream(temp, { flags: 'wx' }));
      await rename(temp, this.pathOf(key));
    } finally {
      await rm(temp, { force: true });
    }
    return key;
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  open(key: string): Readable {
    return createReadStream(this.pathOf(key));
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

  async put(file: IncomingFile): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of file.open()) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const key = sha256Of(bytes);
    if (!this.files.has(key)) this.files.set(key, bytes);
    return key;
  }

  open(key: string): Readable {
    const bytes = this.files.get(key);
    if (!bytes) throw new Error(`no file ${key}`);
    return Readable.from([bytes]);
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
