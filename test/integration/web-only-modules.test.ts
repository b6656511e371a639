import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, type Started, startProgram, stopAll, waitUntil } from '../support/topology/processes';

// The real entry point on a throw-away embedded database, with a loader hook that lists every
// module it loads. What only the worker needs must stay out of a web-only process.
const work = mkdtempSync(join(tmpdir(), 'guichet-modules-'));
const programs: Started[] = [];
afterAll(async () => {
  await stopAll(programs);
  rmSync(work, { recursive: true, force: true });
});

// The mail transport's package itself: the inbound SMTP listener has a nodemailer of its own.
const workerOnly = [
  '/src/jobs/worker.ts',
  '/src/jobs/tasks.ts',
  '/src/mail/dispatch.ts',
  '/src/mail/transport.ts',
  `${pathToFileURL(resolve('node_modules/nodemailer'))}/`,
];

async function modulesLoaded(worker: boolean): Promise<string[]> {
  const port = await freePort();
  const log = join(work, `modules-${worker}.log`);
  const server = startProgram(
    `server WORKER=${worker}`,
    process.execPath,
    ['--import', 'tsx', '--import', './test/support/module-log.mjs', 'src/main.ts'],
    {
      MODULE_LOG: log,
      DATA_DIR: join(work, 'data'),
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      INBOUND_SMTP_PORT: '0',
      LOG_LEVEL: 'silent',
      WORKER: String(worker),
      SEED_DEMO: 'false',
    },
  );
  programs.push(server);
  // The banner comes once everything the process starts with has started (the worker included).
  await waitUntil(
    () => server.output.some((line) => line.includes('Guichet is running')),
    'the server started',
    480_000,
    [server],
  );
  await stopAll([server]);
  return readFileSync(log, 'utf8').split('\n');
}

describe('a web-only process', () => {
  it('does not load the worker, the mail transport or its timers and digests', {
    timeout: 600_000,
  }, async () => {
    const withWorker = await modulesLoaded(true);
    // The hook sees these modules when the worker runs: their absence below means something.
    for (const part of workerOnly) expect(withWorker.some((url) => url.includes(part))).toBe(true);

    const webOnly = await modulesLoaded(false);
    expect(webOnly.some((url) => url.endsWith('/src/http/app.ts'))).toBe(true);
    for (const part of workerOnly) expect(webOnly.filter((url) => url.includes(part))).toEqual([]);
  });
});
