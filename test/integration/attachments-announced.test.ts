import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, ticketFor } from '../support/factories';

let t: TestApp;

beforeAll(async () => {
  t = await testApp({ env: { MAX_UPLOAD_MB: '5', MAX_TICKET_UPLOAD_MB: '30' } });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => t.close());

describe('uploads announced too large', () => {
  it('are refused with a translated 413 before a byte of the body is read', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const ticket = await ticketFor(t.ctx, customer, 'in_progress');
    const client = new TestClient(t.app);
    await client.login(customer.email);
    const port = (t.app.server.address() as AddressInfo).port;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`http://127.0.0.1:${port}/api/tickets/${ticket.id}/attachments`, {
        method: 'POST',
        headers: {
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(2 * 1024 ** 3),
          'x-csrf-token': client.cookie('guichet_csrf') ?? '',
          cookie: `guichet_session=${client.cookie('guichet_session')}; guichet_csrf=${client.cookie('guichet_csrf')}`,
        },
      });
      req.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body });
          req.destroy();
        });
      });
      req.on('error', reject);
      // Headers only: the 2 GB never come, so an answer proves the server did not wait for them.
      req.flushHeaders();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'upload_too_large' });
    expect(JSON.parse(answer.body).message).toContain('dépasse 30 Mo');
  });
});
