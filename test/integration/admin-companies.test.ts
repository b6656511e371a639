import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContract } from '../../src/app/admin/contracts';
import { companies, outbox, sessions } from '../../src/db/schema/index';
import { zurichDateOf } from '../../src/domain/calendar/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, createUser, type TestCompany } from '../support/factories';

let t: TestApp;
let acme: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;
let admin: TestClient;
let agent: TestClient;
let ip = 0;
const client = () => {
  ip += 1;
  return new TestClient(t.app, `10.40.0.${ip}`);
};

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db, { flex: true });
  staff = await createStaff(t.ctx.db);
  admin = client();
  await admin.login(staff.admin.email);
  agent = client();
  await agent.login(staff.agent.email);
});
afterAll(() => t.close());

describe('companies', () => {
  it('creates, reads, lists and edits a company (admin)', async () => {
    const tag = randomUUID().slice(0, 8);
    const created = await admin.post('/api/companies', {
      name: `Zeta ${tag}`,
      mailDomains: [`Zeta-${tag}.CH`, `zeta-${tag}.ch`],
    });
    expect(created.statusCode).toBe(201);
    const company = created.json();
    expect(company).toMatchObject({
      name: `Zeta ${tag}`,
      mailDomains: [`zeta-${tag}.ch`],
      maintenanceActive: false,
      flexActive: false,
      userCount: 0,
    });

    const listed = await agent.get(`/api/companies?search=${tag}`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual({ items: [company], nextCursor: null });

    const patched = await admin.patch(`/api/companies/${company.id}`, { name: `Zeta ${tag} SA` });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: `Zeta ${tag} SA`, mailDomains: [`zeta-${tag}.ch`] });

    const detail = await agent.get(`/api/companies/${acme.company.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      id: acme.company.id,
      maintenanceActive: true,
      flexActive: true,
      userCount: 2,
    });
    expect(
      detail
        .json()
        .contracts.map((c: { kind: string }) => c.kind)
        .sort(),
    ).toEqual(['flex', 'maintenance']);
    expect(
      detail
        .json()
        .users.map((u: { id: string }) => u.id)
        .sort(),
    ).toEqual([acme.customer.id, acme.manager.id].sort());
    expect(detail.json().users[0]).not.toHaveProperty('passwordHash');

    const users = await agent.get(`/api/companies/${acme.company.id}/users`);
    expect(users.json().items).toHaveLength(2);
    expect((await agent.get(`/api/companies/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('pages by name 50 at a time with a cursor, and refuses a forged cursor', async () => {
    const tag = randomUUID().slice(0, 8);
    const now = t.clock.now();
    await t.ctx.db.insert(companies).values(
      Array.from({ length: 55 }, (_, i) => ({
        name: `Page ${tag} ${String(i).padStart(2, '0')}`,
        createdAt: now,
      })),
    );
    const first = (await agent.get(`/api/companies?search=${tag}`)).json();
    expect(first.items).toHaveLength(50);
    expect(first.items[0].name).toBe(`Page ${tag} 00`);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await agent.get(`/api/companies?search=${tag}&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((c: { name: string }) => c.name)).toEqual(
      [50, 51, 52, 53, 54].map((i) => `Page ${tag} ${i}`),
    );
    expect(second.nextCursor).toBeNull();
    const forged = await agent.get('/api/companies?cursor=garbage');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('invalid_cursor');
    // LIKE wildcards in a search are taken literally.
    expect((await agent.get('/api/companies?search=%25')).json().items).toEqual([]);
  });

  it('refuses a mail domain that belongs to another company', async () => {
    const domain = acme.company.mailDomains[0] ?? '';
    const response = await admin.post('/api/companies', { name: 'Copycat', mailDomains: [domain] });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'mail_domain_taken',
      message: expect.stringContaining(domain),
    });
    const invalid = await admin.post('/api/companies', { name: 'Bad', mailDomains: ['not a domain'] });
    expect(invalid.statusCode).toBe(400);
    // Keeping its own domains is fine.
    const own = await admin.patch(`/api/companies/${acme.company.id}`, {
      mailDomains: acme.company.mailDomains,
    });
    expect(own.statusCode).toBe(200);
  });

  it('lets agents and consultants read but not write; customers read nothing', async () => {
    expect((await agent.post('/api/companies', { name: 'Nope', mailDomains: [] })).statusCode).toBe(403);
    expect((await agent.patch(`/api/companies/${acme.company.id}`, { name: 'Nope' })).statusCode).toBe(403);
    const consultant = client();
    await consultant.login(staff.consultant.email);
    expect((await consultant.get('/api/companies')).statusCode).toBe(200);
    expect(
      (
        await consultant.post(`/api/companies/${acme.company.id}/contracts`, {
          kind: 'maintenance',
          reference: 'X',
          startsOn: '2026-01-01',
        })
      ).statusCode,
    ).toBe(403);
    const customer = client();
    await customer.login(acme.manager.email);
    for (const url of [
      '/api/companies',
      `/api/companies/${acme.company.id}`,
      `/api/companies/${acme.company.id}/users`,
      `/api/companies/${acme.company.id}/contracts`,
      '/api/users',
    ]) {
      const response = await customer.get(url);
      expect(response.statusCode, url).toBe(403);
    }
    expect((await client().get('/api/companies')).statusCode).toBe(401);
  });
});

describe('users', () => {
  it('creates a customer and mails the same set-password link as an approval', async () => {
    const email = `new-${randomUUID().slice(0, 6)}@example.test`;
    const created = await admin.post('/api/users', {
      email,
      name: 'Neue Kundin',
      role: 'customer',
      companyId: acme.company.id,
      isManager: true,
      language: 'de',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      email,
      role: 'customer',
      companyId: acme.company.id,
      isManager: true,
      active: true,
      hasPassword: false,
    });
    const [mail] = await t.ctx.db.select().from(outbox).where(eq(outbox.recipient, email));
    expect(mail).toMatchObject({ template: 'account.approved', language: 'de' });
    const token = new URL(String(mail?.params.link)).searchParams.get('token');
    const person = client();
    expect((await person.post('/api/password/set', { token, password: 'my own password' })).statusCode).toBe(
      200,
    );
    await person.login(email, 'my own password');

    const again = await admin.post('/api/users', {
      email: email.toUpperCase(),
      name: 'X',
      role: 'agent',
      language: 'fr',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('email_taken');
  });

  it('requires a company for customers only', async () => {
    const base = { name: 'Someone', language: 'fr' };
    const noCompany = await admin.post('/api/users', { ...base, email: 'a1@example.test', role: 'customer' });
    expect(noCompany.statusCode).toBe(400);
    expect(noCompany.json().code).toBe('customer_company_mismatch');
    const staffWithCompany = await admin.post('/api/users', {
      ...base,
      email: 'a2@example.test',
      role: 'agent',
      companyId: acme.company.id,
    });
    expect(staffWithCompany.json().code).toBe('customer_company_mismatch');
    const unknown = await admin.post('/api/users', {
      ...base,
      email: 'a3@example.test',
      role: 'customer',
      companyId: randomUUID(),
    });
    expect(unknown.json().code).toBe('company_unknown');
    const agentUser = await admin.post('/api/users', { ...base, email: 'a4@example.test', role: 'agent' });
    expect(agentUser.statusCode).toBe(201);
    expect(agentUser.json()).toMatchObject({ role: 'agent', companyId: null });
    expect(
      (await agent.post('/api/users', { ...base, email: 'a5@example.test', role: 'agent' })).statusCode,
    ).toBe(403);
  });

  it('edits a user; moving a customer to staff leaves the company', async () => {
    const user = await createUser(t.ctx.db, {
      role: 'customer',
      companyId: acme.company.id,
      isManager: true,
    });
    const edited = await admin.patch(`/api/users/${user.id}`, { name: 'Renamed', language: 'en' });
    expect(edited.json()).toMatchObject({
      name: 'Renamed',
      language: 'en',
      companyId: acme.company.id,
      isManager: true,
    });
    const moved = await admin.patch(`/api/users/${user.id}`, { role: 'consultant' });
    expect(moved.json()).toMatchObject({ role: 'consultant', companyId: null, isManager: false });
    expect((await admin.patch(`/api/users/${user.id}`, { role: 'customer' })).json().code).toBe(
      'customer_company_mismatch',
    );
    expect((await agent.patch(`/api/users/${user.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await agent.get(`/api/users/${user.id}`)).json().name).toBe('Renamed');
    const listed = await agent.get(`/api/users?search=Renamed&role=consultant`);
    expect(listed.json().items.map((u: { id: string }) => u.id)).toContain(user.id);
    expect((await admin.patch(`/api/users/${randomUUID()}`, { name: 'x' })).statusCode).toBe(404);
  });

  it('deactivating a user ends their sessions and blocks sign-in', async () => {
    const user = await createUser(t.ctx.db, { role: 'customer', companyId: acme.company.id });
    const person = client();
    await person.login(user.email);
    expect((await person.get('/api/profile')).statusCode).toBe(200);
    const off = await admin.patch(`/api/users/${user.id}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect((await person.get('/api/profile')).statusCode).toBe(401);
    const again = await client().post('/api/session', {
      email: user.email,
      password: 'correct horse battery staple',
    });
    expect(again.statusCode).toBe(401);
  });

  it('an administrator cannot deactivate or demote themselves', async () => {
    const self = await admin.patch(`/api/users/${staff.admin.id}`, { active: false });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('cannot_change_own_account');
    expect((await admin.patch(`/api/users/${staff.admin.id}`, { role: 'agent' })).statusCode).toBe(409);
  });
});

describe('contracts', () => {
  it('adds, lists and edits contracts (admin); agents read only', async () => {
    const company = await createCompany(t.ctx.db);
    const created = await admin.post(`/api/companies/${company.company.id}/contracts`, {
      kind: 'flex',
      reference: 'FLEX-1',
      startsOn: '2026-03-01',
      endsOn: '2026-12-31',
      lowBalanceMinutes: 300,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      kind: 'flex',
      active: true,
      endsOn: '2026-12-31',
      lowBalanceMinutes: 300,
    });
    const list = await agent.get(`/api/companies/${company.company.id}/contracts`);
    expect(
      list
        .json()
        .items.map((c: { reference: string }) => c.reference)
        .sort(),
    ).toEqual(['FLEX-1', company.maintenance.reference].sort());
    const id = created.json().id;
    const ended = await admin.patch(`/api/contracts/${id}`, { endsOn: '2026-03-01' });
    expect(ended.json()).toMatchObject({ endsOn: '2026-03-01', active: false, reference: 'FLEX-1' });
    const open = await admin.patch(`/api/contracts/${id}`, { endsOn: null, reference: 'FLEX-2' });
    expect(open.json()).toMatchObject({ endsOn: null, active: true, reference: 'FLEX-2' });
    expect((await agent.patch(`/api/contracts/${id}`, { reference: 'x' })).statusCode).toBe(403);
    expect((await admin.patch(`/api/contracts/${randomUUID()}`, { reference: 'x' })).statusCode).toBe(404);
    expect(
      (
        await admin.post(`/api/companies/${randomUUID()}/contracts`, {
          kind: 'flex',
          reference: 'x',
          startsOn: '2026-01-01',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuses an end before the start, and a low-balance threshold on maintenance', async () => {
    const url = `/api/companies/${acme.company.id}/contracts`;
    const backwards = await admin.post(url, {
      kind: 'maintenance',
      reference: 'M',
      startsOn: '2026-05-01',
      endsOn: '2026-04-30',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().code).toBe('contract_dates_invalid');
    const threshold = await admin.post(url, {
      kind: 'maintenance',
      reference: 'M',
      startsOn: '2026-05-01',
      lowBalanceMinutes: 10,
    });
    expect(threshold.json().code).toBe('low_balance_flex_only');
    const badDate = await admin.post(url, { kind: 'maintenance', reference: 'M', startsOn: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().code).toBe('validation_failed');
  });

  it('activeContract answers by Zurich day, ends included, null when none', async () => {
    const { company } = await createCompany(t.ctx.db, { maintenance: 'expired' });
    expect(await activeContract(t.ctx.db, company.id, 'maintenance', '2026-03-02')).toBeNull();
    expect((await activeContract(t.ctx.db, company.id, 'maintenance', '2024-12-31'))?.endsOn).toBe(
      '2024-12-31',
    );
    expect(await activeContract(t.ctx.db, company.id, 'maintenance', '2025-01-01')).toBeNull();
    expect(await activeContract(t.ctx.db, company.id, 'flex', '2024-06-01')).toBeNull();
    const flex = await createCompany(t.ctx.db, { flex: true });
    expect((await activeContract(t.ctx.db, flex.company.id, 'flex', '2026-03-02'))?.id).toBe(flex.flex?.id);
    // 23:30 UTC on 31 December is already New Year's Day in Zurich (UTC+1), and in summer UTC+2.
    expect(zurichDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(zurichDateOf(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(zurichDateOf(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});
