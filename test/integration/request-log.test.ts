import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany } from '../support/factories';

let t: TestApp;
const lines: string[] = [];

beforeAll(async () => {
  t = await testApp({ log: { write: (line) => lines.push(line) } });
});
afterAll(() => t.close());

describe('request log', () => {
  it('keeps set-password and reset tokens out of the log', async () => {
    const client = new TestClient(t.app);
    await client.get('/api/password/token?token=SECRET-API-TOKEN');
    await client.get('/set-password?token=SECRET-PAGE-TOKEN&lang=de');
    const log = lines.join('');
    expect(log).toContain('/api/password/token?token=redacted');
    expect(log).toContain('/set-password?token=redacted&lang=de');
    expect(log).not.toContain('SECRET-');
  });

  it('quotes the request id in a 500 answer and in every line the failed request logged', async () => {
    const acme = await createCompany(t.ctx.db);
    const client = new TestClient(t.app);
    await client.login(acme.customer.email);
    lines.length = 0;
    // A fault of the server's own (a table gone missing), not of the request nor of the connection.
    await t.ctx.db.execute(sql`alter table request_types rename to request_types_away`);
    try {
      const failed = await client.get('/api/request-types');
      expect(failed.statusCode).toBe(500);
      const requestId = String(failed.headers['x-request-id']);
      expect(failed.json()).toEqual({ code: 'internal', message: expect.any(String), requestId });
      expect(failed.body).not.toContain('request_types');
      for (let i = 0; i < 100 && !lines.some((l) => l.includes('request completed')); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const entries = lines.map((line) => JSON.parse(line) as { reqId?: string; msg: string });
      expect(entries.map((e) => e.msg)).toEqual(
        expect.arrayContaining(['unhandled error', 'request completed']),
      );
      for (const entry of entries) expect(entry).toMatchObject({ reqId: requestId });
    } finally {
      await t.ctx.db.execute(sql`alter table request_types_away rename to request_types`);
    }
  });
});
