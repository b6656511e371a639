import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp, testPassword } from '../support/app';
import { createCompany, createStaff, createUser, signedIn } from '../support/factories';
import { SoftwareAuthenticator } from '../support/software-authenticator';

let t: TestApp;
let ipCounter = 0;
const nextIp = () => `10.30.${Math.floor(ipCounter / 200)}.${(ipCounter++ % 200) + 1}`;
const portal = 'http://localhost:3000';

beforeAll(async () => {
  t = await testApp({ now: '2026-03-02T09:00:10Z', publicUrl: portal });
});
afterAll(() => t.close());

/** Adds a passkey from the profile of a signed-in client; returns the authenticator and the answer. */
async function addPasskey(
  client: TestClient,
  name = 'Laptop',
  authenticator = new SoftwareAuthenticator(portal),
) {
  const options = await client.post('/api/profile/two-factor/passkeys/options', {});
  expect(options.statusCode).toBe(200);
  const response = await client.post('/api/profile/two-factor/passkeys', {
    name,
    response: authenticator.create(options.json()),
  });
  return { authenticator, response, options: options.json() };
}

async function passwordStep(email: string) {
  const client = new TestClient(t.app, nextIp());
  const response = await client.post('/api/session', { email, password: testPassword });
  return { client, response };
}

/** The second step with a passkey: asks for a challenge and answers it with `authenticator`. */
async function passkeyStep(client: TestClient, authenticator: SoftwareAuthenticator, counter?: number) {
  const options = await client.post('/api/session/second-factor/passkey/options', {});
  expect(options.statusCode).toBe(200);
  return client.post('/api/session/second-factor/passkey', {
    response: authenticator.get(options.json(), counter),
  });
}

describe('passkey registration', () => {
  it('adds a named passkey bound to the portal’s host name; the first factor comes with recovery codes', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const client = await signedIn(t.app, customer, nextIp());
    const first = await addPasskey(client, 'Work laptop');
    expect(first.options).toMatchObject({
      rp: { id: 'localhost', name: 'Guichet' },
      user: { name: customer.email, displayName: customer.name },
      attestation: 'none',
      excludeCredentials: [],
    });
    expect(first.options.challenge).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(first.response.statusCode).toBe(200);
    expect(first.response.json().recoveryCodes).toHaveLength(10);

    // A second one: the browser is told which key it already has; no new codes.
    const second = await addPasskey(client, 'Phone');
    expect(second.options.excludeCredentials).toEqual([
      { id: first.authenticator.id, type: 'public-key', transports: ['internal'] },
    ]);
    expect(second.response.json()).toEqual({ recoveryCodes: [] });

    const status = (await client.get('/api/profile/two-factor')).json();
    expect(status).toMatchObject({ totp: false, recoveryCodesLeft: 10 });
    expect(status.passkeys.map((k: { name: string }) => k.name)).toEqual(['Work laptop', 'Phone']);
    expect(status.passkeys[0]).toMatchObject({ id: first.authenticator.id, lastUsedAt: null });
  });

  it('answers each challenge once, and not after five minutes', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const client = await signedIn(t.app, customer, nextIp());
    const authenticator = new SoftwareAuthenticator(portal);

    const none = await client.post('/api/profile/two-factor/passkeys', {
      name: 'Key',
      response: authenticator.create({ challenge: 'bm90LWlzc3VlZA', rp: {} }),
    });
    expect(none.json().code).toBe('passkey_registration_failed');

    const options = (await client.post('/api/profile/two-factor/passkeys/options', {})).json();
    t.clock.advance(5 * 60_000 + 1_000);
    const late = await client.post('/api/profile/two-factor/passkeys', {
      name: 'Key',
      response: authenticator.create(options),
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().code).toBe('passkey_registration_failed');

    const fresh = (await client.post('/api/profile/two-factor/passkeys/options', {})).json();
    const answer = authenticator.create(fresh);
    expect(
      (await client.post('/api/profile/two-factor/passkeys', { name: 'Key', response: answer })).statusCode,
    ).toBe(200);
    const again = await client.post('/api/profile/two-factor/passkeys', {
      name: 'Key again',
      response: answer,
    });
    expect(again.json().code).toBe('passkey_registration_failed');
    expect((await client.get('/api/profile/two-factor')).json().passkeys).toHaveLength(1);
  });

  it('refuses a passkey created for another site', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const client = await signedIn(t.app, customer, nextIp());
    const phishing = await addPasskey(
      client,
      'Key',
      new SoftwareAuthenticator('https://guichet.example.net'),
    );
    expect(phishing.response.json().code).toBe('passkey_registration_failed');

    const options = (await client.post('/api/profile/two-factor/passkeys/options', {})).json();
    const otherRp = new SoftwareAuthenticator(portal).create(options, 'example.net');
    const refused = await client.post('/api/profile/two-factor/passkeys', { name: 'Key', response: otherRp });
    expect(refused.json().code).toBe('passkey_registration_failed');
    expect((await client.get('/api/profile/two-factor')).json().passkeys).toEqual([]);
  });

  it('is renamed and removed by its owner only; removing the last factor ends two-step sign-in', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const other = await createUser(t.ctx.db, { role: 'customer', companyId: customer.companyId });
    const client = await signedIn(t.app, customer, nextIp());
    const otherClient = await signedIn(t.app, other, nextIp());
    const { authenticator } = await addPasskey(client, 'Old name');
    const path = `/api/profile/two-factor/passkeys/${authenticator.id}`;

    expect((await otherClient.patch(path, { name: 'Mine now' })).json().code).toBe('passkey_not_found');
    expect((await otherClient.delete(path)).json().code).toBe('passkey_not_found');
    expect((await client.patch(path, { name: '  Security key  ' })).statusCode).toBe(200);
    expect((await client.get('/api/profile/two-factor')).json().passkeys[0].name).toBe('Security key');

    expect((await client.delete(path)).statusCode).toBe(200);
    expect((await client.get('/api/profile/two-factor')).json()).toMatchObject({
      passkeys: [],
      recoveryCodesLeft: 0,
    });
    expect((await passwordStep(customer.email)).response.json().user.email).toBe(customer.email);
  });
});

describe('sign-in with a passkey', () => {
  it('is the second step after the password, and records when the key was last used', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const { authenticator } = await addPasskey(await signedIn(t.app, customer, nextIp()));

    const { client, response } = await passwordStep(customer.email);
    expect(response.json()).toMatchObject({
      user: null,
      secondFactor: { purpose: 'verify', methods: ['passkey'] },
    });
    const options = await client.post('/api/session/second-factor/passkey/options', {});
    expect(options.json()).toMatchObject({
      rpId: 'localhost',
      allowCredentials: [{ id: authenticator.id, type: 'public-key' }],
    });
    const done = await client.post('/api/session/second-factor/passkey', {
      response: authenticator.get(options.json()),
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.email).toBe(customer.email);
    expect((await client.get('/api/profile')).statusCode).toBe(200);
    const [key] = (await client.get('/api/profile/two-factor')).json().passkeys;
    expect(key.lastUsedAt).toBe(t.clock.now().toISOString());
    // The halfway sign-in was spent: its passkey step cannot be taken again.
    expect((await client.post('/api/session/second-factor/passkey/options', {})).json().code).toBe(
      'sign_in_challenge_expired',
    );
  });

  it('refuses a replayed signature, a key of another account and a counter that went back', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const intruder = await createUser(t.ctx.db, { role: 'customer', companyId: customer.companyId });
    const { authenticator } = await addPasskey(await signedIn(t.app, customer, nextIp()));
    const { authenticator: intruderKey } = await addPasskey(await signedIn(t.app, intruder, nextIp()));

    const first = await passwordStep(customer.email);
    const options = (await first.client.post('/api/session/second-factor/passkey/options', {})).json();
    const signed = authenticator.get(options);
    expect(
      (await first.client.post('/api/session/second-factor/passkey', { response: signed })).statusCode,
    ).toBe(200);

    const second = await passwordStep(customer.email);
    await second.client.post('/api/session/second-factor/passkey/options', {});
    const replay = await second.client.post('/api/session/second-factor/passkey', { response: signed });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('passkey_invalid');

    expect((await passkeyStep(second.client, intruderKey)).json().code).toBe('passkey_invalid');
    // A copy of the key, showing a counter the portal has already seen.
    expect((await passkeyStep(second.client, authenticator, 1)).json().code).toBe('passkey_invalid');
    expect((await passkeyStep(second.client, authenticator, 5)).statusCode).toBe(200);
  });

  it('counts wrong passkey answers in the sign-in throttle', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const { authenticator } = await addPasskey(await signedIn(t.app, customer, nextIp()));
    const stranger = new SoftwareAuthenticator(portal);
    const { client } = await passwordStep(customer.email);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await passkeyStep(client, stranger)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect((await passkeyStep(client, authenticator)).statusCode).toBe(429);
  });

  it('leaves the recovery codes for a lost passkey, each good once', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const { response } = await addPasskey(await signedIn(t.app, customer, nextIp()));
    const [code] = response.json().recoveryCodes;

    const step = await passwordStep(customer.email);
    expect((await step.client.post('/api/session/second-factor', { code })).statusCode).toBe(200);
    const again = await passwordStep(customer.email);
    expect((await again.client.post('/api/session/second-factor', { code })).json().code).toBe(
      'second_factor_invalid',
    );
  });
});

describe('passkeys and the staff requirement', () => {
  it('count as a factor: an admin with a passkey may require one, and staff may enrol a passkey at sign-in', async () => {
    const { admin } = await createStaff(t.ctx.db);
    const agent = await createUser(t.ctx.db, { role: 'agent' });
    const adminClient = await signedIn(t.app, admin, nextIp());
    await addPasskey(adminClient);
    const required = await adminClient.put('/api/admin/settings/two-factor', { requiredForStaff: true });
    expect(required.json()).toEqual({ requiredForStaff: true });

    const { client, response } = await passwordStep(agent.email);
    expect(response.json()).toMatchObject({ secondFactor: { purpose: 'enrol', methods: [] } });
    expect((await client.post('/api/session/second-factor/passkey/options', {})).json().code).toBe(
      'sign_in_challenge_expired',
    );
    const options = await client.post('/api/session/second-factor/enrolment/passkey/options', {});
    expect(options.json().user.name).toBe(agent.email);
    const authenticator = new SoftwareAuthenticator(portal);
    const enrolled = await client.post('/api/session/second-factor/enrolment/passkey', {
      name: 'Desk key',
      response: authenticator.create(options.json()),
    });
    expect(enrolled.statusCode).toBe(200);
    expect(enrolled.json().user.email).toBe(agent.email);
    expect(enrolled.json().recoveryCodes).toHaveLength(10);

    // Their only factor stays while it is required.
    const removed = await client.delete(`/api/profile/two-factor/passkeys/${authenticator.id}`);
    expect(removed.json().code).toBe('two_factor_required');
    // A second one can go.
    const spare = await addPasskey(client, 'Spare');
    expect(
      (await client.delete(`/api/profile/two-factor/passkeys/${spare.authenticator.id}`)).statusCode,
    ).toBe(200);

    const next = await passwordStep(agent.email);
    expect(next.response.json().secondFactor).toEqual({ purpose: 'verify', methods: ['passkey'] });
    expect((await passkeyStep(next.client, authenticator)).statusCode).toBe(200);

    await adminClient.put('/api/admin/settings/two-factor', { requiredForStaff: false });
  });
});
