import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { DigestedMail, DigestOptions } from './digest';
import type { DigestTask } from './digest-worker';

/** A mail that takes longer than this to parse is given up (its worker thread is stopped). */
const TASK_TIMEOUT_MS = 120_000;

let pool: Piscina | null = null;

/**
 * Mail parsing runs in a small pool of worker threads: a 20 MB mail or a 1 MB header line costs
 * seconds of CPU, which on the main thread would stall every HTTP request meanwhile. Threads start
 * on the first mail and stop when idle.
 */
function mailPool(): Piscina {
  if (pool) return pool;
  // Compiled (scripts/build-server.mjs), the thread's program sits beside this one's as JavaScript;
  // from the sources, threads load the TypeScript the way the main thread does (tsx).
  const compiled = import.meta.url.endsWith('.mjs');
  const execArgv =
    compiled || process.execArgv.some((arg) => arg.includes('tsx'))
      ? process.execArgv
      : [...process.execArgv, '--import', 'tsx'];
  const created = new Piscina({
    filename: new URL(compiled ? './digest-worker.mjs' : './digest-worker.ts', import.meta.url).href,
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, availableParallelism() - 1)),
    idleTimeout: 30_000,
    execArgv,
  });
  // A thread that dies (its program missing, its memory exhausted) would, unheard, end the server;
  // the mails waiting for it would wait for the timeout. They fail at once instead (the sender is
  // told to try again later) and the next mail starts a new pool.
  created.on('error', (error: unknown) => {
    console.error('a mail-parsing thread failed:', error);
    if (pool === created) pool = null;
    void created.destroy();
  });
  pool = created;
  return created;
}

export async function digestInWorker(raw: Buffer, options: DigestOptions): Promise<DigestedMail> {
  const task: DigestTask = { kind: 'digest', raw, options };
  const digested = (await mailPool().run(task, {
    signal: AbortSignal.timeout(TASK_TIMEOUT_MS),
  })) as DigestedMail;
  // Buffers come back from the thread as plain Uint8Arrays.
  return { ...digested, attachments: digested.attachments.map((a) => ({ ...a, bytes: asBuffer(a.bytes) })) };
}

export async function attachmentsInWorker(raw: Buffer): Promise<{ fileName: string; bytes: Buffer }[]> {
  const task: DigestTask = { kind: 'attachments', raw };
  const files = (await mailPool().run(task, { signal: AbortSignal.timeout(TASK_TIMEOUT_MS) })) as {
    fileName: string;
    bytes: Uint8Array;
  }[];
  return files.map((f) => ({ fileName: f.fileName, bytes: asBuffer(f.bytes) }));
}

/** Stops the threads (at shutdown). */
export async function closeMailPool(): Promise<void> {
  const current = pool;
  pool = null;
  await current?.destroy();
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
