import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
// @ts-expect-error: a build script in plain JavaScript, without type declarations.
import { buildServer } from '../scripts/build-server.mjs';

/** The real server in a process of its own, as production starts it, for measuring its CPU and memory. */
export interface ServerProcess {
  pid: number;
  /** http://127.0.0.1:<port> */
  base: string;
  /** The application_name its database connections carry, to find its PostgreSQL backends. */
  applicationName: string;
  /** Resident memory of the server process, in MiB (VmRSS). */
  rssMiB(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts the compiled server, `node dist/server/main.mjs` (the Dockerfile's command; compiled here
 * first, scripts/build-server.mjs), without the worker, on a free
 * loopback port and without the inbound SMTP listener, with `env` added (DATABASE_URL or DATA_DIR, rate limits), and waits for /readyz.
 * Its request log goes to /dev/null: writing it costs the server its CPU, the reading does not.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const applicationName = `guichet-bench-${randomBytes(4).toString('hex')}`;
  const child: ChildProcess = spawn(process.execPath, await compiledProgram('main'), {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      WORKER: 'false',
      SEED_DEMO: 'false',
      // No inbound SMTP listener: its port would clash with any other instance on this machine.
      INBOUND_SMTP_PORT: '0',
      PGAPPNAME: applicationName,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() - started > 120_000) {
      child.kill('SIGKILL');
      throw new Error('the server did not become ready within 120 s');
    }
    await sleep(250);
  }
  const pid = child.pid ?? 0;
  return {
    pid,
    base,
    applicationName,
    rssMiB: async () => {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Node's arguments to run one of the programs as operators do, compiled to JavaScript
 * (scripts/build-server.mjs, run first: the build takes a second).
 */
export async function compiledProgram(program: 'main' | 'worker'): Promise<string[]> {
  await buildServer();
  return ['--enable-source-maps', `dist/server/${program}.mjs`];
}
