import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';

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
});
