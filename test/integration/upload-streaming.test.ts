import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments } from '../../src/db/schema/index';
import { uploadsTempRoot } from '../../src/http/uploads';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, insertTicket, type TestCompany } from '../support/factories';
import { multipart } from '../support/multipart';

let t: TestApp;
let acme: TestCompany;
let client: TestClient;
const MB = 1024 * 1024;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-streaming-'));
  t = await testApp({ env: { DATA_DIR: dataDir, MAX_UPLOAD_MB: '1', MAX_TICKET_UPLOAD_MB: '2' } });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  acme = await createCompany(t.ctx.db);
  client = new TestClient(t.app);
  await client.login(acme.customer.email);
});
afterAll(() => t.close());

const ticket = () => insertTicket(t.ctx.db, { companyId: acme.company.id, createdBy: acme.customer.id });
const tempFiles = () => {
  const root = uploadsTempRoot(t.ctx.config);
  return existsSync(root) ? readdirSync(root) : [];
};
const attachmentsOf = (ticketId: string) =>
  t.ctx.db.select().from(attachments).where(eq(attachments.ticketId, ticketId));
const text = (bytes: number, letter = 'a') => Buffer.alloc(bytes, `${letter.repeat(79)}\n`);

interface Streamed {
  status: number;
  body: string;
  /** Bytes of the body the client had written when the answer came. */
  written: number;
}

/**
 * Sends a multipart upload in chunks, without announcing its length (chunked encoding), as a
 * browser streaming a large file would; `abortAfter` drops the connection after that many bytes.
 */
function stream(ticketId: string, body: Buffer, boundaryHeader: string, abortAfter?: number) {
  const port = (t.app.server.address() as AddressInfo).port;
  return new Promise<Streamed | 'aborted'>((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = request(`http://127.0.0.1:${port}/api/tickets/${ticketId}/attachments`, {
      method: 'POST',
      headers: {
        'content-type': boundaryHeader,
        'transfer-encoding': 'chunked',
        'x-csrf-token': client.cookie('guichet_csrf') ?? '',
        cookie: `guichet_session=${client.cookie('guichet_session')}; guichet_csrf=${client.cookie('guichet_csrf')}`,
      },
    });
    req.on('response', (response) => {
      answered = true;
      let text = '';
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: text, written });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered && abortAfter === undefined) reject(error);
    });
    const chunk = 64 * 1024;
    const pump = () => {
      while (written < body.length && !answered) {
        if (abortAfter !== undefined && written >= abortAfter) {
          req.destroy();
          resolve('aborted');
          return;
        }
        const ok = req.write(body.subarray(written, written + chunk));
        written += Math.min(chunk, body.length - written);
        if (!ok) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered && written >= body.length) req.end();
    };
    pump();
  });
}

/** Polls until the condition holds (or gives up after `seconds`). */
async function eventually(condition: () => boolean, seconds = 10): Promise<boolean> {
  const until = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

describe('uploads streamed to temporary files', () => {
  it('stops reading a file over the per-file limit with a translated 413, leaving no temporary file and no attachment', async () => {
    const target = await ticket();
    const form = multipart([{ name: 'file', fileName: 'trop gros.log', bytes: text(20 * MB) }]);
    const answer = await stream(target.id, form.payload, form.headers['content-type'] as string);
    expect(answer).not.toBe('aborted');
    const { status, body, written } = answer as Streamed;
    expect(status).toBe(413);
    expect(JSON.parse(body)).toEqual({
      code: 'attachment_too_large',
      message: 'Le fichier « trop gros.log » dépasse la taille maximale de 1 Mo par fichier.',
    });
    // Refused while the body was still coming, not after reading all of it.
    expect(written).toBeLessThan(form.payload.length);
    expect(tempFiles()).toEqual([]);
    expect(await attachmentsOf(target.id)).toEqual([]);
  });

  it('stops when the files of one upload together exceed the per-ticket total, naming the file that does not fit', async () => {
    const target = await ticket();
    const form = multipart([
      { name: 'file', fileName: 'un.log', bytes: text(0.9 * MB, 'a') },
      { name: 'file', fileName: 'deux.log', bytes: text(0.9 * MB, 'b') },
      { name: 'file', fileName: 'trois.log', bytes: text(0.9 * MB, 'c') },
    ]);
    const answer = (await stream(
      target.id,
      form.payload,
      form.headers['content-type'] as string,
    )) as Streamed;
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'ticket_attachments_full' });
    expect(JSON.parse(answer.body).message).toContain('« trois.log »');
    expect(tempFiles()).toEqual([]);
    expect(await attachmentsOf(target.id)).toEqual([]);
  });

  it('refuses more than 20 files in one upload', async () => {
    const target = await ticket();
    const form = multipart(
      Array.from({ length: 21 }, (_, i) => ({ name: 'file', fileName: `f${i}.txt`, bytes: text(100) })),
    );
    const response = await client.request({
      method: 'POST',
      url: `/api/tickets/${target.id}/attachments`,
      ...form,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      code: 'too_many_files',
      message: 'Trop de fichiers dans un seul envoi : 20 au plus.',
    });
    expect(tempFiles()).toEqual([]);
    expect(await attachmentsOf(target.id)).toEqual([]);
  });

  it('removes the temporary file when the client goes away mid-upload', async () => {
    const target = await ticket();
    const form = multipart([{ name: 'file', fileName: 'coupé.log', bytes: text(0.9 * MB) }]);
    const answer = await stream(target.id, form.payload, form.headers['content-type'] as string, 256 * 1024);
    expect(answer).toBe('aborted');
    expect(await eventually(() => tempFiles().length === 0)).toBe(true);
    expect(await attachmentsOf(target.id)).toEqual([]);
  });

  it('stores a file that fits, and removes its temporary file once the answer has left', async () => {
    const target = await ticket();
    const bytes = text(0.9 * MB);
    const form = multipart([{ name: 'file', fileName: 'journal.log', bytes }]);
    const answer = (await stream(
      target.id,
      form.payload,
      form.headers['content-type'] as string,
    )) as Streamed;
    expect(answer.status).toBe(201);
    const [row] = await attachmentsOf(target.id);
    expect(row).toMatchObject({ fileName: 'journal.log', size: bytes.length });
    const download = await client.get(`/api/attachments/${row?.id}/download`);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect(await eventually(() => tempFiles().length === 0)).toBe(true);
  });
});
