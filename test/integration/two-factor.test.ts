import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, TestClient, testApp, testPassword } from '../support/app';
import { createCompany, createStaff, createUser, signedIn } from '../support/factories';

let t: TestApp;
let ipCounter = 0;
/** Each sign-in from its own address, so the per-address allowance never blurs what a test measures. */
const nextIp = () => `10.20.${Math.floor(ipCounter / 200)}.${(ipCounter++ % 200) + 1}`;

beforeAll(async () => {
  t = await testApp({ now: '2026-03-02T09:00:10Z' });
});
afterAll(() => t.close());

const codeAt = (secret: string, at: Date) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });
const codeNow = (secret: string) => codeAt(secret, t.clock.now());

/** Sets up the app for a signed-in client; returns its secret and the recovery codes shown once. */
async function enrolTotp(client: TestClient) {
  const started = await client.post('/api/profile/two-factor/totp', {});
  expect(started.statusCode).toBe(200);
  const { secret } = started.json();
  const confirmed = await client.post('/api/profile/two-factor/totp/confirm', { code: codeNow(secret) });
  expect(confirmed.statusCode).toBe(200);
  return { secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

/** The password step: a client holding a sign-in challenge, not a session. */
async function passwordStep(email: string) {
  const client = new TestClient(t.app, nextIp());
  const response = await client.post('/api/session', { email, password: testPassword });
  return { client, response };
}

describe('authenticator app (TOTP)', () => {
  it('is enrolled from the profile with a QR code, confirmed by a code, and never shows its secret again', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const client = await signedIn(t.app, customer, nextIp());
    const started = await client.post('/api/profile/two-factor/totp', {});
    const { secret, uri, qrSvg } = started.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toContain('otpauth://totp/Guichet:');
    expect(uri).toContain(`secret=${secret}`);
    expect(qrSvg).toMatch(/^<svg/);

    const wrong = await client.post('/api/profile/two-factor/totp/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('second_factor_invalid');
    expect((await client.get('/api/profile/two-factor')).json().totp).toBe(false);

    const confirmed = await client.post('/api/profile/two-factor/totp/confirm', { code: codeNow(secret) });
    const { recoveryCodes } = confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    const status = await client.get('/api/profile/two-factor');
    expect(status.json()).toEqual({ totp: true, passkeys: [], recoveryCodesLeft: 10, required: false });
    expect(status.body).not.toContain(secret);
    expect((await client.post('/api/profile/two-factor/totp', {})).json().code).toBe('totp_already_enabled');
  });

  it('makes sign-in a two-step affair: the password alone opens no session', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const { secret } = await enrolTotp(await signedIn(t.app, customer, nextIp()));

    const { client, response } = await passwordStep(customer.email);
    expect(response.json()).toMatchObject({
      user: null,
      secondFactor: { purpose: 'verify', methods: ['totp'] },
    });
    expect(response.cookies.map((c) => c.name)).not.toContain('guichet_session');
    expect(client.cookie('guichet_sign_in')).toBeDefined();
    expect((await client.get('/api/session')).json().user).toBeNull();
    expect((await client.get('/api/profile')).statusCode).toBe(401);
    expect((await client.get('/api/session/second-factor')).json()).toEqual({
      purpose: 'verify',
      methods: ['totp'],
    });

    // The enrolment spent this time step's code: the next step's is needed.
    const spent = await client.post('/api/session/second-factor', { code: codeNow(secret) });
    expect(spent.json().code).toBe('second_factor_invalid');
    t.clock.advance(30_000);
    const done = await client.post('/api/session/second-factor', { code: codeNow(secret) });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.email).toBe(customer.email);
    expect((await client.get('/api/profile')).statusCode).toBe(200);
    // The challenge was spent with the sign-in.
    expect((await client.get('/api/session/second-factor')).json().code).toBe('sign_in_challenge_expired');
  });

  it('accepts a code one time step old, refuses one two steps old, and never accepts a code twice', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const { secret } = await enrolTotp(await signedIn(t.app, customer, nextIp()));
    t.clock.advance(5 * 60_000);

    const shownEarlier = codeAt(secret, new Date(t.clock.now().getTime() - 60_000));
    const late = await passwordStep(customer.email);
    const refused = await late.client.post('/api/session/second-factor', { code: shownEarlier });
    expect(refused.statusCode).toBe(401);

    const shown = codeNow(secret);
    t.clock.advance(30_000);
    expect((await late.client.post('/api/session/second-factor', { code: shown })).statusCode).toBe(200);

    const replay = await passwordStep(customer.email);
    const again = await replay.client.post('/api/session/second-factor', { code: shown });
    expect(again.json().code).toBe('second_factor_invalid');
    t.clock.advance(30_000);
    expect(
      (await replay.client.post('/api/session/second-factor', { code: codeNow(secret) })).statusCode,
    ).toBe(200);
  });

  it('counts wrong codes as failed sign-ins: the account is throttled like after wrong passwords', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const { secret } = await enrolTotp(await signedIn(t.app, customer, nextIp()));
    t.clock.advance(60_000);
    const { client } = await passwordStep(customer.email);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await client.post('/api/session/second-factor', { code: '123456' })).statusCode);
    }
    // The password's attempt counts until the second step succeeds: 1 + 4 wrong codes use up 5.
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const blocked = await client.post('/api/session/second-factor', { code: codeNow(secret) });
    expect(blocked.statusCode).toBe(429);
    // Starting over with the password does not buy more guesses.
    expect((await passwordStep(customer.email)).response.statusCode).toBe(429);
    t.clock.advance(16 * 60_000);
    const expired = await client.post('/api/session/second-factor', { code: codeNow(secret) });
    expect(expired.json().code).toBe('sign_in_challenge_expired');
    const fresh = await passwordStep(customer.email);
    expect(
      (await fresh.client.post('/api/session/second-factor', { code: codeNow(secret) })).statusCode,
    ).toBe(200);
  });

  it('is turned off only with a current code, and sign-in is one step again', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const client = await signedIn(t.app, customer, nextIp());
    const { secret } = await enrolTotp(client);
    t.clock.advance(30_000);
    const wrong = await client.post('/api/profile/two-factor/totp/disable', { code: '999999' });
    expect(wrong.json().code).toBe('second_factor_invalid');
    const off = await client.post('/api/profile/two-factor/totp/disable', { code: codeNow(secret) });
    expect(off.statusCode).toBe(200);
    expect((await client.get('/api/profile/two-factor')).json()).toMatchObject({
      totp: false,
      recoveryCodesLeft: 0,
    });
    const { response } = await passwordStep(customer.email);
    expect(response.json().user.email).toBe(customer.email);
    expect(response.json().secondFactor).toBeUndefined();
  });
});

describe('recovery codes', () => {
  it('sign in once each: a code used is refused the second time', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const { recoveryCodes } = await enrolTotp(await signedIn(t.app, customer, nextIp()));
    const [code] = recoveryCodes;

    const first = await passwordStep(customer.email);
    // Typed as people do: upper case, without the dash.
    const typed = (code ?? '').toUpperCase().replace('-', ' ');
    const used = await first.client.post('/api/session/second-factor', { code: typed });
    expect(used.statusCode).toBe(200);
    expect((await first.client.get('/api/profile/two-factor')).json().recoveryCodesLeft).toBe(9);

    const second = await passwordStep(customer.email);
    const reused = await second.client.post('/api/session/second-factor', { code });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('second_factor_invalid');
    expect(
      (await second.client.post('/api/session/second-factor', { code: recoveryCodes[1] })).statusCode,
    ).toBe(200);
  });

  it('are stored hashed, never as typed', async () => {
    const { customer } = await createCompany(t.ctx.db);
    const { recoveryCodes } = await enrolTotp(await signedIn(t.app, customer, nextIp()));
    const dump = JSON.stringify(await t.ctx.db.query.recoveryCodes.findMany());
    for (const code of recoveryCodes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace('-', ''));
    }
  });
});

describe('second factor required for staff', () => {
  it('sends staff without one to enrolment at sign-in; they cannot use the portal until enrolled', async () => {
    const { admin } = await createStaff(t.ctx.db);
    const agent = await createUser(t.ctx.db, { role: 'agent' });
    const { customer } = await createCompany(t.ctx.db);
    const adminClient = await signedIn(t.app, admin, nextIp());
    const agentClient = await signedIn(t.app, agent, nextIp());

    expect(
      (await agentClient.put('/api/admin/settings/two-factor', { requiredForStaff: false })).statusCode,
    ).toBe(403);
    const tooSoon = await adminClient.put('/api/admin/settings/two-factor', { requiredForStaff: true });
    expect(tooSoon.json().code).toBe('two_factor_self_first');
    await enrolTotp(adminClient);
    const required = await adminClient.put('/api/admin/settings/two-factor', { requiredForStaff: true });
    expect(required.json()).toEqual({ requiredForStaff: true });

    // The agent's open session ended; the admin, who has a factor, keeps theirs.
    expect((await agentClient.get('/api/session')).json().user).toBeNull();
    expect((await adminClient.get('/api/session')).json().user.email).toBe(admin.email);

    const { client, response } = await passwordStep(agent.email);
    expect(response.json()).toMatchObject({ user: null, secondFactor: { purpose: 'enrol', methods: [] } });
    expect((await client.get('/api/tickets')).statusCode).toBe(401);
    expect((await client.post('/api/session/second-factor', { code: '123456' })).json().code).toBe(
      'sign_in_challenge_expired',
    );
    const { secret } = (await client.post('/api/session/second-factor/enrolment', {})).json();
    const wrong = await client.post('/api/session/second-factor/enrolment/confirm', { code: '000000' });
    expect(wrong.json().code).toBe('second_factor_invalid');
    const enrolled = await client.post('/api/session/second-factor/enrolment/confirm', {
      code: codeNow(secret),
    });
    expect(enrolled.statusCode).toBe(200);
    expect(enrolled.json().user.email).toBe(agent.email);
    expect(enrolled.json().recoveryCodes).toHaveLength(10);
    expect((await client.get('/api/profile/two-factor')).json()).toMatchObject({
      totp: true,
      required: true,
    });

    // The last factor of a staff member stays while it is required.
    t.clock.advance(30_000);
    const off = await client.post('/api/profile/two-factor/totp/disable', { code: codeNow(secret) });
    expect(off.json().code).toBe('two_factor_required');

    // Customers are not concerned.
    expect((await passwordStep(customer.email)).response.json().user.email).toBe(customer.email);

    await adminClient.put('/api/admin/settings/two-factor', { requiredForStaff: false });
  });
});
