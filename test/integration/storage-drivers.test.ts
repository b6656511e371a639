import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Of, storeFromConfig } from '../../src/app/files/store';
import { storedFiles } from '../../src/db/schema/stored-files';
import { TestClient, testApp } from '../support/app';
import { createCompany, insertTicket } from '../support/factories';
import { multipart, sampleFiles } from '../support/multipart';
import { startS3, type TestS3 } from '../support/s3';

let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(() => s3.close());

/** Uploads a PDF and a PNG through the API as a customer, then downloads both and a thumbnail. */
async function roundTrip(env: Record<string, string>) {
  const t = await testApp({ env });
  const company = await createCompany(t.ctx.db);
  const ticket = await insertTicket(t.ctx.db, {
    companyId: company.company.id,
    createdBy: company.customer.id,
  });
  const client = new TestClient(t.app);
  await client.login(company.customer.email);
  const form = multipart([
    { name: 'file', fileName: 'facture.pdf', bytes: sampleFiles.pdf },
    { name: 'file', fileName: 'écran.png', bytes: sampleFiles.png },
  ]);
  const uploaded = await client.request({
    method: 'POST',
    url: `/api/tickets/${ticket.id}/attachments`,
    ...form,
  });
  expect(uploaded.statusCode).toBe(201);
  const [pdf, png] = uploaded.json().items;
  const download = await client.get(pdf.downloadUrl);
  expect(download.statusCode).toBe(200);
  expect(download.rawPayload.equals(sampleFiles.pdf)).toBe(true);
  const thumbnail = await client.get(png.thumbnailUrl);
  expect(thumbnail.statusCode).toBe(200);
  expect(thumbnail.headers['content-type']).toBe('image/webp');
  return t;
}

describe('the configured storage driver', () => {
  it('keeps uploads in the database with STORAGE_DRIVER=postgres', async () => {
    const t = await roundTrip({ STORAGE_DRIVER: 'postgres' });
    try {
      const rows = await t.ctx.db.select({ sha256: storedFiles.sha256 }).from(storedFiles);
      expect(rows.map((row) => row.sha256).sort()).toEqual(
        [sha256Of(sampleFiles.pdf), sha256Of(sampleFiles.png)].sort(),
      );
    } finally {
      await t.close();
    }
  });

  it('keeps uploads in the S3 bucket with STORAGE_DRIVER=s3', async () => {
    const t = await roundTrip(s3.env);
    try {
      const bucket = storeFromConfig(t.ctx.config, t.ctx.db);
      expect(bucket.driver).toBe('s3');
      expect(await bucket.exists(sha256Of(sampleFiles.pdf))).toBe(true);
      expect(await bucket.exists(sha256Of(sampleFiles.png))).toBe(true);
      expect(await t.ctx.db.select().from(storedFiles)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
