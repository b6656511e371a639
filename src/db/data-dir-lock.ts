import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  constructor(dir: string) {
    super(
      `The data directory ${dir} is already used by another Guichet process. ` +
        'Stop that process first, or start this one with another DATA_DIR (or a DATABASE_URL).',
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockOwner {
  pid: number;
  host: string;
}

const lockOptions = (dir: string) => ({ stale: 10_000, update: 3_000, lockfilePath: join(dir, '.lock') });

/**
 * PGlite lets two processes open one directory and then silently loses rows, so the server holds an
 * exclusive lock on its data directory for as long as it runs. The lock names its process: when that
 * process is gone (killed, crashed), the next start takes the lock over at once instead of waiting
 * for it to go stale.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, lockOptions(dir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    release = await takeOverFromDeadOwner(dir);
  }
  writeFileSync(ownerFile(dir), JSON.stringify({ pid: process.pid, host: hostname() } satisfies LockOwner));
  return async () => {
    rmSync(ownerFile(dir), { force: true });
    await release();
  };
}

const ownerFile = (dir: string) => join(dir, '.lock-owner');
const takeoverFile = (dir: string) => join(dir, '.lock-takeover');

async function takeOverFromDeadOwner(dir: string): Promise<() => Promise<void>> {
  if (!ownerIsGone(readOwner(dir))) throw new DataDirLockedError(dir);
  // Two processes starting together after a crash must not both take over: the one that creates
  // the takeover marker does it, the other is refused like any second start.
  clearAbandonedTakeover(dir);
  let marker: number;
  try {
    marker = openSync(takeoverFile(dir), 'wx');
  } catch {
    throw new DataDirLockedError(dir);
  }
  try {
    rmSync(join(dir, '.lock'), { recursive: true, force: true });
    return await lockfile.lock(dir, lockOptions(dir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dir);
    throw error;
  } finally {
    closeSync(marker);
    rmSync(takeoverFile(dir), { force: true });
  }
}

function readOwner(dir: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(ownerFile(dir), 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string'
      ? { pid: owner.pid, host: owner.host }
      : null;
  } catch {
    return null;
  }
}

/** Only a process of this machine can be checked; a lock held elsewhere is left to go stale. */
function ownerIsGone(owner: LockOwner | null): boolean {
  if (!owner || owner.host !== hostname()) return false;
  // In a container restarted after a kill, the new process may get the dead one's PID: that is us.
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** A marker left by a process that died in the middle of a takeover is cleared after a while. */
function clearAbandonedTakeover(dir: string) {
  try {
    if (Date.now() - statSync(takeoverFile(dir)).mtimeMs > 30_000) rmSync(takeoverFile(dir), { force: true });
  } catch {
    // no marker: nothing to clear
  }
}
