import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, insertTicket, type TestCompany } from '../support/factories';
import { multipart, sampleFiles } from '../support/multipart';

// The EICAR test file: harmless, recognised by every antivirus as a test of its detection.
const eicar = Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*');
const webhookToken = 'inbound-webhook-token-0123456789';

let dir: string;
let socket: string;
let clamd: ChildProcess | null = null;
let t: TestApp;
let acme: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;

/** A private clamd on its own socket, with a local signature database (no download) for EICAR. */
async function startClamd(): Promise<ChildProcess> {
  if (spawnSync('sh', ['-c', 'command -v clamd']).status !== 0) {
    throw new Error('clamd is missing: apt-get install -y clamav-daemon (.ci/run does it)');
  }
  const db = mkdtempSync(join(dir, 'db-'));
  writeFileSync(join(db, 'eicar.hdb'), '44d88612fea8a8f36de82e1278abb02f:68:Eicar-Test-Signature\n');
  const config = join(dir, 'clamd.conf');
  writeFileSync(
    config,
    [
      `LocalSocket ${socket}`,
      `DatabaseDirectory ${db}`,
      `TemporaryDirectory ${dir}`,
      'Foreground yes',
      `LogFile ${join(dir, 'clamd.log')}`,
    ].join('\n'),
  );
  const child = spawn('clamd', [`--config-file=${config}`], { stdio: 'ignore' });
  // Ready when it answers PING on its socket.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`clamd exited with ${child.exitCode}`);
    if ((await ping()) === 'PONG') return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function ping(): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(socket);
    let answer = '';
    s.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
    });
    s.on('end', () => resolve(answer.replace(/\0/g, '').trim()));
    s.on('error', () => resolve(''));
    s.on('connect', () => s.end('zPING\0'));
  });
}

async function stopClamd() {
  const child = clamd;
  clamd = null;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'guichet-clamd-'));
  socket = join(dir, 'clamd.sock');
  clamd = await startClamd();
  t = await testApp({ env: { CLAMAV_SOCKET: socket, INBOUND_WEBHOOK_TOKEN: webhookToken } });
  acme = await createCompany(t.ctx.db);
  staff = await createStaff(t.ctx.db);
}, 180_000);
afterAll(async () => {
  await stopClamd();
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const signedIn = async (email: string) => {
  const client = new TestClient(t.app);
  await client.login(email);
  return client;
};

const upload = (client: TestClient, ticketId: string, file: { fileName: string; bytes: Buffer }) =>
  client.request({
    method: 'POST',
    url: `/api/tickets/${ticketId}/attachments`,
    ...multipart([{ name: 'file', fileName: file.fileName, bytes: file.bytes }]),
  });

describe('malware scanning with ClamAV (CLAMAV_SOCKET)', () => {
  it('refuses an EICAR upload with a clear message and stores nothing; a clean file passes', async () => {
    const ticket = await insertTicket(t.ctx.db, { companyId: acme.company.id, createdBy: acme.customer.id });
    const client = await signedIn(acme.customer.email);
    const refused = await upload(client, ticket.id, { fileName: 'rapport.txt', bytes: eicar });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'attachment_infected' });
    expect(refused.json().message).toContain('« rapport.txt »');
    expect((await client.get(`/api/tickets/${ticket.id}/attachments`)).json().items).toEqual([]);
    const clean = await upload(client, ticket.id, { fileName: 'a.pdf', bytes: sampleFiles.pdf });
    expect(clean.statusCode).toBe(201);
  });

  it('refuses an EICAR attachment of an inbound mail, while its text still reaches the ticket', async () => {
    const ticket = await insertTicket(t.ctx.db, { companyId: acme.company.id, createdBy: acme.customer.id });
    const { replyAddress } = await import('../../src/mail/reply-token');
    const to = replyAddress(t.ctx.config.secret, ticket.id, 'guichet.local');
    const raw = Buffer.from(
      [
        `From: ${acme.customer.email}`,
        `To: ${to}`,
        'Subject: Journal',
        `Message-ID: <eicar-${Date.now()}@client.example>`,
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Voici le fichier.',
        '--b',
        'Content-Type: text/plain; name="eicar.txt"',
        'Content-Disposition: attachment; filename="eicar.txt"',
        '',
        eicar.toString(),
        '--b--',
        '',
      ].join('\r\n'),
    );
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/inbound/mail',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${webhookToken}` },
      payload: raw,
    });
    expect(response.json()).toMatchObject({ outcome: 'posted', ticketId: ticket.id });
    const admin = await signedIn(staff.admin.email);
    const detail = (await admin.get(`/api/admin/inbound/${response.json().id}`)).json();
    expect(detail.details).toMatchObject({
      attached: [],
      refused: [{ fileName: 'eicar.txt', code: 'attachment_infected' }],
    });
  });

  it('with clamd stopped, uploads still work and admins see a warning', async () => {
    await stopClamd();
    const ticket = await insertTicket(t.ctx.db, { companyId: acme.company.id, createdBy: acme.customer.id });
    const client = await signedIn(acme.customer.email);
    const response = await upload(client, ticket.id, { fileName: 'a.pdf', bytes: sampleFiles.pdf });
    expect(response.statusCode).toBe(201);
    const admin = await signedIn(staff.admin.email);
    const state = (await admin.get('/api/admin/virus-scanner')).json();
    expect(state).toMatchObject({ configured: true, available: false });
    expect(state.lastError).toBeTruthy();
    expect((await client.get('/api/admin/virus-scanner')).statusCode).toBe(403);
  });
});
