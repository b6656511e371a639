import { createHash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import type { DbOrTx } from '../../db/client';
import { type IncomingFile, sha256OfStream } from './incoming';

/** A file held by a store: its key (the hex SHA-256 of its content) and its size in bytes. */
export interface StoredFile {
  key: string;
  size: number;
}

/** The caller's transaction, for a store that keeps files in the database (they commit together). */
export interface StoreOptions {
  tx?: DbOrTx;
}

/**
 * Where attachment bytes live, addressed by their SHA-256: identical content is stored once. Three
 * drivers keep them — a local directory, PostgreSQL, an S3-compatible object store — and all pass
 * the same contract test (test/integration/file-store-contract.test.ts). Content always travels as
 * a stream, in and out: no driver holds a whole file in memory.
 */
export interface FileStore {
  readonly driver: 'local' | 'postgres' | 's3' | 'memory';
  /** Stores the file's content (unless already there), streamed, and returns its key. */
  put(file: IncomingFile, options?: StoreOptions): Promise<string>;
  /**
   * Stores a stream under its key, checking on the way that the content has that SHA-256 and that
   * size: on a mismatch it rejects and nothing is kept under the key.
   */
  write(key: string, size: number, content: Readable, options?: StoreOptions): Promise<void>;
  /** The content of a key as a stream; rejects when the key is unknown. */
  open(key: string, options?: StoreOptions): Promise<Readable>;
  exists(key: string, options?: StoreOptions): Promise<boolean>;
  /** Every file held, in no particular order. */
  list(): AsyncIterable<StoredFile>;
  /** Forgets a key (nothing happens when it is unknown). */
  remove(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{64}$/;

export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`not a file key: ${key}`);
}

export const isKey = (name: string): boolean => KEY.test(name);

/** `put` in terms of `exists` and `write`, shared by the drivers. */
export async function putIncoming(
  store: FileStore,
  file: IncomingFile,
  options?: StoreOptions,
): Promise<string> {
  const key = file.sha256 ?? (await sha256OfStream(file.open()));
  if (await store.exists(key, options)) return key;
  await store.write(key, file.size, file.open(), options);
  return key;
}

export class ChecksumMismatchError extends Error {
  constructor(key: string, detail: string) {
    super(`content of ${key} does not match its key: ${detail}`);
    this.name = 'ChecksumMismatchError';
  }
}

/** A pass-through that fails at the end when what went through is not `size` bytes hashing to `key`. */
export function verifying(key: string, size: number): Transform {
  assertKey(key);
  const hash = createHash('sha256');
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > size) return done(new ChecksumMismatchError(key, `more than ${size} bytes`));
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      if (seen !== size) return done(new ChecksumMismatchError(key, `${seen} bytes, not ${size}`));
      const actual = hash.digest('hex');
      done(actual === key ? null : new ChecksumMismatchError(key, `sha-256 is ${actual}`));
    },
  });
}
