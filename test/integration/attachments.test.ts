import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachFiles } from '../../src/app/files/attach-files';
import { incomingFromBytes } from '../../src/app/files/incoming';
import { MemoryFileStore, sha256Of, useFileStore } from '../../src/app/files/store';
import { attachments, ticketEvents } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import {
  createCompany,
  createStaff,
  insertMessage,
  insertTicket,
  type TestCompany,
} from '../support/factories';
import { multipart, sampleFiles } from '../support/multipart';

let t: TestApp;
let dataDir: string;
let acme: TestCompany;
let globex: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'guichet-files-'));
  t = await testApp({ env: { DATA_DIR: dataDir } });
  acme = await createCompany(t.ctx.db);
  globex = await createCompany(t.ctx.db);
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

const signedIn = async (email: string, app = t.app) => {
  const client = new TestClient(app);
  await client.login(email);
  return client;
};

const upload = (
  client: TestClient,
  ticketId: string,
  files: { fileName: string; bytes: Buffer }[],
  extra = {},
) => {
  const form = multipart([
    ...files.map((f) => ({ name: 'file', fileName: f.fileName, bytes: f.bytes })),
    ...Object.entries(extra).map(([name, value]) => ({ name, value: String(value) })),
  ]);
  return client.request({ method: 'POST', url: `/api/tickets/${ticketId}/attachments`, ...form });
};

const acmeTicket = () => insertTicket(t.ctx.db, { companyId: acme.company.id, createdBy: acme.customer.id });

describe('attachments', () => {
  it('accepts a PDF and a PNG, stores them by content hash, and downloads them with safe headers', async () => {
    const ticket = await acmeTicket();
    const client = await signedIn(acme.customer.email);
    const response = await upload(client, ticket.id, [
      { fileName: 'facture mars.pdf', bytes: sampleFiles.pdf },
      { fileName: 'écran.png', bytes: sampleFiles.png },
    ]);
    expect(response.statusCode).toBe(201);
    const [pdf, png] = response.json().items;
    expect(pdf).toMatchObject({
      fileName: 'facture mars.pdf',
      contentType: 'application/pdf',
      size: sampleFiles.pdf.length,
    });
    expect(png).toMatchObject({ fileName: 'écran.png', contentType: 'image/png' });
    const key = sha256Of(sampleFiles.pdf);
    expect(pdf.sha256).toBe(key);
    expect(readdirSync(join(dataDir, 'files', key.slice(0, 2)))).toContain(key);

    const download = await client.get(pdf.downloadUrl);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(sampleFiles.pdf)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="facture mars.pdf"; filename*=UTF-8''facture%20mars.pdf`,
    );
    const image = await client.get(png.downloadUrl);
    expect(image.headers['content-disposition']).toContain(`filename*=UTF-8''%C3%A9cran.png`);

    const list = (await client.get(`/api/tickets/${ticket.id}/attachments`)).json().items;
    expect(list.map((a: { fileName: string }) => a.fileName)).toEqual(['facture mars.pdf', 'écran.png']);
    expect(list[0].uploadedBy).toEqual({ id: acme.customer.id, name: acme.customer.name });
  });

  it('stores identical content once', async () => {
    const ticket = await acmeTicket();
    const client = await signedIn(acme.customer.email);
    const bytes = Buffer.from(`Unique log ${ticket.id}\n`);
    await upload(client, ticket.id, [{ fileName: 'a.log', bytes }]);
    await upload(client, ticket.id, [{ fileName: 'b.log', bytes }]);
    const key = sha256Of(bytes);
    const rows = await t.ctx.db.select().from(attachments).where(eq(attachments.sha256, key));
    expect(rows).toHaveLength(2);
    expect(readdirSync(join(dataDir, 'files', key.slice(0, 2))).filter((f) => f === key)).toHaveLength(1);
    expect(rows[0]?.contentType).toBe('text/plain; charset=utf-8');
  });

  it('refuses an executable renamed .pdf, naming the file, and keeps nothing of the upload', async () => {
    const ticket = await acmeTicket();
    const client = await signedIn(acme.customer.email);
    const response = await upload(client, ticket.id, [
      { fileName: 'ok.pdf', bytes: sampleFiles.pdf },
      { fileName: 'facture.pdf', bytes: sampleFiles.exe },
    ]);
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'attachment_type_refused' });
    expect(response.json().message).toContain('« facture.pdf »');
    expect(await t.ctx.db.select().from(attachments).where(eq(attachments.ticketId, ticket.id))).toEqual([]);
  });

  it('refuses binary content that is not an accepted type, even named .txt', async () => {
    const ticket = await acmeTicket();
    const client = await signedIn(acme.customer.email);
    const response = await upload(client, ticket.id, [
      { fileName: 'notes.txt', bytes: Buffer.from([0xff, 0xfe, 0, 1, 2]) },
    ]);
    expect(response.json().code).toBe('attachment_type_refused');
  });

  it('refuses a file over the per-file limit, in the caller’s language, and writes nothing', async () => {
    const small = await testApp({ env: { MAX_UPLOAD_MB: '0.01', DATA_DIR: dataDir } });
    try {
      const company = await createCompany(small.ctx.db, { language: 'de' });
      const ticket = await insertTicket(small.ctx.db, {
        companyId: company.company.id,
        createdBy: company.customer.id,
      });
      const client = await signedIn(company.customer.email, small.app);
      const big = Buffer.concat([sampleFiles.pdf, Buffer.alloc(20_000, 0x20)]);
      const response = await upload(client, ticket.id, [
        { fileName: 'small.pdf', bytes: sampleFiles.pdf },
        { fileName: 'gross.pdf', bytes: big },
      ]);
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: 'attachment_too_large' });
      expect(response.json().message).toContain('«gross.pdf»');
      expect(await small.ctx.db.select().from(attachments)).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('refuses files that would take a ticket over its total, naming the file that does not fit', async () => {
    const small = await testApp({ env: { MAX_UPLOAD_MB: '0.01', MAX_TICKET_UPLOAD_MB: '0.015' } });
    useFileStore(small.ctx, new MemoryFileStore());
    try {
      const company = await createCompany(small.ctx.db);
      const ticket = await insertTicket(small.ctx.db, {
        companyId: company.company.id,
        createdBy: company.customer.id,
      });
      const client = await signedIn(company.customer.email, small.app);
      const chunk = (tag: string) => Buffer.from(`${tag}\n${'x'.repeat(8000)}\n`);
      expect((await upload(client, ticket.id, [{ fileName: 'one.log', bytes: chunk('1') }])).statusCode).toBe(
        201,
      );
      const response = await upload(client, ticket.id, [{ fileName: 'two.log', bytes: chunk('2') }]);
      expect(response.statusCode).toBe(413);
      expect(response.json().code).toBe('ticket_attachments_full');
      expect(response.json().message).toContain('two.log');
      expect(await small.ctx.db.select().from(attachments)).toHaveLength(1);
    } finally {
      await small.close();
    }
  });

  it('answers 404 when another company’s customer lists, uploads to, or downloads an attachment', async () => {
    const ticket = await acmeTicket();
    const owner = await signedIn(acme.customer.email);
    const uploaded = (await upload(owner, ticket.id, [{ fileName: 'a.pdf', bytes: sampleFiles.pdf }])).json()
      .items[0];
    const intruder = await signedIn(globex.customer.email);
    expect((await intruder.get(uploaded.downloadUrl)).statusCode).toBe(404);
    expect((await intruder.get(`/api/tickets/${ticket.id}/attachments`)).statusCode).toBe(404);
    expect(
      (await upload(intruder, ticket.id, [{ fileName: 'b.pdf', bytes: sampleFiles.pdf }])).statusCode,
    ).toBe(404);
    const agent = await signedIn(staff.agent.email);
    expect((await agent.get(uploaded.downloadUrl)).statusCode).toBe(200);
    expect((await new TestClient(t.app).get(uploaded.downloadUrl)).statusCode).toBe(401);
  });

  it('keeps attachments of internal notes from customers', async () => {
    const ticket = await acmeTicket();
    const note = await insertMessage(t.ctx.db, {
      ticketId: ticket.id,
      authorId: staff.agent.id,
      body: 'Note interne',
      visibility: 'internal',
    });
    const agent = await signedIn(staff.agent.email);
    const response = await upload(agent, ticket.id, [{ fileName: 'internal.pdf', bytes: sampleFiles.pdf }], {
      messageId: note.id,
    });
    expect(response.statusCode).toBe(201);
    const { downloadUrl, messageId } = response.json().items[0];
    expect(messageId).toBe(note.id);
    const [event] = await t.ctx.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
    expect(event?.visibility).toBe('internal');
    const customer = await signedIn(acme.customer.email);
    expect((await customer.get(downloadUrl)).statusCode).toBe(404);
    expect((await customer.get(`/api/tickets/${ticket.id}/attachments`)).json().items).toEqual([]);
    const onNote = await upload(customer, ticket.id, [{ fileName: 'x.pdf', bytes: sampleFiles.pdf }], {
      messageId: note.id,
    });
    expect(onNote.statusCode).toBe(404);
  });

  it('refuses a customer’s files on a closed ticket (R10), and records additions in the timeline', async () => {
    const closed = await insertTicket(t.ctx.db, {
      companyId: acme.company.id,
      createdBy: acme.customer.id,
      status: 'closed',
    });
    const client = await signedIn(acme.customer.email);
    const refused = await upload(client, closed.id, [{ fileName: 'late.pdf', bytes: sampleFiles.pdf }]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('ticket_closed');

    const ticket = await acmeTicket();
    await upload(client, ticket.id, [{ fileName: 'plan.pdf', bytes: sampleFiles.pdf }]);
    const events = await t.ctx.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'field_changed',
      visibility: 'public',
      actorId: acme.customer.id,
      data: { field: 'attachments', added: [{ fileName: 'plan.pdf' }] },
    });
  });

  it('refuses an upload without files, and a message of another ticket', async () => {
    const ticket = await acmeTicket();
    const other = await acmeTicket();
    const message = await insertMessage(t.ctx.db, {
      ticketId: other.id,
      authorId: acme.customer.id,
      body: 'x',
    });
    const client = await signedIn(acme.customer.email);
    const empty = multipart([{ name: 'messageId', value: message.id }]);
    const none = await client.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/attachments`,
      ...empty,
    });
    expect(none.json().code).toBe('attachment_missing');
    const wrong = await upload(client, ticket.id, [{ fileName: 'a.pdf', bytes: sampleFiles.pdf }], {
      messageId: message.id,
    });
    expect(wrong.statusCode).toBe(404);
  });

  it('lets another area attach files inside its own transaction, all or nothing', async () => {
    const ticket = await acmeTicket();
    const result = await t.ctx.db
      .transaction((tx) =>
        attachFiles(tx, t.ctx, {
          ticketId: ticket.id,
          companyId: acme.company.id,
          uploadedBy: null,
          files: [
            incomingFromBytes('../../etc/report.csv', Buffer.from('a;b\n1;2\n')),
            incomingFromBytes('virus.png', sampleFiles.exe),
          ],
        }),
      )
      .catch((error: Error) => error);
    expect(result).toMatchObject({ code: 'attachment_type_refused', params: { file: 'virus.png' } });
    const rows = await t.ctx.db.transaction((tx) =>
      attachFiles(tx, t.ctx, {
        ticketId: ticket.id,
        companyId: acme.company.id,
        uploadedBy: null,
        files: [incomingFromBytes('../../etc/report.csv', Buffer.from('a;b\n1;2\n'))],
      }),
    );
    expect(rows[0]).toMatchObject({ fileName: 'report.csv', contentType: 'text/csv; charset=utf-8' });
  });

  it('documents the upload and download routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const post = doc.paths['/api/tickets/{id}/attachments'].post;
    expect(post.summary).toBe('Attach files to a ticket');
    expect(post.responses['201']).toBeDefined();
    expect(post.requestBody.content['multipart/form-data'].schema.properties.file).toBeDefined();
    expect(doc.paths['/api/attachments/{id}/download'].get.summary).toContain('Download');
  });
});
