import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingFromBytes } from '../../src/app/files/incoming';
import { CHUNK_BYTES } from '../../src/app/files/postgres-store';
import type { FileStore } from '../../src/app/files/store';
import { moveFiles, sha256Of } from '../../src/ops/move-files';
import { drivers, storagePlaces } from '../support/stores';

let places: Awaited<ReturnType<typeof storagePlaces>>;
beforeAll(async () => {
  places = await storagePlaces();
});
afterAll(() => places.close());

async function keysOf(store: FileStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const file of store.list()) keys.push(file.key);
  return keys.sort();
}

const pairs = drivers.flatMap((from) => drivers.filter((to) => to !== from).map((to) => [from, to] as const));

describe.each(pairs)('moving attachments from %s to %s', (fromDriver, toDriver) => {
  it('copies every file, verified, and a second run finds nothing left to do', async () => {
    const from = places.store(fromDriver);
    const to = places.store(toDriver);
    const files = [randomBytes(CHUNK_BYTES * 2 + 7), randomBytes(10), Buffer.alloc(0)];
    const keys = [];
    for (const [i, bytes] of files.entries()) keys.push(await from.put(incomingFromBytes(`f${i}`, bytes)));
    // The places are shared by the file's tests: the source may hold more than these files.
    const before = new Set(await keysOf(to));
    const toCopy = (await keysOf(from)).filter((key) => !before.has(key));

    const first = await moveFiles(places.database.db, from, to);
    expect(first.failed).toEqual([]);
    for (const key of keys) {
      expect(await to.exists(key)).toBe(true);
      expect(await sha256Of(to, key)).toBe(key);
    }
    expect(first.copied).toBe(toCopy.length);

    const again = await moveFiles(places.database.db, from, to);
    expect(again.copied).toBe(0);
    expect(again.skipped).toBe(first.copied + first.skipped);
  });
});

describe('the move', () => {
  it('resumes after an interruption, copying only what the first run did not', async () => {
    const from = places.store('local');
    const to = places.store('postgres');
    const keys = [];
    for (let i = 0; i < 4; i += 1) keys.push(await from.put(incomingFromBytes(`r${i}`, randomBytes(3000))));
    // The source fails on one file, as a process stopped half-way would leave it.
    const broken = keys[2] ?? '';
    const flaky: FileStore = {
      ...from,
      driver: from.driver,
      list: () => from.list(),
      exists: (key) => from.exists(key),
      remove: (key) => from.remove(key),
      put: (file) => from.put(file),
      write: (key, size, content) => from.write(key, size, content),
      open: (key) => (key === broken ? Promise.reject(new Error('interrupted')) : from.open(key)),
    };
    const first = await moveFiles(places.database.db, flaky, to);
    expect(first.failed).toEqual([{ key: broken, reason: 'interrupted' }]);
    expect(await to.exists(broken)).toBe(false);

    const second = await moveFiles(places.database.db, from, to);
    expect(second.failed).toEqual([]);
    expect(second.copied).toBe(1);
    for (const key of keys) expect(await sha256Of(to, key)).toBe(key);
  });

  it('refuses a source file whose content no longer matches its checksum, and keeps nothing of it', async () => {
    const from = places.store('s3');
    const to = places.store('local');
    const good = randomBytes(500);
    const key = await from.put(incomingFromBytes('good.bin', good));
    const damaged: FileStore = {
      ...from,
      driver: from.driver,
      list: async function* () {
        yield { key, size: good.length };
      },
      exists: (k) => from.exists(k),
      remove: (k) => from.remove(k),
      put: (file) => from.put(file),
      write: (k, size, content) => from.write(k, size, content),
      open: async () => (await import('node:stream')).Readable.from([randomBytes(500)]),
    };
    await to.remove(key);
    const report = await moveFiles(places.database.db, damaged, to);
    expect(report.copied).toBe(0);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.reason).toMatch(/does not match its key/);
    expect(await to.exists(key)).toBe(false);
  });

  it('removes the source copies with deleteFromSource once each is verified in the target', async () => {
    const from = places.store('postgres');
    const to = places.store('s3');
    const key = await from.put(incomingFromBytes('moved.bin', randomBytes(CHUNK_BYTES + 1)));
    const report = await moveFiles(places.database.db, from, to, { deleteFromSource: true });
    expect(report.failed).toEqual([]);
    expect(await from.exists(key)).toBe(false);
    expect(await keysOf(from)).toEqual([]);
    expect(await sha256Of(to, key)).toBe(key);
  });
});
