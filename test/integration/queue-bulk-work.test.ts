import { parse } from 'csv-parse/sync';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import {
  createCompany,
  createStaff,
  createUser,
  forceTicket,
  openTicket,
  type TestCompany,
} from '../support/factories';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
let acme: TestCompany;
let agent: TestClient;

beforeAll(async () => {
  t = await testApp();
  staff = await createStaff(t.ctx.db);
  acme = await createCompany(t.ctx.db);
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
});
afterAll(() => t.close());

describe('bulk work on the queue', () => {
  it('closes 47 of 50 tickets and lists the 3 it may not close, each with its reason', async () => {
    const closable = [];
    for (let i = 0; i < 47; i++)
      closable.push(await openTicket(t.ctx, acme.customer, { status: 'in_progress' }));
    const alreadyClosed = [
      await openTicket(t.ctx, acme.customer, { status: 'closed' }),
      await openTicket(t.ctx, acme.customer, { status: 'closed' }),
    ];
    const consultingTicket = await openTicket(t.ctx, acme.customer, { status: 'in_progress' });
    const consulting = await forceTicket(t.ctx.db, consultingTicket.id, { desk: 'consulting' });
    const refusedIds = [...alreadyClosed, consulting].map((x) => x.id);
    const ids = [
      ...closable.slice(0, 20),
      alreadyClosed[0],
      ...closable.slice(20),
      consulting,
      alreadyClosed[1],
    ].map((x) => x?.id ?? '');
    expect(ids).toHaveLength(50);

    const response = await agent.post('/api/tickets/bulk', {
      ticketIds: ids,
      action: { kind: 'close', reason: 'solution_delivered' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { done, refused } = response.json();
    expect(done).toHaveLength(47);
    expect(refused).toHaveLength(3);
    expect(new Set(refused.map((r: { id: string }) => r.id))).toEqual(new Set(refusedIds));
    const byId = new Map(refused.map((r: { id: string }) => [r.id, r]));
    expect(byId.get(alreadyClosed[0]?.id ?? '')).toMatchObject({
      key: alreadyClosed[0]?.key,
      code: 'ticket_is_closed',
    });
    expect(byId.get(alreadyClosed[1]?.id ?? '')).toMatchObject({
      key: alreadyClosed[1]?.key,
      code: 'ticket_is_closed',
    });
    expect(byId.get(consulting.id)).toMatchObject({ key: consulting.key, code: 'wrong_desk' });
    // Each reason is a sentence in the agent's language, naming the desk by its label.
    expect(byId.get(alreadyClosed[0]?.id ?? '')).toHaveProperty(
      'message',
      expect.stringMatching(/^Cette demande est fermée et ne peut plus être modifiée\./),
    );
    expect(byId.get(consulting.id)).toHaveProperty(
      'message',
      'Ce ticket est traité par un autre département (Demandes Consulting).',
    );

    const rows = await t.ctx.db.select().from(tickets).where(inArray(tickets.id, ids));
    const closedNow = rows.filter((r) => r.status === 'closed' && r.closeReason === 'solution_delivered');
    expect(closedNow.map((r) => r.id).sort()).toEqual(closable.map((x) => x.id).sort());
    expect(rows.find((r) => r.id === consulting.id)?.status).toBe('in_progress');
  });

  it('assigns in bulk and refuses, translated, what the transition table refuses', async () => {
    const open = await openTicket(t.ctx, acme.customer);
    const working = await openTicket(t.ctx, acme.customer, { status: 'in_progress' });
    const assigned = await agent.post('/api/tickets/bulk', {
      ticketIds: [open.id, working.id],
      action: { kind: 'assign', assigneeId: staff.agent.id },
    });
    expect(assigned.json().done).toHaveLength(2);

    const englishAgent = await createUser(t.ctx.db, { role: 'agent', language: 'en' });
    const english = new TestClient(t.app);
    await english.login(englishAgent.email);
    const moved = (
      await english.post('/api/tickets/bulk', {
        ticketIds: [open.id, working.id],
        action: { kind: 'status', status: 'waiting_customer' },
      })
    ).json();
    // Open tickets are qualified first: the table refuses, and says so in the reader's language.
    expect(moved.done.map((d: { id: string }) => d.id)).toEqual([working.id]);
    expect(moved.refused).toEqual([
      expect.objectContaining({ id: open.id, key: open.key, code: 'transition_not_allowed' }),
    ]);
    expect(moved.refused[0].message).toContain('Open');
  });
});

describe('CSV export of the queue view', () => {
  it('holds the rows of the view, in its sort, with formulas neutralised', async () => {
    const evil = await createCompany(t.ctx.db);
    const made = [
      await openTicket(t.ctx, evil.customer, { subject: '=HYPERLINK("http://x.invalid","clic")' }),
      await openTicket(t.ctx, evil.customer, { subject: 'Rapport; "TVA" trimestriel', criticality: 'haute' }),
      await openTicket(t.ctx, evil.customer, { subject: '@SUM(1+1)', criticality: 'critique' }),
    ];
    const query = `companyId=${evil.company.id}&sort=criticality&order=asc`;
    const view = (await agent.get(`/api/tickets?${query}`)).json().items as { key: string }[];
    expect(view).toHaveLength(3);

    const response = await agent.get(`/api/tickets/export.csv?${query}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const rows: string[][] = parse(response.body, { delimiter: ';', bom: true, relax_column_count: false });
    expect(rows[0]?.[0]).toBe('Clé');
    expect(rows.slice(1).map((r) => r[0])).toEqual(view.map((v) => v.key));
    const subjects = rows.slice(1).map((r) => r[1]);
    expect(subjects).toContain(`'=HYPERLINK("http://x.invalid","clic")`);
    expect(subjects).toContain(`'@SUM(1+1)`);
    expect(subjects).toContain('Rapport; "TVA" trimestriel');
    expect(made).toHaveLength(3);
  });

  it('holds every page of a view longer than one page', async () => {
    const busy = await createCompany(t.ctx.db);
    for (let i = 0; i < 130; i++) await openTicket(t.ctx, busy.customer, { subject: `Ligne ${i}` });
    const query = `companyId=${busy.company.id}&sort=subject&order=desc`;
    const view: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { key: string }[]; nextCursor: string | null } = (
        await agent.get(`/api/tickets?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ).json();
      view.push(...page.items.map((item) => item.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(view).toHaveLength(130);

    const response = await agent.get(`/api/tickets/export.csv?${query}`);
    const rows: string[][] = parse(response.body, { delimiter: ';', bom: true });
    expect(rows.slice(1).map((r) => r[0])).toEqual(view);
  });
});
