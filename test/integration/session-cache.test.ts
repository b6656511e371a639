import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashToken } from '../../src/app/auth/tokens';
import { sessions, users } from '../../src/db/schema/index';
import { buildApp } from '../../src/http/app';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, type TestCompany } from '../support/factories';

let t: TestApp;
let acme: TestCompany;
/** A second instance over the same database, as behind a load balancer. */
let other: FastifyInstance;

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
  other = await buildApp({ ctx: t.ctx, webDist: '/nonexistent' });
  await other.ready();
});
afterAll(async () => {
  await other.close();
  await t.close();
});

/** Who the other instance says the bearer of this session cookie is (null: nobody). */
async function whoOnOther(token: string): Promise<{ email: string; role: string } | null> {
  const response = await other.inject({
    method: 'GET',
    url: '/api/session',
    headers: { cookie: `guichet_session=${token}` },
  });
  return response.json().user;
}

/** A client signed in on one instance, and its session cookie, which the other one now keeps in memory. */
async function signedInOnBoth(email: string): Promise<{ client: TestClient; token: string }> {
  const client = new TestClient(t.app);
  await client.login(email);
  const token = client.cookie('guichet_session') ?? '';
  expect((await whoOnOther(token))?.email).toBe(email);
  return { client, token };
}

/** The database's notice reaches the other instance shortly after the commit. */
const afterTheNotice = { timeout: 5_000, interval: 20 };

describe('sessions kept in memory by each instance', () => {
  it('are refused by another instance once signed out on one', async () => {
    const { client, token } = await signedInOnBoth(acme.customer.email);
    expect((await client.delete('/api/session')).statusCode).toBe(200);
    await vi.waitFor(async () => expect(await whoOnOther(token)).toBeNull(), afterTheNotice);
  });

  it('are refused once deleted in the database, whatever deleted them', async () => {
    const { token } = await signedInOnBoth(acme.manager.email);
    const hash = hashToken(token);
    await t.ctx.db.delete(sessions).where(eq(sessions.tokenHash, hash));
    await vi.waitFor(async () => expect(await whoOnOther(token)).toBeNull(), afterTheNotice);
  });

  it('are refused once their account is deactivated in the database', async () => {
    const person = (await createCompany(t.ctx.db)).customer;
    const { token } = await signedInOnBoth(person.email);
    await t.ctx.db.update(users).set({ active: false }).where(eq(users.id, person.id));
    await vi.waitFor(async () => expect(await whoOnOther(token)).toBeNull(), afterTheNotice);
  });

  it('carry the account as it is once its role changes', async () => {
    const person = (await createCompany(t.ctx.db)).customer;
    const { token } = await signedInOnBoth(person.email);
    await t.ctx.db
      .update(users)
      .set({ role: 'agent', companyId: null, isManager: false })
      .where(eq(users.id, person.id));
    await vi.waitFor(async () => expect((await whoOnOther(token))?.role).toBe('agent'), afterTheNotice);
  });

  it('are refused at once by the instance where an administrator deactivated the account', async () => {
    const person = (await createCompany(t.ctx.db)).customer;
    const { client } = await signedInOnBoth(person.email);
    expect((await client.get('/api/session')).json().user.email).toBe(person.email);
    const admin = new TestClient(t.app, '10.0.0.2');
    await admin.login((await createStaff(t.ctx.db)).admin.email);
    expect((await admin.patch(`/api/users/${person.id}`, { active: false })).statusCode).toBe(200);
    expect((await client.get('/api/session')).json().user).toBeNull();
  });
});
