import { createWriteStream } from 'node:fs';
import { access, mkdir, open as openFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertKey, type FileStore, isKey, putIncoming, type StoredFile, verifying } from './file-store';
import type { IncomingFile } from './incoming';

/** Files under `<root>/<first two hex digits>/<sha256>`, written atomically (temp file + rename). */
export class FilesystemFileStore implements FileStore {
  readonly driver = 'local';
  constructor(readonly root: string) {}

  put(file: IncomingFile): Promise<string> {
    return putIncoming(this, file);
  }

  async write(key: string, size: number, content: Readable): Promise<void> {
    const check = verifying(key, size);
    const folder = join(this.root, key.slice(0, 2));
    await mkdir(folder, { recursive: true });
    const temp = join(folder, `.${key}.${process.pid}.${Date.now()}.tmp`);
    try {
      await pipeline(content, check, createWriteStream(temp, { flags: 'wx' }));
      await rename(temp, this.pathOf(key));
    } finally {
      await rm(temp, { force: true });
    }
  }

  async open(key: string): Promise<Readable> {
    // Opened first, so an unknown key rejects here rather than later in the stream.
    const handle = await openFile(this.pathOf(key), 'r');
    return handle.createReadStream();
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }

  async *list(): AsyncIterable<StoredFile> {
    const folders = await readdir(this.root, { withFileTypes: true }).catch(() => []);
    for (const folder of folders) {
      if (!folder.isDirectory() || !/^[0-9a-f]{2}$/.test(folder.name)) continue;
      for (const name of await readdir(join(this.root, folder.name))) {
        if (!isKey(name) || name.slice(0, 2) !== folder.name) continue;
        yield { key: name, size: (await stat(join(this.root, folder.name, name))).size };
      }
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    assertKey(key);
    return join(this.root, key.slice(0, 2), key);
  }
}
