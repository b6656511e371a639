import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments } from '../../src/db/schema/index';
import { replyAddress } from '../../src/mail/reply-token';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, insertTicket, type TestCompany, ticketFor } from '../support/factories';
import { multipart } from '../support/multipart';
import { inboundRow, messagesOf } from '../support/rows';

const webhookToken = 'inbound-webhook-token-0123456789';
const MB = 1024 * 1024;
let t: TestApp;
let acme: TestCompany;
let other: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await testApp({
    env: {
      DATA_DIR: mkdtempSync(join(tmpdir(), 'guichet-quota-')),
      INBOUND_WEBHOOK_TOKEN: webhookToken,
      INBOUND_TRUSTED_AUTHSERV_ID: 'mx.guichet.test',
    },
  });
  acme = await createCompany(t.ctx.db);
  other = await createCompany(t.ctx.db);
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

const signedIn = async (email: string) => {
  const client = new TestClient(t.app);
  await client.login(email);
  return client;
};
const text = (bytes: number, letter: string) => Buffer.alloc(bytes, `${letter.repeat(79)}\n`);
const upload = (client: TestClient, ticketId: string, fileName: string, bytes: Buffer) =>
  client.request({
    method: 'POST',
    url: `/api/tickets/${ticketId}/attachments`,
    ...multipart([{ name: 'file', fileName, bytes }]),
  });

describe('per-company storage quota', () => {
  it('is an admin setting with a default, changed by admins only', async () => {
    const admin = await signedIn(staff.admin.email);
    expect((await admin.get('/api/admin/settings/storage-quota')).json()).toEqual({ companyQuotaMb: 2048 });
    const agent = await signedIn(staff.agent.email);
    expect(
      (
        await agent.request({
          method: 'PUT',
          url: '/api/admin/settings/storage-quota',
          payload: { companyQuotaMb: 5 },
        })
      ).statusCode,
    ).toBe(403);
    const saved = await admin.request({
      method: 'PUT',
      url: '/api/admin/settings/storage-quota',
      payload: { companyQuotaMb: 1 },
    });
    expect(saved.json()).toEqual({ companyQuotaMb: 1 });
    expect((await admin.get('/api/admin/settings/storage-quota')).json()).toEqual({ companyQuotaMb: 1 });
  });

  it('shows customers what their company uses, refuses the upload that would pass the quota, from portal and staff alike', async () => {
    const customer = await signedIn(acme.customer.email);
    expect((await customer.get('/api/attachments/limits')).json().companyStorage).toEqual({
      usedBytes: 0,
      quotaBytes: MB,
    });
    const ticket = await insertTicket(t.ctx.db, { companyId: acme.company.id, createdBy: acme.customer.id });
    const first = text(0.6 * MB, 'a');
    expect((await upload(customer, ticket.id, 'premier.log', first)).statusCode).toBe(201);
    expect((await customer.get('/api/attachments/limits')).json().companyStorage).toEqual({
      usedBytes: first.length,
      quotaBytes: MB,
    });

    const refused = await upload(customer, ticket.id, 'second.log', text(0.6 * MB, 'b'));
    expect(refused.statusCode).toBe(413);
    expect(refused.json()).toEqual({
      code: 'company_storage_full',
      message:
        'Le fichier « second.log » ne peut pas être ajouté : l’espace de stockage de la société (1 Mo) serait dépassé. Adressez-vous au support.',
    });
    const agent = await signedIn(staff.agent.email);
    const byStaff = await upload(agent, ticket.id, 'par le support.log', text(0.6 * MB, 'c'));
    expect(byStaff.statusCode).toBe(413);
    expect(byStaff.json().code).toBe('company_storage_full');
    // What still fits is accepted; other companies have their own quota; staff see no quota.
    expect((await upload(customer, ticket.id, 'petit.log', text(0.3 * MB, 'd'))).statusCode).toBe(201);
    expect(
      (await (await signedIn(other.customer.email)).get('/api/attachments/limits')).json().companyStorage,
    ).toEqual({
      usedBytes: 0,
      quotaBytes: MB,
    });
    expect((await agent.get('/api/attachments/limits')).json().companyStorage).toBeNull();
    const kept = await t.ctx.db.select().from(attachments).where(eq(attachments.ticketId, ticket.id));
    expect(kept.map((a) => a.fileName).sort()).toEqual(['petit.log', 'premier.log']);
  });

  it('keeps a mail whose attachment would pass the quota, and records that the attachment was not kept', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'in_progress');
    const boundary = 'quota-boundary';
    const raw = Buffer.from(
      [
        `From: ${acme.customer.email}`,
        `To: ${replyAddress(t.ctx.config.secret, ticket.id, 'guichet.local')}`,
        'Subject: Le journal demandé',
        `Message-ID: <quota-${Date.now()}@client.example>`,
        'MIME-Version: 1.0',
        `Content-Type: multipart/mixed; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Voici le journal complet.',
        `--${boundary}`,
        'Content-Type: text/plain; name="journal.log"',
        'Content-Disposition: attachment; filename="journal.log"',
        'Content-Transfer-Encoding: base64',
        '',
        text(0.5 * MB, 'e')
          .toString('base64')
          .replace(/.{76}/g, '$&\r\n'),
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
    const answer = await t.app.inject({
      method: 'POST',
      url: '/api/inbound/mail',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${webhookToken}` },
      payload: raw,
    });
    expect(answer.json().outcome).toBe('posted');
    const messages = await messagesOf(t.ctx, ticket.id);
    expect(messages.some((m) => m.body.includes('Voici le journal complet.'))).toBe(true);
    expect(await t.ctx.db.select().from(attachments).where(eq(attachments.ticketId, ticket.id))).toEqual([]);
    const row = await inboundRow(t.ctx, answer.json().id);
    expect(row.details).toEqual({
      attached: [],
      refused: [{ fileName: 'journal.log', code: 'company_storage_full' }],
    });
  });
});
