import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTransaction, sealTransaction } from '../../src/app/auth/oidc-transaction';
import { users } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createUser } from '../support/factories';
import { testSsoEnv } from '../support/oidc-accounts';
import { passProviderPages } from '../support/oidc-browser';
import { startTestProvider, type TestProvider } from '../support/oidc-provider';

const publicUrl = 'http://localhost:3000';
const callback = `${publicUrl}/api/session/sso/callback`;
let provider: TestProvider;
let t: TestApp;
const logLines: string[] = [];
let clientCount = 0;

beforeAll(async () => {
  provider = await startTestProvider({ port: 0, redirectUri: callback });
  t = await testApp({
    publicUrl,
    env: testSsoEnv(provider.issuer),
    log: { write: (line) => logLines.push(line) },
  });
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

/** A browser of its own (own cookies, own address), at the provider's door. */
async function startSignIn() {
  clientCount += 1;
  const client = new TestClient(t.app, `10.9.0.${clientCount}`);
  const start = await client.get('/api/session/sso/start');
  expect(start.statusCode, start.body).toBe(302);
  const authorizationUrl = String(start.headers.location);
  expect(authorizationUrl.startsWith(`${provider.issuer}/`)).toBe(true);
  return { client, authorizationUrl };
}

/** The portal's answer to the provider's return, as a path (the callback always redirects). */
async function returnTo(client: TestClient, callbackUrl: string) {
  const response = await client.get(callbackUrl.slice(publicUrl.length));
  expect(response.statusCode, response.body).toBe(302);
  return String(response.headers.location);
}

async function signInAs(login: string) {
  const { client, authorizationUrl } = await startSignIn();
  const location = await returnTo(client, await passProviderPages(authorizationUrl, login, callback));
  return { client, location };
}

const sessionOf = async (client: TestClient) => (await client.get('/api/session')).json().user;

describe('staff single sign-on through OpenID Connect', () => {
  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const { authorizationUrl } = await startSignIn();
    const params = new URL(authorizationUrl).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();
    expect(params.get('redirect_uri')).toBe(callback);
    expect(params.get('scope')).toBe('openid email profile groups');
  });

  it('creates an admin account for a member of the admins group, opens a session and logs it', async () => {
    const { client, location } = await signInAs('ada-admin');
    expect(location).toBe('/');
    const me = await sessionOf(client);
    expect(me).toMatchObject({
      email: 'ada.admin@staff.test',
      name: 'Ada Admin',
      role: 'admin',
      companyId: null,
    });
    const line = logLines.map((l) => JSON.parse(l)).find((l) => l.event === 'sso_sign_in');
    expect(line).toMatchObject({ email: 'ada.admin@staff.test', role: 'admin', accountCreated: true });
  });

  it('gives the agent role to a member of the agents group, and keeps the account at the next sign-in', async () => {
    const first = await signInAs('alan-agent');
    const me = await sessionOf(first.client);
    expect(me.role).toBe('agent');
    const again = await signInAs('alan-agent');
    expect((await sessionOf(again.client)).id).toBe(me.id);
  });

  it('sets the role from the groups at each sign-in: an agent account in the admins group becomes admin', async () => {
    const existing = await createUser(t.ctx.db, { role: 'agent' });
    await t.ctx.db.update(users).set({ email: 'rita@staff.test' }).where(eq(users.id, existing.id));
    const { client } = await signInAs('rita-promoted');
    expect(await sessionOf(client)).toMatchObject({ id: existing.id, role: 'admin' });
  });

  it('refuses a person of a domain that is not allowed, with a clear message, and creates nothing', async () => {
    const { client, location } = await signInAs('oscar-outsider');
    expect(location).toBe('/login?sso_error=sso_domain_not_allowed');
    expect(await sessionOf(client)).toBeNull();
    expect(await t.ctx.db.select().from(users).where(eq(users.email, 'oscar@elsewhere.test'))).toHaveLength(
      0,
    );
    const said = async (language: string) =>
      (
        await client.get('/api/session/sso?error=sso_domain_not_allowed', { 'accept-language': language })
      ).json();
    expect(await said('fr')).toMatchObject({
      providerName: 'Staff ID',
      error: expect.stringContaining('domaine'),
    });
    expect((await said('de')).error).toContain('Domain');
    expect((await said('en')).error).toContain('domain');
  });

  it('refuses a person of an allowed domain in no mapped group', async () => {
    const { client, location } = await signInAs('nina-nogroup');
    expect(location).toBe('/login?sso_error=sso_no_role');
    expect(await sessionOf(client)).toBeNull();
  });

  it('refuses an answer whose state is not the one this browser was given', async () => {
    const { client, authorizationUrl } = await startSignIn();
    const answer = new URL(await passProviderPages(authorizationUrl, 'alan-agent', callback));
    answer.searchParams.set('state', 'forged-state');
    expect(await returnTo(client, answer.href)).toBe('/login?sso_error=sso_failed');
    expect(await sessionOf(client)).toBeNull();
  });

  it("refuses an answer brought back to another browser's sign-in (login CSRF)", async () => {
    const victim = await startSignIn();
    const attacker = await startSignIn();
    const attackerAnswer = await passProviderPages(attacker.authorizationUrl, 'alan-agent', callback);
    expect(await returnTo(victim.client, attackerAnswer)).toBe('/login?sso_error=sso_failed');
    expect(await sessionOf(victim.client)).toBeNull();
  });

  it('refuses an ID token whose nonce is not the one of the sign-in', async () => {
    const { client, authorizationUrl } = await startSignIn();
    const answer = await passProviderPages(authorizationUrl, 'alan-agent', callback);
    const secret = t.ctx.config.secret;
    const transaction = openTransaction(client.cookie('guichet_oidc') ?? '', secret, t.clock.now());
    if (!transaction) throw new Error('no transaction cookie');
    const altered = sealTransaction({ ...transaction, nonce: 'another-nonce' }, secret);
    const forged = new TestClient(t.app, '10.9.1.1');
    const response = await t.app.inject({
      method: 'GET',
      url: answer.slice(publicUrl.length),
      headers: { cookie: `guichet_oidc=${altered}` },
      remoteAddress: forged.ip,
    });
    expect(response.headers.location).toBe('/login?sso_error=sso_failed');
    expect(response.cookies.find((c) => c.name === 'guichet_session')).toBeUndefined();
  });

  it('refuses a return without the sign-in cookie, and a tampered cookie', async () => {
    const { client, authorizationUrl } = await startSignIn();
    const answer = await passProviderPages(authorizationUrl, 'alan-agent', callback);
    const sealed = client.cookie('guichet_oidc') ?? '';
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const cookie of [undefined, `guichet_oidc=${tampered}`]) {
      const response = await t.app.inject({
        method: 'GET',
        url: answer.slice(publicUrl.length),
        headers: cookie ? { cookie } : {},
      });
      expect(response.headers.location).toBe('/login?sso_error=sso_failed');
    }
  });

  it('never takes over a customer account of an allowed domain', async () => {
    const acme = await createCompany(t.ctx.db);
    await t.ctx.db.update(users).set({ email: 'carl@staff.test' }).where(eq(users.id, acme.customer.id));
    const { client, location } = await signInAs('carl-customer');
    expect(location).toBe('/login?sso_error=sso_not_staff');
    expect(await sessionOf(client)).toBeNull();
  });

  it('refuses an address the provider has not verified', async () => {
    const { location } = await signInAs('otto-unverified');
    expect(location).toBe('/login?sso_error=sso_email_unverified');
  });
});

describe('when the provider is away, or staff passwords are disabled', () => {
  let away: TestApp;
  beforeAll(async () => {
    away = await testApp({
      publicUrl,
      env: { ...testSsoEnv('http://127.0.0.1:9'), OIDC_DISABLE_STAFF_PASSWORDS: 'true' },
    });
  });
  afterAll(() => away?.close());

  it('sends the person back to the sign-in page saying the provider is unreachable', async () => {
    const client = new TestClient(away.app, '10.9.2.1');
    const start = await client.get('/api/session/sso/start');
    expect(start.headers.location).toBe('/login?sso_error=sso_provider_unreachable');
    const said = await client.get('/api/session/sso?error=sso_provider_unreachable', {
      'accept-language': 'en',
    });
    expect(said.json().error).toBe(
      'The identity provider does not answer. Try again in a few minutes; if it persists, tell the administrator.',
    );
  });

  it('refuses a staff password sign-in but keeps customers signing in with theirs', async () => {
    const agent = await createUser(away.ctx.db, { role: 'agent' });
    const acme = await createCompany(away.ctx.db);
    const staff = new TestClient(away.app, '10.9.2.2');
    const refused = await staff.post('/api/session', {
      email: agent.email,
      password: 'correct horse battery staple',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'staff_password_disabled',
      message: expect.stringContaining('Staff ID'),
    });
    await new TestClient(away.app, '10.9.2.3').login(acme.customer.email);
  });
});
