import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema/index';
import { defaultCalendarConfig, zurichInstant } from '../../src/domain/calendar/index';
import { defaultSlaTargets } from '../../src/domain/sla/index';
import { type TestApp, type TestClient, testApp } from '../support/app';
import { createCompany, createStaff, signedIn, ticketInput } from '../support/factories';
import { restoreSlaDefaults } from '../support/sla';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
let admin: TestClient;
let agent: TestClient;

const at = (local: string) => zurichInstant(local).toISOString();
const setClock = (local: string) => t.clock.set(zurichInstant(local));

beforeAll(async () => {
  t = await testApp({ env: { SESSION_TTL_HOURS: '8760' } });
  staff = await createStaff(t.ctx.db);
  admin = await signedIn(t.app, staff.admin);
  agent = await signedIn(t.app, staff.agent);
});
afterAll(() => t.close());

beforeEach(async () => {
  setClock('2026-03-02 08:00');
  await restoreSlaDefaults(admin);
});

async function ok<R extends { statusCode: number; body: string }>(response: R): Promise<R> {
  expect(response.statusCode, response.body).toBe(200);
  return response;
}

async function open(customer: TestClient, criticality: 'critique' | 'haute' | 'moyenne' | 'basse') {
  const response = await customer.post('/api/tickets', await ticketInput(t.ctx.db, { criticality }));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().ticket.id as string;
}

describe('our commitments', () => {
  it("shows a customer its contract's own targets, the hours, the eve rule and the closed days ahead", async () => {
    const acme = await createCompany(t.ctx.db);
    const customer = await signedIn(t.app, acme.customer);
    await ok(
      await admin.put(`/api/admin/contracts/${acme.maintenance.id}/sla-override`, {
        targets: { haute: { engagementMinutes: 120 } },
      }),
    );
    const body = (await ok(await customer.get('/api/sla/commitments'))).json();
    const haute = body.criticalities.find((c: { criticality: string }) => c.criticality === 'haute');
    expect(haute).toMatchObject({ engagementMinutes: 120, resolutionMinutes: 1440, overridden: true });
    expect(body.criticalities.find((c: { criticality: string }) => c.criticality === 'basse')).toMatchObject({
      engagementMinutes: 960,
      overridden: false,
    });
    expect(body.contractId).toBe(acme.maintenance.id);
    expect(body.weeklyHours.friday).toEqual([
      { start: 480, end: 720 },
      { start: 810, end: 1020 },
    ]);
    expect(body.eveClosingMinute).toBe(960);
    // From Monday 2 March 2026: Good Friday 3 April, its eve, Ascension, Christmas …
    const dates = body.closedDays.items.map((d: { date: string; kind: string }) => `${d.date} ${d.kind}`);
    expect(dates).toContain('2026-04-03 holiday');
    expect(dates).toContain('2026-04-02 eve');
    expect(dates).toContain('2026-12-25 holiday');
    // The next twelve months, no more: New Year 2027 is listed, Good Friday 2027 (26 March) is not.
    expect(body.closedDays).toMatchObject({ from: '2026-03-02', to: '2027-03-01' });
    expect(dates).toContain('2027-01-01 holiday');
    expect(dates.filter((d: string) => d < '2026-03-02' || d > '2027-03-01')).toEqual([]);
    expect(body.pausingStatuses).toEqual([
      'waiting_customer',
      'waiting_development',
      'transferred_development',
    ]);
    expect(body.stoppingStatuses).toEqual(['transferred_consulting']);
    expect(body.requestTypes.length).toBeGreaterThan(0);

    // Another company keeps the global targets.
    const other = await createCompany(t.ctx.db);
    const theirs = (
      await ok(await (await signedIn(t.app, other.customer)).get('/api/sla/commitments'))
    ).json();
    expect(theirs.criticalities[1]).toMatchObject({
      criticality: 'haute',
      engagementMinutes: 240,
      overridden: false,
    });
  });

  it('follows an admin change at the next read', async () => {
    const acme = await createCompany(t.ctx.db);
    const customer = await signedIn(t.app, acme.customer);
    const targets = { ...defaultSlaTargets, basse: { engagementMinutes: 1200, resolutionMinutes: 9600 } };
    await ok(await admin.put('/api/admin/sla/targets', { targets }));
    const body = (await ok(await customer.get('/api/sla/commitments'))).json();
    expect(body.criticalities[3]).toMatchObject({ criticality: 'basse', engagementMinutes: 1200 });
  });

  it('reads the calendar and the request types live: a closed day added, no early eve, a type left out', async () => {
    const acme = await createCompany(t.ctx.db);
    const customer = await signedIn(t.app, acme.customer);
    const calendar = {
      ...defaultCalendarConfig,
      eveClosingMinute: null,
      extraClosedDays: [{ date: '2026-06-15', label: 'Inventaire annuel' }],
    };
    await ok(await admin.put('/api/admin/calendar', calendar));
    const created = await admin.post('/api/request-types', {
      code: 'formation',
      names: { fr: 'Formation', de: 'Schulung', en: 'Training' },
      descriptions: { fr: 'Une formation', de: 'Eine Schulung', en: 'A training' },
      creatableByCustomers: true,
      countsTowardSla: false,
      sortOrder: 30,
    });
    expect(created.statusCode, created.body).toBe(201);
    try {
      const body = (await ok(await customer.get('/api/sla/commitments'))).json();
      expect(body.eveClosingMinute).toBeNull();
      const items = body.closedDays.items as { date: string; kind: string; name: string | null }[];
      expect(items).toContainEqual(
        expect.objectContaining({ date: '2026-06-15', kind: 'extra', name: 'Inventaire annuel' }),
      );
      expect(items.filter((item) => item.kind === 'eve')).toEqual([]);
      const types = body.requestTypes as { code: string; countsTowardSla: boolean }[];
      expect(types).toContainEqual(expect.objectContaining({ code: 'assistance', countsTowardSla: true }));
      expect(types).toContainEqual({ code: 'formation', name: 'Formation', countsTowardSla: false });
    } finally {
      await ok(await admin.patch(`/api/request-types/${created.json().id}`, { active: false }));
    }
  });
});

describe('the explanation of a due time', () => {
  it('is given to the customer and to staff, and adds up to the due time shown', async () => {
    const acme = await createCompany(t.ctx.db);
    const customer = await signedIn(t.app, acme.customer);
    setClock('2026-03-02 11:00');
    const id = await open(customer, 'haute');
    setClock('2026-03-02 11:30');
    await ok(await agent.post(`/api/tickets/${id}/qualify`, {}));
    await ok(await agent.post(`/api/tickets/${id}/take`, {}));
    setClock('2026-03-02 14:00');
    await ok(await agent.post(`/api/tickets/${id}/status`, { status: 'waiting_customer' }));
    setClock('2026-03-03 09:00');
    const answer = await customer.post(`/api/tickets/${id}/messages`, { body: 'Voici le journal.' });
    expect(answer.statusCode, answer.body).toBe(201);

    const mine = (await ok(await customer.get(`/api/tickets/${id}/sla`))).json();
    const resolution = mine.explanations.resolution;
    // Haute 24 h: 11:00–12:00, 13:30–14:00 (90 min), paused to Tue 09:00, then 1350 min more:
    // Tue 09:00–12:00, 13:30–18:00 (450), Wed 510, Thu 390 → Thu 08:00–12:00, 13:30–16:00.
    expect(resolution.dueAt).toBe(at('2026-03-05 16:00'));
    expect(mine.resolution.dueAt).toBe(resolution.dueAt);
    expect(resolution.usedMinutes).toBe(90);
    const paused = resolution.parts.filter((p: { kind: string }) => p.kind === 'paused');
    expect(paused).toMatchObject([{ reason: 'waiting_customer', minutes: 19 * 60, ongoing: false }]);
    const wall = (Date.parse(resolution.dueAt) - Date.parse(resolution.startedAt)) / 60_000;
    expect(wall).toBe(1440 + resolution.untilDue.paused + resolution.untilDue.closed);
    // The engagement was met: the customer is not shown its explanation, staff are.
    expect(mine.explanations.engagement).toBeNull();
    const theirs = (await ok(await agent.get(`/api/tickets/${id}/sla`))).json();
    expect(theirs.explanations.engagement).toMatchObject({ state: 'met', usedMinutes: 30 });
    expect(theirs.explanations.resolution).toEqual(resolution);
  });
});

describe('the explanation after a change of criticality', () => {
  it('names the change and recomputes the target from the opening, for the customer as for staff', async () => {
    const acme = await createCompany(t.ctx.db);
    const customer = await signedIn(t.app, acme.customer);
    setClock('2026-03-02 09:00');
    const id = await open(customer, 'moyenne');
    setClock('2026-03-02 09:20');
    const raised = await agent.post(`/api/tickets/${id}/qualify`, {
      criticality: 'critique',
      reason: 'La production est arrêtée.',
    });
    expect(raised.statusCode, raised.body).toBe(200);
    setClock('2026-03-02 09:30');
    const mine = (await ok(await customer.get(`/api/tickets/${id}/sla`))).json();
    // Critique's 1 h from 09:00, not Moyenne's 8 h: due at 10:00, half of it used.
    expect(mine.explanations.engagement).toMatchObject({
      criticality: 'critique',
      initialCriticality: 'moyenne',
      criticalityChanges: [{ from: 'moyenne', to: 'critique', at: at('2026-03-02 09:20') }],
      targetMinutes: 60,
      usedMinutes: 30,
      dueAt: at('2026-03-02 10:00'),
    });
    expect(mine.engagement.dueAt).toBe(at('2026-03-02 10:00'));
    const theirs = (await ok(await agent.get(`/api/tickets/${id}/sla`))).json();
    expect(theirs.explanations.engagement).toEqual(mine.explanations.engagement);
  });
});

describe('the explanation of an ended clock', () => {
  it('shows the customer a breach but not a stopped clock; staff see both', async () => {
    const acme = await createCompany(t.ctx.db);
    const customer = await signedIn(t.app, acme.customer);
    setClock('2026-03-02 09:00');
    const id = await open(customer, 'critique');
    // Critique: taken in charge within 1 h; taken at 10:30, half an hour late.
    setClock('2026-03-02 10:30');
    await ok(await agent.post(`/api/tickets/${id}/qualify`, {}));
    await ok(await agent.post(`/api/tickets/${id}/take`, {}));
    setClock('2026-03-02 11:00');
    await ok(await agent.post(`/api/tickets/${id}/transfer-consulting`, { note: 'Projet ERP facturable.' }));
    setClock('2026-03-03 09:00');

    const mine = (await ok(await customer.get(`/api/tickets/${id}/sla`))).json();
    expect(mine.explanations.engagement).toMatchObject({
      state: 'breached',
      criticality: 'critique',
      targetMinutes: 60,
      usedMinutes: 90,
      leftMinutes: -30,
      dueAt: at('2026-03-02 10:00'),
      endedAt: at('2026-03-02 10:30'),
    });
    // Transferred to Consulting, the resolution clock stopped: no due time is shown to explain.
    expect(mine.resolution.dueAt).toBeNull();
    expect(mine.explanations.resolution).toBeNull();

    const theirs = (await ok(await agent.get(`/api/tickets/${id}/sla`))).json();
    expect(theirs.explanations.engagement).toEqual(mine.explanations.engagement);
    const stopped = theirs.explanations.resolution;
    expect(stopped).toMatchObject({ state: 'stopped', usedMinutes: 120, endedAt: at('2026-03-02 11:00') });
    // What counted, then what the due time would have been: read as a forecast from the stop.
    expect(stopped.parts[0]).toMatchObject({
      kind: 'working',
      from: at('2026-03-02 09:00'),
      to: at('2026-03-02 11:00'),
      projected: false,
    });
    expect(stopped.parts.slice(1).every((part: { projected: boolean }) => part.projected)).toBe(true);
  });
});

describe('the monthly SLA report', () => {
  it('counts met and breached per criticality, explains each breach, for managers and staff only', async () => {
    const acme = await createCompany(t.ctx.db, { name: 'Rapport SA' });
    const customer = await signedIn(t.app, acme.customer);
    const manager = await signedIn(t.app, acme.manager);
    setClock('2026-03-02 09:00');
    const late = await open(customer, 'critique');
    const onTime = await open(customer, 'critique');
    const running = await open(customer, 'basse');
    const transferred = await open(customer, 'haute');
    setClock('2026-03-02 09:30');
    await ok(await agent.post(`/api/tickets/${onTime}/qualify`, {}));
    await ok(await agent.post(`/api/tickets/${onTime}/take`, {}));
    await ok(await agent.post(`/api/tickets/${transferred}/qualify`, {}));
    await ok(await agent.post(`/api/tickets/${transferred}/take`, {}));
    setClock('2026-03-02 10:00');
    await ok(await agent.post(`/api/tickets/${transferred}/transfer-consulting`, { note: 'Projet ERP.' }));
    setClock('2026-03-02 11:00');
    await ok(await agent.post(`/api/tickets/${late}/qualify`, {}));
    await ok(await agent.post(`/api/tickets/${late}/take`, {}));
    setClock('2026-04-01 10:00');
    // Opened in April: not in March's report.
    await open(customer, 'haute');

    const report = (await ok(await manager.get('/api/sla/monthly-report?month=2026-03'))).json();
    expect(report).toMatchObject({
      companyName: 'Rapport SA',
      month: '2026-03',
      tickets: 4,
      ticketsWithSla: 4,
    });
    const critique = report.rows.find((r: { criticality: string }) => r.criticality === 'critique');
    expect(critique).toMatchObject({ tickets: 2, engagement: { met: 1, breached: 1 } });
    // Both critique resolutions (8 h) ran out long ago, and the basse one too (160 h by 1 April).
    expect(critique.resolution).toMatchObject({ breached: 2 });
    const breaches = report.breaches.map(
      (b: { ticketId: string; clock: string }) => `${b.ticketId} ${b.clock}`,
    );
    expect(breaches).toContain(`${late} engagement`);
    expect(breaches).not.toContain(`${onTime} engagement`);
    const engagement = report.breaches.find((b: { ticketId: string }) => b.ticketId === late).explanation;
    expect(engagement).toMatchObject({ dueAt: at('2026-03-02 10:00'), usedMinutes: 120, leftMinutes: -60 });
    expect(report.rows.find((r: { criticality: string }) => r.criticality === 'basse').tickets).toBe(1);
    expect(running).toBeTruthy();
    // Transferred to Consulting: taken in charge in time, then its resolution clock stopped.
    expect(report.rows.find((r: { criticality: string }) => r.criticality === 'haute')).toMatchObject({
      tickets: 1,
      engagement: { met: 1, breached: 0, running: 0, stopped: 0 },
      resolution: { met: 0, breached: 0, running: 0, stopped: 1 },
    });
    expect(breaches.filter((b: string) => b.startsWith(transferred))).toEqual([]);
    // Every request of a row is counted once per clock: met, breached, still running or stopped.
    type Counts = { met: number; breached: number; running: number; stopped: number };
    const sum = (c: Counts) => c.met + c.breached + c.running + c.stopped;
    for (const row of report.rows as { tickets: number; engagement: Counts; resolution: Counts }[]) {
      expect([sum(row.engagement), sum(row.resolution)]).toEqual([row.tickets, row.tickets]);
    }

    expect((await customer.get('/api/sla/monthly-report?month=2026-03')).statusCode).toBe(403);
    const forStaff = await agent.get(`/api/sla/monthly-report?month=2026-03&companyId=${acme.company.id}`);
    expect((await ok(forStaff)).json().tickets).toBe(4);
    expect((await manager.get('/api/sla/monthly-report?month=2026-13')).statusCode).toBe(400);

    const sent = (
      await ok(await agent.post(`/api/admin/companies/${acme.company.id}/sla-report`, { month: '2026-03' }))
    ).json();
    expect(sent.recipients).toEqual([acme.manager.email]);
    const [mail] = await t.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.template, 'sla.monthly-report'), eq(outbox.recipient, acme.manager.email)));
    expect(mail?.params).toMatchObject({
      companyName: 'Rapport SA',
      month: '2026-03',
      tickets: 4,
      url: expect.stringMatching(/\/sla-report\?month=2026-03$/),
    });
    expect(
      (await customer.post(`/api/admin/companies/${acme.company.id}/sla-report`, { month: '2026-03' }))
        .statusCode,
    ).toBe(403);
  });
});
