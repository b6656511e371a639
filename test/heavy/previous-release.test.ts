import { execFileSync, execSync } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../../src/app/seed/demo';
import { composeContext } from '../../src/composition';
import { openPostgres } from '../../src/db/client';
import { systemClock } from '../../src/domain/clock';
import { withDatabase } from '../support/global-setup';
import { configOf } from '../support/installation';
import { type Outcome, RecordingClient } from '../support/topology/http-client';
import { freePort, type Started, startProgram, stopAll, waitUntil } from '../support/topology/processes';

/**
 * Expand, then contract (ARCHITECTURE.md, "Upgrades"): during a rolling upgrade the previous
 * release's instances run on the schema of the new one. The previous release is the commit before
 * the newest migration (the last change of drizzle's journal), taken from the repository's own
 * history with `git archive`, so a clone with its history reproduces it and nothing in the working
 * tree or the repository is touched. That tree is run with this checkout's node_modules (a
 * symbolic link): installing its own would download everything again for each run, and a release
 * that needs other packages than the next one is caught here as a failure to start, which is the
 * signal to look at. The old server then serves the main reads and writes on the new schema, side
 * by side with a server of this release on the same database.
 */
const url = process.env.TEST_DATABASE_URL;
const dbName = `${new URL(url ?? 'postgres://x/none').pathname.slice(1)}_previous_${process.pid}`;
const admin = async (statement: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(statement);
  await client.end();
};
const repo = resolve('.');
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
const programs: Started[] = [];
let work = '';
afterAll(async () => {
  await stopAll(programs);
  if (url) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the previous release on the new schema', () => {
  it('serves sign-in, ticket creation, lists, replies and reads, beside this release', {
    timeout: 10 * 60_000,
  }, async () => {
    if (!url) throw new Error('this test needs TEST_DATABASE_URL');
    const newest = git('log', '-1', '--format=%H', '--', 'drizzle/meta/_journal.json');
    const previous = git('rev-parse', `${newest}^`);
    work = await mkdtemp(join(tmpdir(), 'guichet-previous-'));
    const oldTree = join(work, 'previous');
    execSync(`mkdir -p ${oldTree} && git archive ${previous} | tar -x -C ${oldTree}`, { cwd: repo });
    await symlink(join(repo, 'node_modules'), join(oldTree, 'node_modules'));

    // The new schema, and the demo, written by this release.
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${dbName}`);
    const databaseUrl = withDatabase(url, dbName);
    const database = await openPostgres(databaseUrl, 2);
    await database.migrate();
    const config = configOf({ DATABASE_URL: databaseUrl, DATA_DIR: work });
    await seedDemo(
      composeContext({ db: database.db, clock: systemClock, config, publicUrl: 'http://localhost' }),
    );
    await database.close();

    const [oldPort, newPort] = await Promise.all([freePort(), freePort()]);
    const env = (port: number) => ({
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: config.secret,
      SEED_DEMO: 'false',
      DATA_DIR: work,
      LOG_LEVEL: 'warn',
      INBOUND_SMTP_PORT: '0',
      WORKER: 'false',
      PORT: String(port),
      HOST: '127.0.0.1',
    });
    const start = (name: string, tree: string, port: number) =>
      startProgram(name, process.execPath, ['--import', 'tsx', join(tree, 'src/main.ts')], env(port));
    const old = start(`previous release (${previous.slice(0, 10)})`, oldTree, oldPort);
    const current = start('this release', repo, newPort);
    programs.push(old, current);
    for (const port of [oldPort, newPort]) {
      await waitUntil(
        async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200,
        `the server on ${port} ready`,
        5 * 60_000,
        programs,
      );
    }

    const outcomes: Outcome[] = [];
    const oldBase = `http://127.0.0.1:${oldPort}`;
    const newBase = `http://127.0.0.1:${newPort}`;
    const customer = new RecordingClient(oldBase, outcomes);
    await customer.login('client@acme.demo', demoPassword);
    const agent = new RecordingClient(oldBase, outcomes);
    await agent.login('agent@guichet.demo', demoPassword);

    // Writes and reads on the previous release.
    const types = await customer.call('GET', '/api/request-types');
    expect(types.status).toBe(200);
    const items = (types.json as { items: { id: string; code: string }[] }).items;
    const requestTypeId = items.find((t) => t.code === 'assistance')?.id;
    const created = await customer.call('POST', '/api/tickets', {
      requestTypeId,
      criticality: 'haute',
      subject: 'Export comptable bloqué pendant la mise à jour',
      description: 'Ouvert sur une instance de la version précédente.',
    });
    expect(created.status).toBe(201);
    const ticketId = (created.json as { ticket: { id: string } }).ticket.id;
    expect((await customer.call('GET', `/api/tickets/${ticketId}`)).status).toBe(200);
    expect((await customer.call('GET', '/api/tickets?limit=20')).status).toBe(200);
    expect((await agent.call('GET', '/api/tickets?limit=20')).status).toBe(200);
    expect(
      (await agent.call('POST', `/api/tickets/${ticketId}/messages`, { body: 'Nous regardons.' })).status,
    ).toBe(201);
    expect(
      (await customer.call('POST', `/api/tickets/${ticketId}/messages`, { body: 'Merci.' })).status,
    ).toBe(201);
    const timeline = await customer.call('GET', `/api/tickets/${ticketId}/timeline`);
    expect(timeline.status).toBe(200);

    // This release reads what the previous one wrote.
    const beside = new RecordingClient(newBase, outcomes);
    await beside.login('client@acme.demo', demoPassword);
    const read = await beside.call('GET', `/api/tickets/${ticketId}/timeline`);
    expect(read.status).toBe(200);
    const bodies = (read.json as { entries: { message: { body: string } | null }[] }).entries.map(
      (e) => e.message?.body,
    );
    expect(bodies).toEqual(expect.arrayContaining(['Nous regardons.', 'Merci.']));
    // And the previous one reads what this one writes.
    expect(
      (await beside.call('POST', `/api/tickets/${ticketId}/messages`, { body: 'Encore une chose.' })).status,
    ).toBe(201);
    const again = await customer.call('GET', `/api/tickets/${ticketId}/timeline`);
    const oldBodies = (again.json as { entries: { message: { body: string } | null }[] }).entries.map(
      (e) => e.message?.body,
    );
    expect(oldBodies).toContain('Encore une chose.');
  });
});
