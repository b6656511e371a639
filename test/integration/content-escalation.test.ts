import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, type TestCompany } from '../support/factories';

let t: TestApp;
let acme: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

const level = (n: number) => ({
  role: { fr: `Rôle ${n}`, de: `Rolle ${n}`, en: `Role ${n}` },
  contactName: `Contact ${n}`,
  email: `level${n}@vendor.test`,
  phone: n === 2 ? '' : `+41 21 000 00 0${n}`,
  whenToUse: { fr: `Quand ${n}`, de: `Wann ${n}`, en: `When ${n}` },
});

async function signedIn(email: string, ip: string) {
  const client = new TestClient(t.app, ip);
  await client.login(email);
  return client;
}

describe('escalation matrix', () => {
  it('is replaced as a whole by staff, in the given order, and read by customers', async () => {
    const agent = await signedIn(staff.agent.email, '10.8.0.1');
    const saved = await agent.put('/api/escalation-matrix', { levels: [level(1), level(2)] });
    expect(saved.statusCode).toBe(200);
    const customer = await signedIn(acme.customer.email, '10.8.0.2');
    await customer.put('/api/session/language', { language: 'en' });
    const read = await customer.get('/api/escalation-matrix');
    expect(read.json().levels).toEqual([
      expect.objectContaining({ level: 1, role: 'Role 1', whenToUse: 'When 1', email: 'level1@vendor.test' }),
      expect.objectContaining({ level: 2, role: 'Role 2', phone: null }),
    ]);
    expect(read.json().updatedAt).toBe('2026-03-02T09:00:00.000Z');

    const admin = await signedIn(staff.admin.email, '10.8.0.3');
    const reordered = await admin.put('/api/escalation-matrix', { levels: [level(3), level(1), level(2)] });
    expect(reordered.json().levels.map((l: { contactName: string }) => l.contactName)).toEqual([
      'Contact 3',
      'Contact 1',
      'Contact 2',
    ]);
  });

  it('cannot be changed by a customer', async () => {
    const manager = await signedIn(acme.manager.email, '10.8.0.4');
    const response = await manager.put('/api/escalation-matrix', { levels: [level(1)] });
    expect(response.statusCode).toBe(403);
  });

  it('names the field of a bad entry, in the caller’s language', async () => {
    const agent = await signedIn(staff.agent.email, '10.8.0.5');
    const response = await agent.put('/api/escalation-matrix', {
      levels: [{ ...level(1), email: 'not an address', role: { fr: '', de: 'x', en: 'y' } }],
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['levels.0.email', 'levels.0.role.fr']));
  });
});
