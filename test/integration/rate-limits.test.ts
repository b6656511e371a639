import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/db/schema/index';
import { buildApp } from '../../src/http/app';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, type TestCompany } from '../support/factories';

const limits = {
  RATE_LIMIT_USER_PER_WINDOW: '5',
  RATE_LIMIT_COMPANY_PER_WINDOW: '8',
  RATE_LIMIT_WINDOW_SECONDS: '60',
};

async function statuses(client: TestClient, count: number): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < count; i += 1) codes.push((await client.get('/api/session')).statusCode);
  return codes;
}

describe('API rate limits, counted in PostgreSQL', () => {
  let t: TestApp;
  let a: TestCompany;
  let b: TestCompany;
  let staff: Awaited<ReturnType<typeof createStaff>>;
  let second: FastifyInstance;

  beforeAll(async () => {
    t = await testApp({ env: limits });
    a = await createCompany(t.ctx.db);
    b = await createCompany(t.ctx.db);
    staff = await createStaff(t.ctx.db);
    // A second instance over the same database: the counters are shared.
    second = await buildApp({ ctx: t.ctx, webDist: '/nonexistent' });
    await second.ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('refuses a person’s requests beyond their limit with 429, Retry-After and a translated message, until the window ends', async () => {
    const person = new TestClient(t.app);
    await person.login(staff.agent.email); // the sign-in itself is not yet counted (no session)
    expect(await statuses(person, 5)).toEqual([200, 200, 200, 200, 200]);
    const refused = await person.get('/api/session');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.json()).toEqual({
      code: 'rate_limited_user',
      message: 'Vous avez envoyé trop de requêtes en peu de temps. Réessayez dans 60 secondes.',
    });

    t.clock.advance(30_000);
    const later = await person.get('/api/session');
    expect(later.headers['retry-after']).toBe('30');
    t.clock.advance(30_000);
    expect((await person.get('/api/session')).statusCode).toBe(200);
  });

  it('refuses a company’s requests beyond its limit, whoever of it asks, and leaves other companies alone', async () => {
    const customer = new TestClient(t.app);
    await customer.login(a.customer.email);
    const manager = new TestClient(second);
    await manager.login(a.manager.email);
    const other = new TestClient(t.app);
    await other.login(b.customer.email);

    expect(await statuses(customer, 4)).toEqual([200, 200, 200, 200]);
    expect(await statuses(manager, 4)).toEqual([200, 200, 200, 200]);
    const refused = await manager.get('/api/session');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('rate_limited_company');
    expect(refused.json().message).toContain('Votre société a envoyé trop de requêtes');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await customer.get('/api/session')).json().code).toBe('rate_limited_company');

    expect(await statuses(other, 3)).toEqual([200, 200, 200]);
  });

  it('refuses company A’s burst while company B, asking in the same moment, is answered', async () => {
    const noisyCompany = await createCompany(t.ctx.db);
    const quietCompany = await createCompany(t.ctx.db);
    const noisy = [new TestClient(t.app), new TestClient(second)];
    await noisy[0]?.login(noisyCompany.customer.email);
    await noisy[1]?.login(noisyCompany.manager.email);
    const quiet = new TestClient(t.app);
    await quiet.login(quietCompany.customer.email);

    const burst = Array.from({ length: 24 }, (_, i) => noisy[i % 2]?.get('/api/session'));
    const calm = Array.from({ length: 4 }, () => quiet.get('/api/session'));
    const [a, b] = await Promise.all([Promise.all(burst), Promise.all(calm)]);

    const answered = a.filter((response) => response?.statusCode === 200).length;
    const refused = a.filter((response) => response?.statusCode === 429);
    expect(answered).toBeLessThanOrEqual(8);
    expect(refused).toHaveLength(24 - answered);
    expect(refused.some((response) => response?.json().code === 'rate_limited_company')).toBe(true);
    expect(b.map((response) => response.statusCode)).toEqual([200, 200, 200, 200]);

    // Once refused, the company's sessions are turned away before their session is even looked up.
    expect((await noisy[0]?.get('/api/session'))?.statusCode).toBe(429);
    await t.ctx.db.delete(sessions).where(eq(sessions.userId, noisyCompany.customer.id));
    const again = await noisy[0]?.get('/api/session');
    expect(again?.statusCode).toBe(429);
    expect(again?.json().code).toBe('rate_limited_company');
    expect((await quiet.get('/api/session')).statusCode).toBe(200);
  });
});

describe('API rate limits, counted in Redis when REDIS_URL is set', () => {
  let t: TestApp;
  let second: FastifyInstance;
  let staff: Awaited<ReturnType<typeof createStaff>>;

  beforeAll(async () => {
    t = await testApp({
      env: { ...limits, REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' },
    });
    staff = await createStaff(t.ctx.db);
    second = await buildApp({ ctx: t.ctx, webDist: '/nonexistent' });
    await second.ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('shares one person’s counter between two instances', async () => {
    const first = new TestClient(t.app);
    await first.login(staff.consultant.email);
    const other = new TestClient(second);
    await other.login(staff.consultant.email);
    expect(await statuses(first, 3)).toEqual([200, 200, 200]);
    expect(await statuses(other, 2)).toEqual([200, 200]);
    const refused = await first.get('/api/session');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('rate_limited_user');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
