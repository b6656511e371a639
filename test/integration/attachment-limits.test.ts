import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany } from '../support/factories';

let t: TestApp;

beforeAll(async () => {
  t = await testApp({ env: { MAX_UPLOAD_MB: '5', MAX_TICKET_UPLOAD_MB: '30' } });
});
afterAll(() => t.close());

describe('attachment limits', () => {
  it('tells a signed-in user the limits this installation enforces', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const client = new TestClient(t.app);
    expect((await client.get('/api/attachments/limits')).statusCode).toBe(401);
    await client.login(customer.email);
    const response = await client.get('/api/attachments/limits');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      maxFileMb: 5,
      maxTicketMb: 30,
      companyStorage: { usedBytes: 0, quotaBytes: 2048 * 1024 * 1024 },
    });
  });
});
