import { parse } from 'csv-parse/sync';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitBilling } from '../../src/app/billing/commit-billing';
import { flexBalanceMinutes } from '../../src/app/flex/balance';
import { flexLedger, outbox } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import {
  actorOf,
  assistanceTicket,
  consultingTicket,
  createStaff,
  flexTenant,
  flexTicket,
  logEntry,
} from '../support/factories';
import { entryById } from '../support/rows';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
let admin: TestClient;

beforeAll(async () => {
  t = await testApp();
  staff = await createStaff(t.ctx.db);
  admin = new TestClient(t.app);
  await admin.login(staff.admin.email);
});
afterAll(async () => {
  await t.close();
});

/** Billing periods are global: each test bills its own month so tests never see each other's time. */
let monthCounter = 0;
function period() {
  monthCounter += 1;
  const year = 2020 + Math.floor(monthCounter / 12);
  const month = String((monthCounter % 12) + 1).padStart(2, '0');
  return { from: `${year}-${month}-01`, to: `${year}-${month}-28`, day: `${year}-${month}-15` };
}

const debitsOf = (companyId: string) =>
  t.ctx.db
    .select()
    .from(flexLedger)
    .where(and(eq(flexLedger.companyId, companyId), eq(flexLedger.kind, 'debit')));

describe('Billing runs (R12)', () => {
  it('previews per company and debits Flex once per ticket, marking the time billed', async () => {
    const p = period();
    const tenant = await flexTenant(t.ctx, 3000);
    const ticketA = await flexTicket(t.ctx, tenant, 'Nouveau champ sur la facture');
    const ticketB = await flexTicket(t.ctx, tenant, 'Export Excel des commandes');
    const maintenance = await assistanceTicket(t.ctx, tenant);
    const { ticket: consulting, project } = await consultingTicket(t.ctx, tenant, 'Migration 2026');
    const a1 = await logEntry(t.ctx, {
      ticket: ticketA,
      user: staff.agent,
      minutes: 45,
      billing: 'flex',
      workDate: p.day,
    });
    const a2 = await logEntry(t.ctx, {
      ticket: ticketA,
      user: staff.consultant,
      minutes: 30,
      billing: 'flex',
      workDate: p.from,
    });
    const b1 = await logEntry(t.ctx, {
      ticket: ticketB,
      user: staff.agent,
      minutes: 60,
      billing: 'flex',
      workDate: p.to,
    });
    await logEntry(t.ctx, {
      ticket: maintenance,
      user: staff.agent,
      minutes: 20,
      billing: 'maintenance',
      workDate: p.day,
    });
    await logEntry(t.ctx, {
      ticket: consulting,
      user: staff.consultant,
      minutes: 240,
      billing: 'regie',
      workDate: p.day,
    });
    // Outside the period: not part of this run.
    const outside = await logEntry(t.ctx, {
      ticket: ticketA,
      user: staff.agent,
      minutes: 15,
      billing: 'flex',
      workDate: '2019-01-01',
    });

    const preview = await admin.post('/api/billing/preview', { from: p.from, to: p.to });
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.entryIds).toHaveLength(5);
    expect(body.entryIds).not.toContain(outside.id);
    const company = body.companies.find((c: { companyId: string }) => c.companyId === tenant.company.id);
    expect(company).toMatchObject({
      entries: 5,
      flexMinutes: 135,
      regieMinutes: 240,
      maintenanceMinutes: 20,
      flexBalanceMinutes: 3000,
      resultingBalanceMinutes: 2865,
      flexContractMissing: false,
      regieByProject: [{ projectId: project.id, projectName: 'Migration 2026', minutes: 240 }],
    });
    expect(await flexBalanceMinutes(t.ctx.db, tenant.company.id, t.clock.now())).toBe(3000);

    const committed = await admin.post('/api/billing/commit', {
      from: p.from,
      to: p.to,
      entryIds: body.entryIds,
    });
    expect(committed.statusCode).toBe(201);
    const run = committed.json();
    expect(run.totals).toMatchObject({
      entries: 5,
      flexMinutes: 135,
      regieMinutes: 240,
      maintenanceMinutes: 20,
    });
    expect(await flexBalanceMinutes(t.ctx.db, tenant.company.id, t.clock.now())).toBe(2865);
    const debits = await debitsOf(tenant.company.id);
    expect(debits.map((d) => [d.ticketId, d.minutes, d.billingRunId]).sort()).toEqual(
      [
        [ticketA.id, -75, run.id],
        [ticketB.id, -60, run.id],
      ].sort(),
    );
    for (const id of [a1.id, a2.id, b1.id]) {
      expect(await entryById(t.ctx, id)).toMatchObject({ billingRunId: run.id, billedAt: t.clock.now() });
    }
    expect((await entryById(t.ctx, outside.id))?.billedAt).toBeNull();

    const runs = await admin.get('/api/billing/runs');
    expect(runs.json().items.map((r: { id: string }) => r.id)).toContain(run.id);
    const one = await admin.get(`/api/billing/runs/${run.id}`);
    expect(one.json()).toMatchObject({
      id: run.id,
      periodFrom: p.from,
      periodTo: p.to,
      createdByName: staff.admin.name,
    });
  });

  it('bills nothing twice when the same period runs again', async () => {
    const p = period();
    const tenant = await flexTenant(t.ctx, 3000);
    const ticket = await flexTicket(t.ctx, tenant);
    await logEntry(t.ctx, { ticket, user: staff.agent, minutes: 90, billing: 'flex', workDate: p.day });
    const first = (await admin.post('/api/billing/preview', { from: p.from, to: p.to })).json();
    expect((await admin.post('/api/billing/commit', { ...p, entryIds: first.entryIds })).statusCode).toBe(
      201,
    );

    const again = await admin.post('/api/billing/commit', {
      from: p.from,
      to: p.to,
      entryIds: first.entryIds,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('billing_nothing_to_bill');
    const second = (await admin.post('/api/billing/preview', { from: p.from, to: p.to })).json();
    expect(second.entryIds).toEqual([]);
    expect(await debitsOf(tenant.company.id)).toHaveLength(1);
    expect(await flexBalanceMinutes(t.ctx.db, tenant.company.id, t.clock.now())).toBe(2910);
  });

  it('debits once when two runs are committed at the same time', async () => {
    const p = period();
    const tenant = await flexTenant(t.ctx, 3000);
    const ticket = await flexTicket(t.ctx, tenant);
    const entries = [];
    for (let i = 0; i < 20; i += 1) {
      entries.push(
        await logEntry(t.ctx, { ticket, user: staff.agent, minutes: 10, billing: 'flex', workDate: p.day }),
      );
    }
    const entryIds = entries.map((e) => e.id);
    const actor = actorOf(staff.admin);
    // On PostgreSQL the two transactions run on two pool connections and race for the rows.
    const results = await Promise.allSettled([
      commitBilling(t.ctx, actor, { from: p.from, to: p.to, entryIds }),
      commitBilling(t.ctx, actor, { from: p.from, to: p.to, entryIds: [...entryIds].reverse() }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    expect(fulfilled).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: 'billing_nothing_to_bill' });
    const debits = await debitsOf(tenant.company.id);
    expect(debits).toHaveLength(1);
    expect(debits[0]?.minutes).toBe(-200);
    expect(await flexBalanceMinutes(t.ctx.db, tenant.company.id, t.clock.now())).toBe(2800);
  });

  it('does not bill an entry logged after the preview', async () => {
    const p = period();
    const tenant = await flexTenant(t.ctx, 3000);
    const ticket = await flexTicket(t.ctx, tenant);
    await logEntry(t.ctx, { ticket, user: staff.agent, minutes: 30, billing: 'flex', workDate: p.day });
    const preview = (await admin.post('/api/billing/preview', { from: p.from, to: p.to })).json();
    t.clock.advance(60_000);
    const late = await logEntry(t.ctx, {
      ticket,
      user: staff.agent,
      minutes: 50,
      billing: 'flex',
      workDate: p.day,
    });
    const run = await admin.post('/api/billing/commit', {
      from: p.from,
      to: p.to,
      entryIds: preview.entryIds,
    });
    expect(run.statusCode).toBe(201);
    expect(run.json().totals.flexMinutes).toBe(30);
    expect((await entryById(t.ctx, late.id))?.billedAt).toBeNull();
    expect(await flexBalanceMinutes(t.ctx.db, tenant.company.id, t.clock.now())).toBe(2970);
  });

  it('refuses to commit Flex time of a company without an active Flex contract, billing nothing', async () => {
    const p = period();
    const tenant = await flexTenant(t.ctx, 3000);
    const ticket = await flexTicket(t.ctx, tenant);
    const entry = await logEntry(t.ctx, {
      ticket,
      user: staff.agent,
      minutes: 30,
      billing: 'flex',
      workDate: p.day,
    });
    await t.ctx.db.execute(sql`UPDATE contracts SET ends_on = '2026-01-31' WHERE id = ${tenant.flexId}`);
    const preview = (await admin.post('/api/billing/preview', { from: p.from, to: p.to })).json();
    const company = preview.companies.find((c: { companyId: string }) => c.companyId === tenant.company.id);
    expect(company).toMatchObject({ flexContractMissing: true, flexBalanceMinutes: null });
    const refused = await admin.post('/api/billing/commit', {
      from: p.from,
      to: p.to,
      entryIds: preview.entryIds,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('billing_flex_contract_missing');
    expect((await entryById(t.ctx, entry.id))?.billedAt).toBeNull();
  });

  it('warns the managers when a run takes the balance below the threshold', async () => {
    const p = period();
    const tenant = await flexTenant(t.ctx, 700);
    const ticket = await flexTicket(t.ctx, tenant);
    await logEntry(t.ctx, { ticket, user: staff.agent, minutes: 150, billing: 'flex', workDate: p.day });
    const preview = (await admin.post('/api/billing/preview', { from: p.from, to: p.to })).json();
    await admin.post('/api/billing/commit', { from: p.from, to: p.to, entryIds: preview.entryIds });
    const mails = await t.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, 'flex.low_balance'), eq(outbox.recipient, tenant.manager.email)));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.params).toMatchObject({ balanceMinutes: 550, thresholdMinutes: 600 });
  });

  it('bills work beyond the balance as an overdraft: shown in the preview, the balance goes below zero, no new Solva Flex request', async () => {
    const p = period();
    const tenant = await flexTenant(t.ctx, 60);
    const ticket = await flexTicket(t.ctx, tenant);
    await logEntry(t.ctx, { ticket, user: staff.agent, minutes: 1260, billing: 'flex', workDate: p.day });

    const preview = (await admin.post('/api/billing/preview', { from: p.from, to: p.to })).json();
    const company = preview.companies.find((c: { companyId: string }) => c.companyId === tenant.company.id);
    expect(company).toMatchObject({
      flexBalanceMinutes: 60,
      resultingBalanceMinutes: -1200,
      overdraftMinutes: 1200,
    });

    const committed = await admin.post('/api/billing/commit', {
      from: p.from,
      to: p.to,
      entryIds: preview.entryIds,
    });
    expect(committed.statusCode).toBe(201);
    expect(await flexBalanceMinutes(t.ctx.db, tenant.company.id, t.clock.now())).toBe(-1200);

    const customer = new TestClient(t.app);
    await customer.login(tenant.customer.email);
    const flex = await customer.get('/api/flex');
    expect(flex.json()).toMatchObject({ balanceMinutes: -1200, overdraftMinutes: 1200 });
    const refused = await customer.post('/api/tickets', {
      desk: 'support',
      requestTypeId: ticket.requestTypeId,
      criticality: 'basse',
      subject: 'Encore une évolution du bon de livraison',
      description: 'Ajouter le numéro de commande du client sur le bon de livraison.',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('flex_balance_exhausted');
  });

  it('shows no overdraft when the run leaves the balance at zero or above', async () => {
    const p = period();
    const tenant = await flexTenant(t.ctx, 90);
    const ticket = await flexTicket(t.ctx, tenant);
    await logEntry(t.ctx, { ticket, user: staff.agent, minutes: 90, billing: 'flex', workDate: p.day });
    const preview = (await admin.post('/api/billing/preview', { from: p.from, to: p.to })).json();
    const company = preview.companies.find((c: { companyId: string }) => c.companyId === tenant.company.id);
    expect(company).toMatchObject({ resultingBalanceMinutes: 0, overdraftMinutes: 0 });
  });

  it('refuses an inverted period and non-admins', async () => {
    const inverted = await admin.post('/api/billing/preview', { from: '2026-02-28', to: '2026-02-01' });
    expect(inverted.statusCode).toBe(422);
    expect(inverted.json().code).toBe('billing_period_invalid');
    const agent = new TestClient(t.app);
    await agent.login(staff.agent.email);
    expect(
      (await agent.post('/api/billing/preview', { from: '2026-02-01', to: '2026-02-28' })).statusCode,
    ).toBe(403);
    expect((await agent.get('/api/billing/runs')).statusCode).toBe(403);
  });
});

describe('Régie export (R2, R12)', () => {
  it('is a semicolon CSV with BOM and CRLF, neutralises formulas and totals the entries', async () => {
    const p = period();
    const tenant = await flexTenant(t.ctx, 3000);
    const { ticket } = await consultingTicket(t.ctx, tenant, 'Phase 2; reporting');
    const entries = [
      { minutes: 90, note: '=cmd|/C calc' },
      { minutes: 20, note: 'Atelier "budget"\nsuite' },
      { minutes: 45, note: '+41 pas une formule' },
    ];
    for (const e of entries) {
      await logEntry(t.ctx, { ticket, user: staff.consultant, billing: 'regie', workDate: p.day, ...e });
    }
    const flex = await flexTicket(t.ctx, tenant);
    await logEntry(t.ctx, { ticket: flex, user: staff.agent, minutes: 10, billing: 'flex', workDate: p.day });
    const preview = (await admin.post('/api/billing/preview', { from: p.from, to: p.to })).json();
    const run = (
      await admin.post('/api/billing/commit', { from: p.from, to: p.to, entryIds: preview.entryIds })
    ).json();

    const response = await admin.get(`/api/billing/runs/${run.id}/regie.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const raw = response.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const rows: string[][] = parse(text, { delimiter: ';', bom: true });
    expect(rows[0]).toEqual([
      'Date',
      'Société',
      'Projet',
      'Ticket',
      'Consultant',
      'Minutes',
      'Heures',
      'Note',
    ]);
    const lines = rows.slice(1, -1);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).toHaveLength(8);
      expect(line.slice(0, 5)).toEqual([
        p.day,
        tenant.company.name,
        'Phase 2; reporting',
        ticket.key,
        staff.consultant.name,
      ]);
    }
    expect(lines.map((l) => l[7]).sort()).toEqual(
      ["'+41 pas une formule", "'=cmd|/C calc", 'Atelier "budget"\nsuite'].sort(),
    );
    const total = rows.at(-1);
    expect(total?.[0]).toBe('Total');
    expect(Number(total?.[5])).toBe(lines.reduce((s, l) => s + Number(l[5]), 0));
    expect(Number(total?.[5])).toBe(155);
    expect(total?.[6]).toBe('2.58');
    expect(lines.find((l) => l[5] === '90')?.[6]).toBe('1.50');
    expect(text).toContain(';"Phase 2; reporting";');
  });
});
