import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without type declarations.
import { buildServer } from '../../scripts/build-server.mjs';

// The real entry point, as `npm start` runs it (compiled, scripts/build-server.mjs), on a
// throw-away data directory. Its own build folder is two deep like dist/server/.
const dataDir = mkdtempSync(join(tmpdir(), 'guichet-start-'));
const build = join('dist', `startup-test-${process.pid}`);
const children: ChildProcess[] = [];
const inboundToken = 'startup-test-inbound-token';

beforeAll(async () => {
  await buildServer(build);
}, 120_000);

function start(
  port: number,
  isReady: (output: string) => boolean = (out) => out.includes('Guichet is running'),
  program = join(build, 'main.mjs'),
) {
  const child = spawn(process.execPath, ['--enable-source-maps', program], {
    env: {
      ...process.env,
      INBOUND_WEBHOOK_TOKEN: inboundToken,
      DATA_DIR: dataDir,
      PORT: String(port),
      INBOUND_SMTP_PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  // 'close', not 'exit': the process can end before its last output has been read, and the tests
  // read the output once it has ended.
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (isReady(output)) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`exited with ${code}: ${output}`));
    });
  });
  ready.catch(() => undefined); // awaited only by callers that expect a start
  return { child, ready, exited, output: () => output };
}

// A test that failed midway must not leave its server holding the data directory for the next one.
afterEach(async () => {
  const running = children.splice(0).filter((child) => child.exitCode === null && child.signalCode === null);
  for (const child of running) child.kill('SIGKILL');
  await Promise.all(running.map((child) => new Promise((resolve) => child.once('exit', resolve))));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(build, { recursive: true, force: true });
});

describe('npm start on the embedded database', () => {
  it('serves the portal, prints the demo logins, and a second start on the same data exits clearly', async () => {
    // Ready means the whole banner is out: the URL line and both demo logins.
    const bannerComplete = (out: string) =>
      out.includes('Guichet is running') && /client@acme\.demo/.test(out) && /agent@guichet\.demo/.test(out);
    const first = start(34000 + (process.pid % 1000), bannerComplete);
    await first.ready;
    expect(first.output()).toMatch(/client@acme\.demo/);
    expect(first.output()).toMatch(/agent@guichet\.demo/);
    const port = 34000 + (process.pid % 1000);
    const health = await fetch(`http://localhost:${port}/api/health`);
    expect(health.status).toBe(200);
    // A received mail is parsed in a thread of its own, from the compiled program beside the server.
    expect(existsSync(join(build, 'digest-worker.mjs'))).toBe(true);
    const mail = await fetch(`http://localhost:${port}/api/inbound/mail`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inboundToken}`, 'content-type': 'message/rfc822' },
      body: 'From: stranger@example.org\r\nTo: support@guichet.demo\r\nSubject: Bonjour\r\nMessage-ID: <startup-test@example.org>\r\n\r\nBonjour.\r\n',
    });
    expect(mail.status, await mail.clone().text()).toBe(200);
    expect((await mail.json()).outcome).toEqual(expect.any(String));

    const second = start(35000 + (process.pid % 1000));
    const code = await second.exited;
    expect(code).toBe(1);
    expect(second.output()).toContain('already used by another Guichet process');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  }, 240_000);

  it('starts again at once after the previous process was killed (stale lock taken over)', async () => {
    const port = 36000 + (process.pid % 1000);
    const first = start(port);
    await first.ready;
    first.child.kill('SIGKILL');
    await first.exited;

    const second = start(port);
    await second.ready;
    expect(second.output()).not.toContain('already used by another Guichet process');
    expect((await fetch(`http://localhost:${port}/api/health`)).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 240_000);

  it('stays up when a mail-parsing thread cannot start, and says the mail failed', async () => {
    // A build whose thread program is missing: the thread dies as it starts.
    const broken = `${build}-broken`;
    await buildServer(broken);
    rmSync(join(broken, 'digest-worker.mjs'));
    try {
      const port = 37000 + (process.pid % 1000);
      const server = start(port, undefined, join(broken, 'main.mjs'));
      await server.ready;
      const mail = await fetch(`http://localhost:${port}/api/inbound/mail`, {
        method: 'POST',
        headers: { authorization: `Bearer ${inboundToken}`, 'content-type': 'message/rfc822' },
        body: 'From: stranger@example.org\r\nSubject: Bonjour\r\n\r\nBonjour.\r\n',
      });
      expect(mail.status).toBeGreaterThanOrEqual(500);
      expect((await fetch(`http://localhost:${port}/api/health`)).status).toBe(200);
      expect(server.child.exitCode).toBeNull();
      expect(server.output()).toContain('a mail-parsing thread failed');
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 240_000);
});
