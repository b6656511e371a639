import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestTypeByCode } from '../../src/app/catalogue/request-types';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, insertTicket, type TestCompany } from '../support/factories';

let t: TestApp;
let acme: TestCompany;
let globex: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;
let flexTypeId: string;

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 8, minutes));

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db, { name: 'Acme SA' });
  globex = await createCompany(t.ctx.db, { name: 'Globex AG' });
  staff = await createStaff(t.ctx.db);
  flexTypeId = (await requestTypeByCode(t.ctx.db, 'solva_flex'))?.id ?? '';
  const statuses = ['open', 'qualified', 'in_progress', 'waiting_customer', 'closed'] as const;
  const criticalities = ['critique', 'haute', 'moyenne', 'basse'] as const;
  // 23 Acme tickets with shared timestamps (ties must not break pagination), 7 Globex tickets.
  for (let i = 0; i < 23; i += 1) {
    await insertTicket(t.ctx.db, {
      companyId: acme.company.id,
      createdBy: i % 2 ? acme.customer.id : acme.manager.id,
      subject: `Acme ${String(i).padStart(2, '0')}`,
      status: statuses[i % statuses.length],
      criticality: criticalities[i % criticalities.length],
      createdAt: at(Math.floor(i / 3)),
      updatedAt: at(100 - Math.floor(i / 4)),
      engagementDueAt: i % 3 === 0 ? null : at(500 + (i % 5)),
      assigneeId: i % 4 === 0 ? staff.agent.id : null,
      requestTypeId: i % 6 === 0 ? flexTypeId : null,
    });
  }
  for (let i = 0; i < 7; i += 1) {
    await insertTicket(t.ctx.db, {
      companyId: globex.company.id,
      createdBy: globex.customer.id,
      subject: `Globex ${i}`,
      desk: i % 2 ? 'consulting' : 'support',
      createdAt: at(200 + i),
    });
  }
});
afterAll(() => t.close());

const signedIn = async (email: string) => {
  const client = new TestClient(t.app);
  await client.login(email);
  return client;
};

type Item = { id: string; subject: string; companyId: string; [key: string]: unknown };

async function allPages(client: TestClient, query: string, limit: number): Promise<Item[][]> {
  const pages: Item[][] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/tickets?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await client.get(url);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    pages.push(body.items);
    cursor = body.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
}

describe('ticket lists', () => {
  it('scopes customers to their company and presents each ticket', async () => {
    const client = await signedIn(globex.customer.email);
    const body = (await client.get('/api/tickets')).json();
    expect(body.items).toHaveLength(7);
    expect(new Set(body.items.map((i: Item) => i.companyId))).toEqual(new Set([globex.company.id]));
    expect(body.items[0]).toMatchObject({
      key: expect.stringMatching(/^(SUP|CON)-\d+$/),
      companyName: 'Globex AG',
      status: 'open',
      statusLabel: 'Ouvert',
      criticality: 'moyenne',
      assignee: null,
      engagementDueAt: null,
    });
    expect(body.items[0]).not.toHaveProperty('slaState');
    // A customer cannot widen the scope with a filter.
    const sneaky = (await client.get(`/api/tickets?companyId=${acme.company.id}`)).json();
    expect(sneaky.items.every((i: Item) => i.companyId === globex.company.id)).toBe(true);
  });

  it('filters staff queues by desk, status (several), criticality, assignee, company and type', async () => {
    const agent = await signedIn(staff.agent.email);
    const get = async (query: string) =>
      (await agent.get(`/api/tickets?limit=100&${query}`)).json().items as Item[];
    expect(await get(`companyId=${globex.company.id}&desk=consulting`)).toHaveLength(3);
    const open = await get(`companyId=${acme.company.id}&status=open,qualified`);
    expect(open.map((i) => i.status).sort()).toEqual([
      ...Array(5).fill('open'),
      ...Array(5).fill('qualified'),
    ]);
    const repeated = await get(`companyId=${acme.company.id}&status=open&status=qualified`);
    expect(repeated).toHaveLength(10);
    expect(await get(`companyId=${acme.company.id}&criticality=critique`)).toHaveLength(6);
    const mine = await get('assigneeId=me');
    expect(mine).toHaveLength(6);
    expect(mine.every((i) => (i.assignee as { id: string }).id === staff.agent.id)).toBe(true);
    expect(await get(`companyId=${acme.company.id}&assigneeId=none`)).toHaveLength(17);
    const flex = await get(`requestTypeId=${flexTypeId}`);
    expect(flex.length).toBeGreaterThanOrEqual(4);
    expect(flex.every((i) => (i.requestType as { code: string }).code === 'solva_flex')).toBe(true);
  });

  it('filters the staff queue on SLA state', async () => {
    const company = await createCompany(t.ctx.db);
    const make = (slaState: string | null) =>
      insertTicket(t.ctx.db, { companyId: company.company.id, createdBy: company.customer.id, slaState });
    const breached = await make('breached');
    const atRisk = await make('at_risk');
    await make('on_track');
    await make(null);
    const agent = await signedIn(staff.agent.email);
    const get = async (sla: string) =>
      (await agent.get(`/api/tickets?companyId=${company.company.id}&sla=${sla}`)).json().items as Item[];
    expect((await get('breached')).map((i) => i.id)).toEqual([breached.id]);
    const risky = await get('at_risk');
    expect(risky.map((i) => i.id)).toEqual([atRisk.id]);
    expect(risky[0]?.slaState).toBe('at_risk');
  });

  it('lets customers filter on their own tickets', async () => {
    const client = await signedIn(acme.customer.email);
    const mine = (await client.get('/api/tickets?mine=true&limit=100')).json().items;
    expect(mine).toHaveLength(11);
  });

  it.each([
    ['createdAt', 'asc'],
    ['updatedAt', 'desc'],
    ['subject', 'desc'],
    ['status', 'asc'],
    ['criticality', 'desc'],
    ['key', 'asc'],
    ['engagementDueAt', 'asc'],
    ['resolutionDueAt', 'desc'],
  ])('pages through every ticket exactly once sorted by %s %s', async (sort, order) => {
    const client = await signedIn(acme.customer.email);
    const pages = await allPages(client, `sort=${sort}&order=${order}`, 4);
    const ids = pages.flat().map((i) => i.id);
    expect(ids).toHaveLength(23);
    expect(new Set(ids).size).toBe(23);
    const single = (await client.get(`/api/tickets?sort=${sort}&order=${order}&limit=100`)).json().items;
    expect(ids).toEqual(single.map((i: Item) => i.id));
  });

  it('sorts by the chosen column, with missing due times last', async () => {
    const agent = await signedIn(staff.agent.email);
    const items: Item[] = (
      await agent.get(`/api/tickets?companyId=${acme.company.id}&sort=engagementDueAt&order=asc&limit=100`)
    ).json().items;
    const due = items.map((i) => i.engagementDueAt as string | null);
    const firstNull = due.indexOf(null);
    expect(firstNull).toBe(15);
    expect(due.slice(firstNull).every((d) => d === null)).toBe(true);
    expect([...due.slice(0, firstNull)].sort()).toEqual(due.slice(0, firstNull));
    const subjects = (
      await agent.get(`/api/tickets?companyId=${acme.company.id}&sort=subject&order=asc&limit=3`)
    )
      .json()
      .items.map((i: Item) => i.subject);
    expect(subjects).toEqual(['Acme 00', 'Acme 01', 'Acme 02']);
    const critical = (
      await agent.get(`/api/tickets?companyId=${acme.company.id}&sort=criticality&limit=1`)
    ).json();
    expect(critical.items[0].criticality).toBe('critique');
  });

  it('refuses a tampered cursor or one from another sort', async () => {
    const client = await signedIn(acme.customer.email);
    const first = (await client.get('/api/tickets?sort=createdAt&limit=2')).json();
    const other = await client.get(`/api/tickets?sort=subject&limit=2&cursor=${first.nextCursor}`);
    expect(other.statusCode).toBe(400);
    expect(other.json().code).toBe('invalid_cursor');
    expect((await client.get('/api/tickets?cursor=garbage')).json().code).toBe('invalid_cursor');
    expect((await client.get('/api/tickets?limit=101')).statusCode).toBe(400);
  });

  it('finds a ticket by its key', async () => {
    const client = await signedIn(globex.customer.email);
    const all = (await client.get('/api/tickets')).json().items;
    const found = (await client.get(`/api/tickets?q=${all[2].key.toLowerCase()}`)).json().items;
    expect(found.map((i: Item) => i.id)).toEqual([all[2].id]);
  });
});
