import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, openTicket, type TestCompany } from '../support/factories';
import { type FormFile, multipartForm } from '../support/multipart';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
let acme: TestCompany;
let other: TestCompany;
let agent: TestClient;
let customer: TestClient;
let stranger: TestClient;

const upload = (files: FormFile[], fields: Record<string, string> = {}) => multipartForm(fields, files);

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#1c7ed6' } })
    .png()
    .toBuffer();

beforeAll(async () => {
  t = await testApp();
  staff = await createStaff(t.ctx.db);
  acme = await createCompany(t.ctx.db);
  other = await createCompany(t.ctx.db);
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
  customer = new TestClient(t.app);
  await customer.login(acme.customer.email);
  stranger = new TestClient(t.app);
  await stranger.login(other.customer.email);
});
afterAll(() => t.close());

async function attach(client: TestClient, ticketId: string, files: { name: string; bytes: Buffer }[]) {
  const response = await client.request({
    method: 'POST',
    url: `/api/tickets/${ticketId}/attachments`,
    ...upload(files),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().items as {
    id: string;
    fileName: string;
    thumbnailUrl: string | null;
    previewUrl: string | null;
    downloadUrl: string;
  }[];
}

describe('pictures of image attachments, re-encoded by the server', () => {
  it('gives an image a thumbnail and a preview, as WebP no larger than their box', async () => {
    const ticket = await openTicket(t.ctx, acme.customer);
    // A PNG with a script after its end: the picture served carries pixels only.
    const hostile = Buffer.concat([await png(1200, 800), Buffer.from('<script>alert(1)</script>')]);
    const [image] = await attach(customer, ticket.id, [{ name: 'écran.png', bytes: hostile }]);
    expect(image?.thumbnailUrl).toBe(`/api/attachments/${image?.id}/thumbnail`);

    for (const [url, box] of [
      [image?.thumbnailUrl ?? '', 240],
      [image?.previewUrl ?? '', 1600],
    ] as const) {
      const response = await agent.get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('image/webp');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
      const meta = await sharp(response.rawPayload).metadata();
      expect(meta.format).toBe('webp');
      expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(box);
      expect(response.rawPayload.includes(Buffer.from('<script>'))).toBe(false);
    }
    // The download is still the file as sent, byte for byte.
    const download = await agent.get(image?.downloadUrl ?? '');
    expect(Buffer.compare(download.rawPayload, hostile)).toBe(0);
  });

  it('gives other files no picture, and refuses one when asked', async () => {
    const ticket = await openTicket(t.ctx, acme.customer);
    const [log] = await attach(customer, ticket.id, [
      { name: 'export.log', bytes: Buffer.from('09:00 failed\n') },
    ]);
    expect(log).toMatchObject({ thumbnailUrl: null, previewUrl: null });
    expect((await agent.get(`/api/attachments/${log?.id}/thumbnail`)).statusCode).toBe(404);
  });

  it('shows pictures only to those who may see the file', async () => {
    const ticket = await openTicket(t.ctx, acme.customer);
    const [image] = await attach(customer, ticket.id, [{ name: 'capture.png', bytes: await png(300, 200) }]);
    expect((await customer.get(image?.thumbnailUrl ?? '')).statusCode).toBe(200);
    expect((await stranger.get(image?.thumbnailUrl ?? '')).statusCode).toBe(404);
    expect((await stranger.get(image?.previewUrl ?? '')).statusCode).toBe(404);
  });

  it('answers 404, and stays up, for an image that cannot be decoded', async () => {
    const ticket = await openTicket(t.ctx, acme.customer);
    const broken = Buffer.concat([(await png(50, 50)).subarray(0, 60)]);
    const [image] = await attach(customer, ticket.id, [{ name: 'cassé.png', bytes: broken }]);
    expect((await agent.get(`/api/attachments/${image?.id}/thumbnail`)).statusCode).toBe(404);
    expect((await agent.get('/api/health')).statusCode).toBe(200);
  });
});
