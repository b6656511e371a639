import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flexBalanceMinutes } from '../../src/app/flex/balance';
import { flexLedger, outbox } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, createUser } from '../support/factories';

let t: TestApp;
let admin: TestClient;
let staff: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await testApp();
  staff = await createStaff(t.ctx.db);
  admin = new TestClient(t.app);
  await admin.login(staff.admin.email);
});
afterAll(async () => {
  await t.close();
});

const lowBalanceMails = (companyId: string) =>
  t.ctx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.template, 'flex.low_balance'), sql`${outbox.params}->>'companyId' = ${companyId}`));

describe('Flex credits and adjustments (R12)', () => {
  it('credits hours bought as minutes and shows them to the company', async () => {
    const tenant = await createCompany(t.ctx.db, { flex: true });
    const credited = await admin.post(`/api/companies/${tenant.company.id}/flex/credits`, { hours: 7.5 });
    expect(credited.statusCode).toBe(201);
    expect(credited.json().balanceMinutes).toBe(450);

    const customer = new TestClient(t.app);
    await customer.login(tenant.customer.email);
    const overview = await customer.get('/api/flex');
    expect(overview.statusCode).toBe(200);
    const body = overview.json();
    expect(body.balanceMinutes).toBe(450);
    expect(body.lowBalanceMinutes).toBe(600);
    expect(body.contract.reference).toBe(tenant.flex?.reference);
    expect(body.movements).toHaveLength(1);
    expect(body.movements[0]).toMatchObject({ kind: 'credit', minutes: 450, ticket: null });
    expect(body.perMonth).toEqual([]);
  });

  it('corrects the balance by a signed adjustment that needs a reason', async () => {
    const tenant = await createCompany(t.ctx.db, { flex: true });
    await admin.post(`/api/companies/${tenant.company.id}/flex/credits`, { minutes: 1200 });
    const noReason = await admin.post(`/api/companies/${tenant.company.id}/flex/adjustments`, {
      minutes: -30,
    });
    expect(noReason.statusCode).toBe(400);
    const blank = await admin.post(`/api/companies/${tenant.company.id}/flex/adjustments`, {
      minutes: -30,
      reason: '   ',
    });
    expect(blank.statusCode).toBe(400);
    const adjusted = await admin.post(`/api/companies/${tenant.company.id}/flex/adjustments`, {
      minutes: -30,
      reason: 'Double saisie corrigée',
    });
    expect(adjusted.statusCode).toBe(201);
    expect(adjusted.json().balanceMinutes).toBe(1170);
    expect(await flexBalanceMinutes(t.ctx.db, tenant.company.id, t.clock.now())).toBe(1170);
  });

  it('refuses credits that are not whole positive minutes, and companies without Flex', async () => {
    const tenant = await createCompany(t.ctx.db, { flex: true });
    expect(
      (await admin.post(`/api/companies/${tenant.company.id}/flex/credits`, { minutes: -5 })).statusCode,
    ).toBe(400);
    expect(
      (await admin.post(`/api/companies/${tenant.company.id}/flex/credits`, { hours: 0.001 })).statusCode,
    ).toBe(422);
    expect((await admin.post(`/api/companies/${tenant.company.id}/flex/credits`, {})).statusCode).toBe(400);
    const noFlex = await createCompany(t.ctx.db);
    const refused = await admin.post(`/api/companies/${noFlex.company.id}/flex/credits`, { hours: 1 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('flex_no_active_contract');
  });

  it('lets only admins move the balance', async () => {
    const tenant = await createCompany(t.ctx.db, { flex: true });
    const agent = new TestClient(t.app);
    await agent.login(staff.agent.email);
    expect(
      (await agent.post(`/api/companies/${tenant.company.id}/flex/credits`, { hours: 1 })).statusCode,
    ).toBe(403);
    const manager = new TestClient(t.app);
    await manager.login(tenant.manager.email);
    expect(
      (
        await manager.post(`/api/companies/${tenant.company.id}/flex/adjustments`, {
          minutes: 60,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      await t.ctx.db.select().from(flexLedger).where(eq(flexLedger.companyId, tenant.company.id)),
    ).toEqual([]);
  });

  it('answers 404 to a company without a Flex contract', async () => {
    const tenant = await createCompany(t.ctx.db);
    const customer = new TestClient(t.app);
    await customer.login(tenant.customer.email);
    expect((await customer.get('/api/flex')).statusCode).toBe(404);
    expect((await admin.get(`/api/flex?companyId=${tenant.company.id}`)).statusCode).toBe(404);
  });
});

describe('Low-balance warning (R12)', () => {
  it('mails each active manager once when the balance falls below the threshold', async () => {
    const tenant = await createCompany(t.ctx.db, { flex: true, language: 'de' });
    const otherManager = await createUser(t.ctx.db, {
      role: 'customer',
      companyId: tenant.company.id,
      isManager: true,
    });
    const inactive = await createUser(t.ctx.db, {
      role: 'customer',
      companyId: tenant.company.id,
      isManager: true,
    });
    await t.ctx.db.execute(sql`UPDATE users SET active = false WHERE id = ${inactive.id}`);
    const id = tenant.company.id;

    await admin.post(`/api/companies/${id}/flex/credits`, { hours: 12 }); // 720 ≥ 600
    expect(await lowBalanceMails(id)).toHaveLength(0);
    await admin.post(`/api/companies/${id}/flex/adjustments`, { minutes: -150, reason: 'x' }); // 570 < 600
    const mails = await lowBalanceMails(id);
    expect(mails.map((m) => m.recipient).sort()).toEqual([tenant.manager.email, otherManager.email].sort());
    expect(mails[0]?.params).toMatchObject({ companyId: id, balanceMinutes: 570, thresholdMinutes: 600 });
    expect(mails.find((m) => m.recipient === tenant.manager.email)?.language).toBe('de');

    await admin.post(`/api/companies/${id}/flex/adjustments`, { minutes: -100, reason: 'x' }); // still low
    expect(await lowBalanceMails(id)).toHaveLength(2);
  });

  it('mails again after the balance went back above the threshold and fell again', async () => {
    const tenant = await createCompany(t.ctx.db, { flex: true });
    const id = tenant.company.id;
    await admin.post(`/api/companies/${id}/flex/credits`, { minutes: 600 }); // at the threshold: not low
    await admin.post(`/api/companies/${id}/flex/adjustments`, { minutes: -1, reason: 'x' }); // 599
    expect(await lowBalanceMails(id)).toHaveLength(1);
    await admin.post(`/api/companies/${id}/flex/credits`, { hours: 10 }); // 1199
    expect(await lowBalanceMails(id)).toHaveLength(1);
    await admin.post(`/api/companies/${id}/flex/adjustments`, { minutes: -700, reason: 'x' }); // 499
    const mails = await lowBalanceMails(id);
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.params.balanceMinutes).sort()).toEqual([499, 599]);
  });
});
