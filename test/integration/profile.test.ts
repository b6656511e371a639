import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp, testPassword } from '../support/app';
import { createCompany, createUser, type TestCompany } from '../support/factories';

let t: TestApp;
let acme: TestCompany;
let ip = 0;
const client = () => {
  ip += 1;
  return new TestClient(t.app, `10.30.0.${ip}`);
};

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
});
afterAll(() => t.close());

describe('profile', () => {
  it('shows my account with my company', async () => {
    const me = client();
    await me.login(acme.manager.email);
    const response = await me.get('/api/profile');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: acme.manager.id,
      name: acme.manager.name,
      email: acme.manager.email,
      phone: null,
      language: 'fr',
      notificationEmail: null,
      role: 'customer',
      isManager: true,
      company: { id: acme.company.id, name: acme.company.name },
    });
  });

  it('shows staff without a company, and asks anonymous callers to sign in', async () => {
    const agent = await createUser(t.ctx.db, { role: 'agent' });
    const me = client();
    await me.login(agent.email);
    expect((await me.get('/api/profile')).json()).toMatchObject({ role: 'agent', company: null });
    const anonymous = await client().get('/api/profile');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('not_authenticated');
  });

  it('edits name, phone, language and notification address; null clears', async () => {
    const user = await createUser(t.ctx.db, { role: 'customer', companyId: acme.company.id });
    const me = client();
    await me.login(user.email);
    const edited = await me.patch('/api/profile', {
      name: '  Ada Lovelace ',
      phone: '+41 79 000 00 00',
      language: 'de',
      notificationEmail: 'Ada@Example.TEST',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      name: 'Ada Lovelace',
      phone: '+41 79 000 00 00',
      language: 'de',
      notificationEmail: 'ada@example.test',
    });
    // Untouched fields stay; null and '' clear.
    const cleared = await me.patch('/api/profile', { notificationEmail: null, phone: '' });
    expect(cleared.json()).toMatchObject({
      name: 'Ada Lovelace',
      phone: null,
      notificationEmail: null,
      language: 'de',
    });
    // The new language is the language of the session.
    expect((await me.get('/api/session')).json().language).toBe('de');
    const invalid = await me.patch('/api/profile', { notificationEmail: 'not an address' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('Angaben'),
    });
  });

  it('changes the password with the current one; a wrong current password is a clear 400', async () => {
    const user = await createUser(t.ctx.db, { role: 'customer', companyId: acme.company.id, language: 'en' });
    const elsewhere = client();
    await elsewhere.login(user.email);
    const me = client();
    await me.login(user.email);

    const wrong = await me.post('/api/profile/password', {
      currentPassword: 'not my password',
      newPassword: 'a much better password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toEqual({ code: 'wrong_password', message: 'The current password is wrong.' });

    const short = await me.post('/api/profile/password', {
      currentPassword: testPassword,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields).toEqual([{ path: 'newPassword', message: 'At least 10 characters.' }]);

    const ok = await me.post('/api/profile/password', {
      currentPassword: testPassword,
      newPassword: 'a much better password',
    });
    expect(ok.statusCode).toBe(200);
    // This session stays, the other one is closed.
    expect((await me.get('/api/session')).json().user?.id).toBe(user.id);
    expect((await elsewhere.get('/api/session')).json().user).toBeNull();
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
    await client().login(user.email, 'a much better password');
    const old = await client().post('/api/session', { email: user.email, password: testPassword });
    expect(old.statusCode).toBe(401);
  });
});
