import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountRequests, oneTimeTokens, outbox, users } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, createUser, type TestCompany } from '../support/factories';

let t: TestApp;
let acme: TestCompany;
let other: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;
let ipCounter = 0;

const client = () => {
  ipCounter += 1;
  return new TestClient(t.app, `10.20.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`);
};

const domainOf = (c: TestCompany) => c.company.mailDomains[0] ?? '';

const mailsTo = (recipient: string) =>
  t.ctx.db.select().from(outbox).where(eq(outbox.recipient, recipient)).orderBy(desc(outbox.id));

async function submitRequest(email: string, extra: Record<string, unknown> = {}) {
  t.clock.advance(1000);
  const response = await client().post('/api/account-requests', {
    name: 'Nina Neu',
    email,
    companyName: 'Acme',
    phone: '+41 31 000 00 00',
    ...extra,
  });
  expect(response.statusCode).toBe(201);
  expect(response.json()).toEqual({ ok: true });
  const [row] = await t.ctx.db
    .select()
    .from(accountRequests)
    .where(eq(accountRequests.email, email.toLowerCase()))
    .orderBy(desc(accountRequests.createdAt))
    .limit(1);
  if (!row) throw new Error('request not stored');
  return row;
}

const tokenFromLink = (link: unknown) => new URL(String(link)).searchParams.get('token') ?? '';

async function latestLink(recipient: string, template: string) {
  const [mail] = (await mailsTo(recipient)).filter((m) => m.template === template);
  if (!mail) throw new Error(`no ${template} mail for ${recipient}`);
  return { mail, token: tokenFromLink(mail.params.link) };
}

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
  other = await createCompany(t.ctx.db);
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

describe('account requests (R13)', () => {
  it('request → approval by an agent → set-password link → sign in', async () => {
    const email = `nina@${domainOf(acme)}`;
    const request = await submitRequest(email, { language: 'de' });
    expect(request.status).toBe('pending');
    const [receipt] = await mailsTo(email);
    expect(receipt).toMatchObject({ template: 'account.request_received', language: 'de' });
    expect(receipt?.params).toEqual({ name: 'Nina Neu' });

    const agent = client();
    await agent.login(staff.agent.email);
    const list = await agent.get('/api/account-requests');
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { id: string }) => i.id === request.id);
    expect(item).toMatchObject({
      email,
      name: 'Nina Neu',
      companyName: 'Acme',
      language: 'de',
      status: 'pending',
      suggestedCompanyId: acme.company.id,
    });

    const approved = await agent.post(`/api/account-requests/${request.id}/approve`, {
      companyId: acme.company.id,
    });
    expect(approved.statusCode).toBe(200);
    const [stored] = await t.ctx.db.select().from(accountRequests).where(eq(accountRequests.id, request.id));
    expect(stored).toMatchObject({
      status: 'approved',
      decidedBy: staff.agent.id,
      companyId: acme.company.id,
    });
    expect(stored?.decidedAt?.toISOString()).toBe(t.clock.now().toISOString());
    const [user] = await t.ctx.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({
      role: 'customer',
      companyId: acme.company.id,
      language: 'de',
      isManager: false,
    });
    expect(user?.passwordHash).toBeNull();

    const { mail, token } = await latestLink(email, 'account.approved');
    expect(mail.language).toBe('de');
    expect(String(mail.params.link)).toMatch(/^http:\/\/localhost:3000\/set-password\?token=/);
    expect(mail.params.expiresAt).toBe(new Date(t.clock.now().getTime() + 72 * 3_600_000).toISOString());
    // Only the hash of the token is stored.
    const tokens = await t.ctx.db
      .select()
      .from(oneTimeTokens)
      .where(eq(oneTimeTokens.userId, user?.id ?? ''));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.tokenHash).not.toBe(token);
    expect(tokens[0]?.purpose).toBe('set_password');

    const person = client();
    expect((await person.get(`/api/password/token?token=${token}`)).json()).toEqual({
      valid: true,
      purpose: 'set_password',
    });
    const set = await person.post('/api/password/set', { token, password: 'a brand new secret' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ ok: true });
    await person.login(email, 'a brand new secret');
    expect((await person.get('/api/session')).json().user.email).toBe(email);
  });

  it('refuses the same token twice (400 token_invalid) and says the link is dead', async () => {
    const email = `twice-${Date.now()}@${domainOf(acme)}`;
    const request = await submitRequest(email);
    const agent = client();
    await agent.login(staff.agent.email);
    await agent.post(`/api/account-requests/${request.id}/approve`, { companyId: acme.company.id });
    const { token } = await latestLink(email, 'account.approved');
    const person = client();
    expect((await person.post('/api/password/set', { token, password: 'first password!' })).statusCode).toBe(
      200,
    );
    const again = await person.post('/api/password/set', { token, password: 'second password!' });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('token_invalid');
    expect((await person.get(`/api/password/token?token=${token}`)).json()).toEqual({ valid: false });
    await person.login(email, 'first password!');
  });

  it('refuses an expired token (73 hours later)', async () => {
    const email = `late@${domainOf(other)}`;
    const request = await submitRequest(email);
    const admin = client();
    await admin.login(staff.admin.email);
    expect(
      (await admin.post(`/api/account-requests/${request.id}/approve`, { companyId: other.company.id }))
        .statusCode,
    ).toBe(200);
    const { token } = await latestLink(email, 'account.approved');
    t.clock.advance(73 * 3_600_000);
    const person = client();
    const response = await person.post('/api/password/set', { token, password: 'too late for this' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('token_invalid');
    expect((await person.get(`/api/password/token?token=${token}`)).json()).toEqual({ valid: false });
  });

  it('refuses an unknown token with 400 token_invalid', async () => {
    const response = await client().post('/api/password/set', { token: 'nope', password: 'long enough pw' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('token_invalid');
  });

  it('answers 409 request_already_decided and 409 email_taken', async () => {
    const agent = client();
    await agent.login(staff.agent.email);
    const email = `dup@${domainOf(acme)}`;
    const first = await submitRequest(email);
    expect(
      (await agent.post(`/api/account-requests/${first.id}/approve`, { companyId: acme.company.id }))
        .statusCode,
    ).toBe(200);
    const again = await agent.post(`/api/account-requests/${first.id}/approve`, {
      companyId: acme.company.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('request_already_decided');

    // A second request for an address that has an account is accepted like any other (no enumeration) …
    const second = await submitRequest(email.toUpperCase());
    expect((await mailsTo(email)).filter((m) => m.template === 'account.request_received')).toHaveLength(2);
    // … and approving it says the address is taken.
    const taken = await agent.post(`/api/account-requests/${second.id}/approve`, {
      companyId: acme.company.id,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('email_taken');
    const [stillPending] = await t.ctx.db
      .select()
      .from(accountRequests)
      .where(eq(accountRequests.id, second.id));
    expect(stillPending?.status).toBe('pending');
  });

  it('refuses a request and mails the reason', async () => {
    const email = `no@${domainOf(acme)}`;
    const request = await submitRequest(email, { language: 'en' });
    const consultant = client();
    await consultant.login(staff.consultant.email);
    const refused = await consultant.post(`/api/account-requests/${request.id}/refuse`, {
      reason: 'Unknown',
    });
    expect(refused.statusCode).toBe(200);
    const [mail] = await mailsTo(email);
    expect(mail).toMatchObject({
      template: 'account.refused',
      language: 'en',
      params: { name: 'Nina Neu', reason: 'Unknown' },
    });
    const list = await consultant.get('/api/account-requests?status=refused');
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(request.id);
    const approve = await consultant.post(`/api/account-requests/${request.id}/approve`, {
      companyId: acme.company.id,
    });
    expect(approve.json().code).toBe('request_already_decided');
  });

  it('a manager approves for their own company only, never another company’s request', async () => {
    const mine = await submitRequest(`colleague@${domainOf(acme)}`);
    const theirs = await submitRequest(`stranger@${domainOf(other)}`);
    const manager = client();
    await manager.login(acme.manager.email);

    const list = (await manager.get('/api/account-requests')).json().items.map((i: { id: string }) => i.id);
    expect(list).toContain(mine.id);
    expect(list).not.toContain(theirs.id);

    const foreign = await manager.post(`/api/account-requests/${theirs.id}/approve`, {
      companyId: acme.company.id,
    });
    expect(foreign.statusCode).toBe(404);
    const refuseForeign = await manager.post(`/api/account-requests/${theirs.id}/refuse`, {});
    expect(refuseForeign.statusCode).toBe(404);
    const intoOther = await manager.post(`/api/account-requests/${mine.id}/approve`, {
      companyId: other.company.id,
    });
    expect(intoOther.statusCode).toBe(403);
    const asManager = await manager.post(`/api/account-requests/${mine.id}/approve`, {
      companyId: acme.company.id,
      isManager: true,
    });
    expect(asManager.statusCode).toBe(403);

    const ok = await manager.post(`/api/account-requests/${mine.id}/approve`, { companyId: acme.company.id });
    expect(ok.statusCode).toBe(200);
    const [user] = await t.ctx.db.select().from(users).where(eq(users.id, ok.json().userId));
    expect(user).toMatchObject({ companyId: acme.company.id, isManager: false, role: 'customer' });
  });

  it('a plain customer cannot list or decide requests; anonymous callers must sign in', async () => {
    const request = await submitRequest(`peer@${domainOf(acme)}`);
    const customer = client();
    await customer.login(acme.customer.email);
    const list = await customer.get('/api/account-requests');
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('forbidden');
    const approve = await customer.post(`/api/account-requests/${request.id}/approve`, {
      companyId: acme.company.id,
    });
    expect(approve.statusCode).toBe(403);
    expect((await client().get('/api/account-requests')).statusCode).toBe(401);
  });

  it('lets staff make a manager, and answers company_unknown for a missing company', async () => {
    const email = `boss@${domainOf(other)}`;
    const request = await submitRequest(email);
    const admin = client();
    await admin.login(staff.admin.email);
    const unknown = await admin.post(`/api/account-requests/${request.id}/approve`, {
      companyId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('company_unknown');
    const ok = await admin.post(`/api/account-requests/${request.id}/approve`, {
      companyId: other.company.id,
      isManager: true,
    });
    expect(ok.statusCode).toBe(200);
    const [user] = await t.ctx.db.select().from(users).where(eq(users.email, email));
    expect(user?.isManager).toBe(true);
  });

  it('defaults the request language to the language of the page', async () => {
    const email = `lang@${domainOf(acme)}`;
    const response = await client().request({
      method: 'POST',
      url: '/api/account-requests',
      payload: { name: 'Lina', email, companyName: 'Acme' },
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(response.statusCode).toBe(201);
    const [row] = await t.ctx.db.select().from(accountRequests).where(eq(accountRequests.email, email));
    expect(row?.language).toBe('en');
    expect(row?.phone).toBeNull();
  });
});

describe('forgotten password (R13)', () => {
  it('answers identically for a known and an unknown address, and mails only the known one', async () => {
    const known = await createUser(t.ctx.db, {
      role: 'customer',
      companyId: acme.company.id,
      language: 'de',
    });
    const unknownEmail = `ghost-${known.id.slice(0, 6)}@example.test`;
    const a = await client().post('/api/password/forgot', { email: known.email });
    const b = await client().post('/api/password/forgot', { email: unknownEmail });
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(a.statusCode);
    expect(b.body).toBe(a.body);
    expect(b.headers['content-type']).toBe(a.headers['content-type']);
    expect(b.headers['content-length']).toBe(a.headers['content-length']);
    expect(await mailsTo(unknownEmail)).toHaveLength(0);
    const { mail, token } = await latestLink(known.email, 'account.password_reset');
    expect(mail.language).toBe('de');
    expect(mail.params.name).toBe(known.name);
    expect(mail.params.expiresAt).toBe(new Date(t.clock.now().getTime() + 3_600_000).toISOString());
    const [row] = await t.ctx.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, known.id));
    expect(row?.purpose).toBe('reset_password');

    // Signed-in sessions end when the password is reset.
    const session = client();
    await session.login(known.email);
    const person = client();
    expect((await person.get(`/api/password/token?token=${token}`)).json()).toEqual({
      valid: true,
      purpose: 'reset_password',
    });
    expect(
      (await person.post('/api/password/set', { token, password: 'reset and renewed' })).statusCode,
    ).toBe(200);
    expect((await session.get('/api/session')).json().user).toBeNull();
    await person.login(known.email, 'reset and renewed');
  });

  it('mails nothing for a deactivated account, and a reset link lasts one hour', async () => {
    const gone = await createUser(t.ctx.db, { role: 'customer', companyId: acme.company.id });
    await t.ctx.db.update(users).set({ active: false }).where(eq(users.id, gone.id));
    expect((await client().post('/api/password/forgot', { email: gone.email })).statusCode).toBe(200);
    expect(await mailsTo(gone.email)).toHaveLength(0);

    const user = await createUser(t.ctx.db, { role: 'agent' });
    await client().post('/api/password/forgot', { email: user.email.toUpperCase() });
    const { token } = await latestLink(user.email, 'account.password_reset');
    t.clock.advance(61 * 60_000);
    const late = await client().post('/api/password/set', { token, password: 'an hour too late' });
    expect(late.json().code).toBe('token_invalid');
    const spent = await t.ctx.db
      .select()
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.userId, user.id)));
    expect(spent[0]?.usedAt).toBeNull();
  });
});

describe('flood protection', () => {
  it('keeps at most 3 requests a day per address, answering the same 201 to the others', async () => {
    const email = `flood@${domainOf(other)}`;
    for (let i = 0; i < 5; i += 1) {
      const response = await client().post('/api/account-requests', { name: 'F', email, companyName: 'X' });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({ ok: true });
    }
    expect(
      await t.ctx.db.select().from(accountRequests).where(eq(accountRequests.email, email)),
    ).toHaveLength(3);
    expect(await mailsTo(email)).toHaveLength(3);
    t.clock.advance(24 * 3_600_000 + 1000);
    await client().post('/api/account-requests', { name: 'F', email, companyName: 'X' });
    expect(await mailsTo(email)).toHaveLength(4);
  });

  it('mails at most 3 reset links an hour per account, with the same answer', async () => {
    const user = await createUser(t.ctx.db, { role: 'customer', companyId: acme.company.id });
    const bodies = new Set<string>();
    for (let i = 0; i < 5; i += 1) {
      const response = await client().post('/api/password/forgot', { email: user.email });
      expect(response.statusCode).toBe(200);
      bodies.add(response.body);
    }
    expect(bodies.size).toBe(1);
    expect(await mailsTo(user.email)).toHaveLength(3);
    t.clock.advance(3_600_000 + 1000);
    await client().post('/api/password/forgot', { email: user.email });
    expect(await mailsTo(user.email)).toHaveLength(4);
  });
});
