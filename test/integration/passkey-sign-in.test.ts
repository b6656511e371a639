import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, signedIn } from '../support/factories';
import { SoftwareAuthenticator } from '../support/software-authenticator';

let t: TestApp;
let ipCounter = 0;
const nextIp = () => `10.31.${Math.floor(ipCounter / 200)}.${(ipCounter++ % 200) + 1}`;
const portal = 'http://localhost:3000';

beforeAll(async () => {
  t = await testApp({ now: '2026-03-02T09:00:10Z', publicUrl: portal });
});
afterAll(() => t.close());

/** A customer with one passkey, added from their profile. */
async function customerWithPasskey() {
  const { customer } = await createCompany(t.ctx.db);
  const client = await signedIn(t.app, customer, nextIp());
  const authenticator = new SoftwareAuthenticator(portal);
  const options = (await client.post('/api/profile/two-factor/passkeys/options', {})).json();
  const added = await client.post('/api/profile/two-factor/passkeys', {
    name: 'Laptop',
    response: authenticator.create(options),
  });
  expect(added.statusCode).toBe(200);
  return { customer, authenticator };
}

const challenge = async (client: TestClient) => {
  const options = await client.post('/api/session/passkey/options', {});
  expect(options.statusCode).toBe(200);
  return options.json();
};

describe('sign-in with a passkey alone', () => {
  it('opens a session for the key’s owner, without address or password, when the key verified them', async () => {
    const { customer, authenticator } = await customerWithPasskey();
    const client = new TestClient(t.app, nextIp());
    const options = await challenge(client);
    // Any passkey of the portal may answer; the person must be verified by the key.
    expect(options).toMatchObject({ rpId: 'localhost', userVerification: 'required' });
    expect(options.allowCredentials ?? []).toEqual([]);

    const done = await client.post('/api/session/passkey', { response: authenticator.get(options) });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.email).toBe(customer.email);
    expect((await client.get('/api/session')).json().user.email).toBe(customer.email);
  });

  it('refuses a key that did not verify its owner, a replayed answer, an expired challenge and an unknown key', async () => {
    const { authenticator } = await customerWithPasskey();
    const client = new TestClient(t.app, nextIp());

    const touched = authenticator.get(await challenge(client), undefined, { userVerified: false });
    const notVerified = await client.post('/api/session/passkey', { response: touched });
    expect(notVerified.statusCode).toBe(401);
    expect(notVerified.json().code).toBe('passkey_invalid');

    const signed = authenticator.get(await challenge(client));
    expect((await client.post('/api/session/passkey', { response: signed })).statusCode).toBe(200);
    const other = new TestClient(t.app, nextIp());
    expect((await other.post('/api/session/passkey', { response: signed })).json().code).toBe(
      'passkey_invalid',
    );

    const late = await challenge(other);
    t.clock.advance(5 * 60_000 + 1_000);
    expect(
      (await other.post('/api/session/passkey', { response: authenticator.get(late) })).json().code,
    ).toBe('passkey_invalid');

    const stranger = new SoftwareAuthenticator(portal);
    expect(
      (await other.post('/api/session/passkey', { response: stranger.get(await challenge(other)) })).json()
        .code,
    ).toBe('passkey_invalid');
    expect((await other.get('/api/session')).json().user).toBeNull();
  });

  it('counts failed answers in the sign-in throttle of the address', async () => {
    const { authenticator } = await customerWithPasskey();
    const client = new TestClient(t.app, nextIp());
    const statuses = new Set<number>();
    // Keys nobody registered, each its own: only the address's allowance (20) stops them.
    for (let i = 0; i < 20; i += 1) {
      const response = new SoftwareAuthenticator(portal).get(await challenge(client));
      statuses.add((await client.post('/api/session/passkey', { response })).statusCode);
    }
    expect([...statuses]).toEqual([401]);
    const right = authenticator.get(await challenge(client));
    expect((await client.post('/api/session/passkey', { response: right })).statusCode).toBe(429);
  });
});
