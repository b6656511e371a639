import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, ticketMessages, tickets } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, type TestCompany, ticketInput } from '../support/factories';
import { multipart, sampleFiles } from '../support/multipart';

let t: TestApp;
let acme: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;
let ip = 0;
const signedIn = async (user: { email: string }) => {
  ip += 1;
  const client = new TestClient(t.app, `10.61.0.${ip}`);
  await client.login(user.email);
  return client;
};

beforeAll(async () => {
  t = await testApp({ env: { STORAGE_DRIVER: 'postgres' } });
  acme = await createCompany(t.ctx.db, { flex: true });
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

const upload = (client: TestClient, ticketId: string, fileName: string, bytes: Buffer) =>
  client.request({
    method: 'POST',
    url: `/api/tickets/${ticketId}/attachments`,
    ...multipart([{ name: 'file', fileName, bytes }]),
  });

/** A ticket of the company with a customer message, a staff answer, an internal note and a file. */
async function conversation(
  author: { email: string },
  subject: string,
  file: { name: string; bytes: Buffer },
) {
  const customer = await signedIn(author);
  const agent = await signedIn(staff.agent);
  const created = await customer.post('/api/tickets', await ticketInput(t.ctx.db, { subject }));
  expect(created.statusCode).toBe(201);
  const ticketId: string = created.json().ticket.id;
  const uploaded = await upload(customer, ticketId, file.name, file.bytes);
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  expect(
    (await agent.post(`/api/tickets/${ticketId}/messages`, { body: 'Nous regardons.', visibility: 'public' }))
      .statusCode,
  ).toBe(201);
  expect(
    (
      await agent.post(`/api/tickets/${ticketId}/messages`, {
        body: 'Note interne du support.',
        visibility: 'internal',
      })
    ).statusCode,
  ).toBe(201);
  expect(
    (await customer.post(`/api/tickets/${ticketId}/messages`, { body: 'Merci, cordialement.' })).statusCode,
  ).toBe(201);
  return ticketId;
}

/** Downloads an archive and unpacks it into a temporary folder. */
async function unpack(
  client: TestClient,
  url: string,
): Promise<{ dir: string; read: (f: string) => Promise<Buffer> }> {
  const response = await client.get(url);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toContain('application/gzip');
  const dir = await mkdtemp(join(tmpdir(), 'guichet-export-test-'));
  await writeFile(join(dir, 'archive.tar.gz'), response.rawPayload);
  await tar.extract({ file: join(dir, 'archive.tar.gz'), cwd: dir });
  return { dir, read: (file) => readFile(join(dir, file)) };
}

describe('personal data export', () => {
  it("exports a company's tickets, messages, events and attachment bytes as the database holds them", async () => {
    const ticketId = await conversation(acme.customer, 'Export de la facture', {
      name: 'rapport.pdf',
      bytes: sampleFiles.pdf,
    });
    const admin = await signedIn(staff.admin);
    const archive = await unpack(admin, `/api/companies/${acme.company.id}/personal-data`);
    try {
      const exported = JSON.parse((await archive.read('tickets.json')).toString());
      const dbTickets = await t.ctx.db.select().from(tickets).where(eq(tickets.companyId, acme.company.id));
      expect(exported.map((x: { id: string }) => x.id).sort()).toEqual(dbTickets.map((x) => x.id).sort());
      for (const ticket of exported) {
        const dbMessages = await t.ctx.db
          .select()
          .from(ticketMessages)
          .where(eq(ticketMessages.ticketId, ticket.id));
        expect(ticket.messages.map((m: { id: string; body: string }) => [m.id, m.body]).sort()).toEqual(
          dbMessages.map((m) => [m.id, m.body]).sort(),
        );
        const dbFiles = await t.ctx.db.select().from(attachments).where(eq(attachments.ticketId, ticket.id));
        expect(ticket.attachments).toHaveLength(dbFiles.length);
        for (const file of ticket.attachments) {
          const bytes = await archive.read(file.archivePath);
          expect(bytes.length).toBe(file.size);
          expect(createHashHex(bytes)).toBe(file.sha256);
        }
        expect(ticket.events.length).toBeGreaterThan(0);
      }
      const ours = exported.find((x: { id: string }) => x.id === ticketId);
      expect((await archive.read(ours.attachments[0].archivePath)).equals(sampleFiles.pdf)).toBe(true);
      const people = JSON.parse((await archive.read('users.json')).toString());
      expect(people.map((p: { id: string }) => p.id).sort()).toEqual(
        [acme.customer.id, acme.manager.id].sort(),
      );
      expect(people.every((p: Record<string, unknown>) => !('passwordHash' in p))).toBe(true);
      const manifest = JSON.parse((await archive.read('manifest.json')).toString());
      expect(manifest).toMatchObject({ format: 'guichet-personal-data', subject: { kind: 'company' } });
      expect((await archive.read('README.md')).toString()).toContain('tickets.json');
    } finally {
      await rm(archive.dir, { recursive: true, force: true });
    }
  });

  it("lets a manager export their own company without internal notes, and no one else's", async () => {
    await conversation(acme.customer, 'Autre demande', { name: 'capture.png', bytes: sampleFiles.png });
    const manager = await signedIn(acme.manager);
    const archive = await unpack(manager, `/api/companies/${acme.company.id}/personal-data`);
    try {
      const text = (await archive.read('tickets.json')).toString();
      expect(text).toContain('Nous regardons.');
      expect(text).not.toContain('Note interne du support.');
      expect(JSON.parse((await archive.read('audit.json')).toString())).toEqual([]);
    } finally {
      await rm(archive.dir, { recursive: true, force: true });
    }
    const other = await createCompany(t.ctx.db);
    expect((await manager.get(`/api/companies/${other.company.id}/personal-data`)).statusCode).toBe(404);
    const colleague = await signedIn(acme.customer);
    expect((await colleague.get(`/api/companies/${acme.company.id}/personal-data`)).statusCode).toBe(403);
  });
});

const createHashHex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
