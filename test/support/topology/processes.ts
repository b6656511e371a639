import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A program started by a test: its last output lines (for a failure's message) and how it ended. */
export interface Started {
  name: string;
  child: ChildProcess;
  exited: Promise<number | string | null>;
  output: string[];
  running(): boolean;
}

/** A port nobody listens on right now (the kernel's choice). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts a program with its output kept (the last 200 lines), never inheriting the test's stdio. */
export function startProgram(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
): Started {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim()) output.push(line);
    }
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  return {
    name,
    child,
    exited,
    output,
    running: () => child.exitCode === null && child.signalCode === null,
  };
}

/**
 * A Guichet entry point run by Node itself (not npx or npm), so that a signal reaches the server
 * and not a wrapper: `src/main.ts` for a web instance, `src/jobs/worker-main.ts` for a worker.
 */
export function startGuichet(name: string, entry: string, env: Record<string, string>): Started {
  return startProgram(name, process.execPath, ['--import', 'tsx', entry], env);
}

/** Polls `check` until it holds; fails with `what` (and the programs' last lines) after `timeoutMs`. */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs: number,
  programs: Started[] = [],
): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet: the program may still be starting
    }
    if (Date.now() - started > timeoutMs) {
      const tails = programs.map((p) => `--- ${p.name}\n${p.output.slice(-15).join('\n')}`).join('\n');
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${tails}`);
    }
    await sleep(200);
  }
}

/** Ends every program still running: SIGTERM, then SIGKILL for any that does not stop in time. */
export async function stopAll(programs: Started[], graceMs = 15_000): Promise<void> {
  const running = programs.filter((p) => p.running());
  for (const program of running) program.child.kill('SIGTERM');
  await Promise.race([Promise.all(running.map((p) => p.exited)), sleep(graceMs)]);
  for (const program of running) if (program.running()) program.child.kill('SIGKILL');
  await Promise.all(running.map((p) => p.exited));
}
