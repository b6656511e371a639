import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, type TestCompany } from '../support/factories';

let t: TestApp;
let acme: TestCompany;

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
});
afterAll(() => t.close());

describe('session', () => {
  it('signs in, says who I am, and signs out', async () => {
    const client = new TestClient(t.app);
    const login = await client.login(acme.customer.email);
    const cookie = login.cookies.find((c) => c.name === 'guichet_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await client.get('/api/session');
    expect(me.json().user.email).toBe(acme.customer.email);
    expect(me.json().user.hasFlex).toBe(false);
    expect((await client.delete('/api/session')).statusCode).toBe(200);
    expect((await client.get('/api/session')).json().user).toBeNull();
  });

  it('tells the shell when the customer company has a Flex contract', async () => {
    const flexCompany = await createCompany(t.ctx.db, { flex: true });
    const client = new TestClient(t.app, '10.0.0.9');
    await client.login(flexCompany.customer.email);
    expect((await client.get('/api/session')).json().user.hasFlex).toBe(true);
  });

  it('refuses a wrong password with a translated message', async () => {
    const client = new TestClient(t.app, '10.0.0.2');
    const response = await client.request({
      method: 'POST',
      url: '/api/session',
      payload: { email: acme.manager.email, password: 'nope' },
      headers: { 'accept-language': 'de-CH,de;q=0.9' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({
      code: 'invalid_credentials',
      message: expect.stringContaining('Passwort'),
    });
  });

  it('refuses a state-changing request without the anti-forgery token', async () => {
    const client = new TestClient(t.app, '10.0.0.3');
    const response = await client.request({
      method: 'POST',
      url: '/api/session',
      payload: { email: acme.customer.email, password: 'x' },
      csrf: false,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('csrf_rejected');
  });

  it('throttles repeated failed logins per account (429)', async () => {
    const victim = (await createCompany(t.ctx.db)).customer;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const client = new TestClient(t.app, `10.1.0.${i}`);
      const r = await client.post('/api/session', { email: victim.email, password: 'wrong' });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Even the right password waits until the window has passed.
    const client = new TestClient(t.app, '10.1.1.1');
    const blocked = await client.post('/api/session', {
      email: victim.email,
      password: 'correct horse battery staple',
    });
    expect(blocked.statusCode).toBe(429);
    t.clock.advance(16 * 60_000);
    expect(
      (await client.post('/api/session', { email: victim.email, password: 'correct horse battery staple' }))
        .statusCode,
    ).toBe(200);
  });

  it('throttles repeated failed logins per address (429)', async () => {
    const client = new TestClient(t.app, '10.2.0.1');
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      const r = await client.post('/api/session', { email: `nobody-${i}@example.test`, password: 'wrong' });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('answers malformed input with a 400 and field messages in the caller language', async () => {
    const client = new TestClient(t.app, '10.3.0.1');
    const response = await client.request({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'not-an-email' },
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('validation_failed');
    expect(body.message).toMatch(/invalid/i);
    expect(body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['email', 'password']);
  });

  it('answers a body that is not JSON with a 400, not a 500', async () => {
    const client = new TestClient(t.app, '10.3.0.2');
    const response = await client.request({
      method: 'POST',
      url: '/api/session',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('malformed_request');
  });

  it('gives forty parallel guesses at one account only five password checks', async () => {
    const victim = (await createCompany(t.ctx.db)).customer;
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        new TestClient(t.app, `10.4.${Math.floor(i / 200)}.${i % 200}`).post('/api/session', {
          email: victim.email,
          password: `guess-${i}`,
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
  });

  it('says when to come back on every 429 (Retry-After)', async () => {
    const victim = (await createCompany(t.ctx.db)).customer;
    const client = new TestClient(t.app, '10.5.0.1');
    for (let i = 0; i < 5; i += 1) await client.post('/api/session', { email: victim.email, password: 'x' });
    t.clock.advance(5 * 60_000);
    const blocked = await client.post('/api/session', { email: victim.email, password: 'x' });
    expect(blocked.statusCode).toBe(429);
    // The window opened five minutes ago: ten minutes are left.
    expect(blocked.headers['retry-after']).toBe(String(10 * 60));
    expect(blocked.json().message).toContain('10');
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    const domain = (await createCompany(t.ctx.db)).customer.email.split('@')[1];
    const tries = (app: TestApp['app'], peer: string) =>
      Array.from({ length: 21 }, (_, i) => async () => {
        const client = new TestClient(app, peer);
        const r = await client.request({
          method: 'POST',
          url: '/api/session',
          payload: { email: `nobody-${peer}-${i}@${domain}`, password: 'x' },
          headers: { 'x-forwarded-for': `203.0.113.${i}` },
        });
        return r.statusCode;
      });
    const run = async (attempts: (() => Promise<number>)[]) => {
      const statuses: number[] = [];
      for (const attempt of attempts) statuses.push(await attempt());
      return statuses;
    };
    // Without TRUST_PROXY a client changing X-Forwarded-For on each try is still one address.
    expect((await run(tries(t.app, '10.6.0.1')))[20]).toBe(429);

    const proxied = await testApp({ env: { TRUST_PROXY: '10.7.0.1' } });
    try {
      // Behind the configured proxy, each forwarded client has its own allowance…
      expect((await run(tries(proxied.app, '10.7.0.1'))).every((s) => s === 401)).toBe(true);
      // …but a peer that is not the proxy is not believed.
      expect((await run(tries(proxied.app, '10.7.0.2')))[20]).toBe(429);
    } finally {
      await proxied.close();
    }
  });
});
