import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, openTicket, type TestCompany, ticketInput } from '../support/factories';
import { multipartForm } from '../support/multipart';
import { ticketTableCounts } from '../support/rows';

let t: TestApp;
let acme: TestCompany;
let customer: TestClient;
let agent: TestClient;

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
  const staff = await createStaff(t.ctx.db);
  customer = new TestClient(t.app);
  await customer.login(acme.customer.email);
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
});
afterAll(() => t.close());

const form = multipartForm;

const log = { name: 'export.log', bytes: Buffer.from('2026-03-02 09:00 export failed: timeout\n') };
const executable = {
  name: 'invoice.pdf',
  bytes: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04]),
};

describe('attachments with tickets and messages (R15)', () => {
  it('opens a ticket from a multipart form with its files', async () => {
    const fields = Object.fromEntries(
      Object.entries(await ticketInput(t.ctx.db)).map(([k, v]) => [k, String(v)]),
    ) as Record<string, string>;
    const response = await customer.request({ method: 'POST', url: '/api/tickets', ...form(fields, [log]) });
    expect(response.statusCode).toBe(201);
    const ticket = response.json().ticket;
    const rows = await t.ctx.db.select().from(attachments).where(eq(attachments.ticketId, ticket.id));
    expect(rows.map((r) => r.fileName)).toEqual(['export.log']);
    const created = (await customer.get(`/api/tickets/${ticket.id}/timeline`)).json().entries[0];
    expect(created.data.attachments).toEqual([{ id: rows[0]?.id, fileName: 'export.log' }]);
  });

  it('validates form fields like JSON ones', async () => {
    const response = await customer.request({
      method: 'POST',
      url: '/api/tickets',
      ...form({ subject: 'Too', description: 'x' }, [log]),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
  });

  it('refuses a file whose content is not an accepted type, and creates nothing', async () => {
    const fields = Object.fromEntries(
      Object.entries(await ticketInput(t.ctx.db)).map(([k, v]) => [k, String(v)]),
    ) as Record<string, string>;
    const before = await ticketTableCounts(t.ctx.db);
    const response = await customer.request({
      method: 'POST',
      url: '/api/tickets',
      ...form(fields, [log, executable]),
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(await ticketTableCounts(t.ctx.db)).toEqual(before);
  });

  it('adds files to a message; files of an internal note stay internal', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'in_progress' });
    const reply = await customer.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/messages`,
      ...form({ body: 'Here is the log.' }, [log]),
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().message.attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
      'export.log',
    ]);
    const note = await agent.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/messages`,
      ...form({ body: 'Internal analysis', visibility: 'internal' }, [
        { name: 'analysis.txt', bytes: Buffer.from('x') },
      ]),
    });
    expect(note.statusCode).toBe(201);
    const forCustomer = (await customer.get(`/api/tickets/${ticket.id}/attachments`)).json().items;
    expect(forCustomer.map((a: { fileName: string }) => a.fileName)).toEqual(['export.log']);
    const forStaff = (await agent.get(`/api/tickets/${ticket.id}/attachments`)).json().items;
    expect(forStaff.map((a: { fileName: string }) => a.fileName).sort()).toEqual([
      'analysis.txt',
      'export.log',
    ]);
  });

  it('documents the ticket routes, with both body encodings, in the OpenAPI document', async () => {
    const response = await customer.get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/tickets', '/api/tickets/{id}', '/api/tickets/{id}/messages']),
    );
    expect(Object.keys(paths['/api/tickets'].post.requestBody.content)).toEqual(
      expect.arrayContaining(['application/json', 'multipart/form-data']),
    );
  });
});
