import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../src/app/seed/demo';
import { type Db, openPglite } from '../../src/db/client';
import { tickets, ticketTimers } from '../../src/db/schema/index';
import { type TestApp, testApp } from '../support/app';

// `npm run seed:demo` (src/seed-main.ts, its own process on an embedded database) against the
// seed `npm start` runs on an empty database (seedDemoIfEmpty over the composed context).
const dataDir = mkdtempSync(join(tmpdir(), 'guichet-seed-'));
let t: TestApp;

interface TimerLine {
  subject: string;
  status: string;
  kind: string;
  state: string;
}

/** Every timer of the demo tickets, by ticket subject, with the ticket's status. */
async function timersOf(db: Db): Promise<TimerLine[]> {
  const rows = await db
    .select({
      subject: tickets.subject,
      status: tickets.status,
      kind: ticketTimers.kind,
      state: ticketTimers.state,
    })
    .from(ticketTimers)
    .innerJoin(tickets, eq(tickets.id, ticketTimers.ticketId))
    .orderBy(tickets.subject, ticketTimers.kind, ticketTimers.state);
  return rows.map((r) => ({ subject: r.subject, status: r.status, kind: r.kind, state: r.state }));
}

function runSeedScript(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/seed-main.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    // 'close', not 'exit': only then has all of the output been read.
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`seed exited ${code}: ${output}`)),
    );
  });
}

beforeAll(async () => {
  t = await testApp({ now: new Date().toISOString() });
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('demo seed', () => {
  // A process of its own that migrates and seeds: allow it the time a loaded machine needs.
  it('npm run seed:demo leaves the same timers and SLA warnings as the seed of npm start', {
    timeout: 300_000,
  }, async () => {
    const output = await runSeedScript();
    expect(output).toContain('Demo data added');
    const script = await openPglite(join(dataDir, 'pglite'));
    let fromScript: TimerLine[];
    try {
      fromScript = await timersOf(script.db);
    } finally {
      await script.close();
    }
    await seedDemoIfEmpty(t.ctx);
    const fromStart = await timersOf(t.ctx.db);

    expect(fromScript).toEqual(fromStart);
    // The two defects the script had: the waiting ticket got no R9 timers, and SLA warnings were
    // left pending on a closed ticket.
    const waiting = fromScript.filter(
      (line) => line.status === 'waiting_customer' && line.state === 'pending',
    );
    expect(waiting.map((line) => line.kind)).toEqual(
      expect.arrayContaining(['auto_close', 'reminder_1', 'reminder_2']),
    );
    expect(fromScript.filter((line) => line.status === 'closed' && line.state === 'pending')).toEqual([]);
  });
});
