import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRequestType, listRequestTypes, requestTypeByCode } from '../../src/app/catalogue/request-types';
import { flexLedger } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, type TestCompany } from '../support/factories';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
let plain: TestCompany;
let flexed: TestCompany;

beforeAll(async () => {
  t = await testApp();
  staff = await createStaff(t.ctx.db);
  plain = await createCompany(t.ctx.db);
  flexed = await createCompany(t.ctx.db, { flex: true });
  const contract = flexed.flex;
  if (!contract) throw new Error('flex contract missing');
  await t.ctx.db.insert(flexLedger).values({
    contractId: contract.id,
    companyId: flexed.company.id,
    kind: 'credit',
    minutes: 600,
    createdAt: new Date('2026-01-05T00:00:00Z'),
  });
});
afterAll(() => t.close());

const signedIn = async (email: string) => {
  const client = new TestClient(t.app);
  await client.login(email);
  return client;
};

const newTypeBody = (code: string) => ({
  code,
  names: { fr: 'Formation', de: 'Schulung', en: 'Training' },
  descriptions: { fr: 'Une formation', de: 'Eine Schulung', en: 'A training' },
  creatableByCustomers: true,
  sortOrder: 30,
});

describe('request types catalogue (R3)', () => {
  it('is seeded with Assistance and Solva Flex and their flags', async () => {
    const assistance = await requestTypeByCode(t.ctx.db, 'assistance');
    const flex = await requestTypeByCode(t.ctx.db, 'solva_flex');
    expect(assistance).toMatchObject({
      nameFr: 'Assistance',
      requiresFlex: false,
      billedToFlex: false,
      countsTowardSla: true,
      creatableByCustomers: true,
      active: true,
    });
    expect(flex).toMatchObject({
      nameFr: 'Solva Flex',
      requiresFlex: true,
      billedToFlex: true,
      countsTowardSla: true,
      creatableByCustomers: true,
    });
    expect(await getRequestType(t.ctx.db, flex?.id ?? '')).toEqual(flex);
    const codes = (await listRequestTypes(t.ctx.db)).map((type) => type.code);
    expect(codes.slice(0, 2)).toEqual(['assistance', 'solva_flex']);
  });

  it('offers Solva Flex to a company with an active Flex contract and a positive balance', async () => {
    const client = await signedIn(flexed.customer.email);
    const response = await client.get('/api/request-types');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.flexBalanceMinutes).toBe(600);
    const flex = body.items.find((i: { code: string }) => i.code === 'solva_flex');
    expect(flex).toMatchObject({ available: true, unavailableReason: null, name: 'Solva Flex' });
  });

  it('shows Solva Flex as unavailable, with the reason, to a company without Flex', async () => {
    const client = await signedIn(plain.customer.email);
    const body = (await client.get('/api/request-types')).json();
    expect(body.flexBalanceMinutes).toBeNull();
    const byCode = Object.fromEntries(body.items.map((i: { code: string }) => [i.code, i]));
    expect(byCode.assistance).toMatchObject({ available: true });
    expect(byCode.solva_flex).toMatchObject({
      available: false,
      unavailableReason: 'flex_contract_required',
      unavailableMessage: expect.stringContaining('contrat Flex actif'),
    });
  });

  it('refuses Solva Flex while the Flex balance is not positive', async () => {
    const empty = await createCompany(t.ctx.db, { flex: true });
    const client = await signedIn(empty.customer.email);
    const body = (await client.get('/api/request-types')).json();
    expect(body.flexBalanceMinutes).toBe(0);
    const flex = body.items.find((i: { code: string }) => i.code === 'solva_flex');
    expect(flex).toMatchObject({ available: false, unavailableReason: 'flex_balance_exhausted' });
    expect(flex.unavailableMessage).toContain('solde Flex de votre société est de 0 min');
  });

  it('lets an admin add and edit types; customers see only active, customer-creatable ones', async () => {
    const admin = await signedIn(staff.admin.email);
    const created = await admin.post('/api/request-types', newTypeBody('training'));
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await admin.post('/api/request-types', newTypeBody('training'))).json().code).toBe(
      'request_type_code_taken',
    );

    const customer = await signedIn(plain.customer.email);
    const codes = async () =>
      (await customer.get('/api/request-types')).json().items.map((i: { code: string }) => i.code);
    expect(await codes()).toContain('training');

    const hidden = await admin.patch(`/api/request-types/${id}`, { creatableByCustomers: false });
    expect(hidden.json()).toMatchObject({ creatableByCustomers: false, names: { de: 'Schulung' } });
    expect(await codes()).not.toContain('training');

    await admin.patch(`/api/request-types/${id}`, { creatableByCustomers: true, active: false });
    expect(await codes()).not.toContain('training');
    const all = (await admin.get('/api/request-types?includeInactive=true')).json().items;
    expect(all.map((i: { code: string }) => i.code)).toContain('training');
  });

  it('keeps the catalogue to admins, and answers 404 for an unknown type', async () => {
    const agent = await signedIn(staff.agent.email);
    expect((await agent.post('/api/request-types', newTypeBody('nope'))).statusCode).toBe(403);
    const customer = await signedIn(plain.customer.email);
    expect(
      (await customer.patch('/api/request-types/00000000-0000-4000-8000-000000000000', {})).statusCode,
    ).toBe(403);
    const admin = await signedIn(staff.admin.email);
    const missing = await admin.patch('/api/request-types/00000000-0000-4000-8000-000000000000', {
      active: false,
    });
    expect(missing.statusCode).toBe(404);
    expect((await new TestClient(t.app).get('/api/request-types')).statusCode).toBe(401);
  });

  it('lets staff compute availability for a given company', async () => {
    const agent = await signedIn(staff.agent.email);
    const body = (await agent.get(`/api/request-types?companyId=${flexed.company.id}`)).json();
    expect(body.flexBalanceMinutes).toBe(600);
    expect(body.items.find((i: { code: string }) => i.code === 'solva_flex').available).toBe(true);
  });
});

describe('criticalities (R4)', () => {
  it('lists the four levels with their definitions in the caller’s language', async () => {
    const client = await signedIn(plain.customer.email);
    const fr = (await client.get('/api/criticalities')).json().items;
    expect(fr.map((c: { key: string }) => c.key)).toEqual(['critique', 'haute', 'moyenne', 'basse']);
    expect(fr[3]).toMatchObject({
      label: 'Basse',
      definition: expect.stringContaining('contournement est facile'),
    });
    const german = await signedIn((await createCompany(t.ctx.db, { language: 'de' })).customer.email);
    const de = (await german.get('/api/criticalities')).json().items;
    expect(de[0].label).toBe('Kritisch');
  });
});

describe('projects', () => {
  it('lets staff add and edit projects, and customers list their own company’s active ones', async () => {
    const agent = await signedIn(staff.agent.email);
    const created = await agent.post(`/api/companies/${plain.company.id}/projects`, {
      name: 'Migration ERP 2026',
      description: 'Passage à la nouvelle version',
    });
    expect(created.statusCode).toBe(201);
    const other = await agent.post(`/api/companies/${plain.company.id}/projects`, { name: 'Archive' });
    await agent.patch(`/api/projects/${other.json().id}`, { active: false });

    const customer = await signedIn(plain.customer.email);
    const listed = (await customer.get(`/api/companies/${plain.company.id}/projects`)).json().items;
    expect(listed.map((p: { name: string }) => p.name)).toEqual(['Migration ERP 2026']);
    const staffList = (
      await agent.get(`/api/companies/${plain.company.id}/projects?includeInactive=true`)
    ).json().items;
    expect(staffList.map((p: { name: string }) => p.name)).toEqual(['Archive', 'Migration ERP 2026']);
  });

  it('answers 404 to a customer asking for another company’s projects, and 403 to a customer creating one', async () => {
    const customer = await signedIn(flexed.customer.email);
    const response = await customer.get(`/api/companies/${plain.company.id}/projects`);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('not_found');
    expect(
      (await customer.post(`/api/companies/${flexed.company.id}/projects`, { name: 'X' })).statusCode,
    ).toBe(403);
  });

  it('refuses a project for an unknown company and an empty name', async () => {
    const agent = await signedIn(staff.agent.email);
    const unknown = await agent.post('/api/companies/00000000-0000-4000-8000-000000000000/projects', {
      name: 'X',
    });
    expect(unknown.statusCode).toBe(404);
    const empty = await agent.post(`/api/companies/${plain.company.id}/projects`, { name: '  ' });
    expect(empty.statusCode).toBe(400);
  });
});
