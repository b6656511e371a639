import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeEntries } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, forceTicket, openTicket, type TestCompany } from '../support/factories';

const now = new Date('2026-03-02T09:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

let t: TestApp;
let agent: TestClient;
let customer: TestClient;
let acme: TestCompany;
let atRiskKey: string;
let breachedKey: string;

beforeAll(async () => {
  t = await testApp({ now: now.toISOString() });
  const staff = await createStaff(t.ctx.db);
  acme = await createCompany(t.ctx.db, { name: 'Acme SA', flex: true });
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
  customer = new TestClient(t.app);
  await customer.login(acme.customer.email);

  const open = async (criticality: 'critique' | 'haute', values: Parameters<typeof forceTicket>[2]) => {
    const ticket = await openTicket(t.ctx, acme.customer, { criticality });
    return forceTicket(t.ctx.db, ticket.id, values);
  };
  // Critique: 2 met and 1 breached in the last 30 days; 1 more met between 30 and 90 days ago.
  await open('critique', { slaState: 'on_track', createdAt: daysAgo(2) });
  await open('critique', {
    slaState: 'on_track',
    createdAt: daysAgo(10),
    status: 'closed',
    closedAt: daysAgo(9),
    closeReason: 'solution_delivered',
  });
  breachedKey = (
    await open('critique', { slaState: 'breached', createdAt: daysAgo(5), status: 'in_progress' })
  ).key;
  await open('critique', {
    slaState: 'on_track',
    createdAt: daysAgo(45),
    status: 'closed',
    closedAt: daysAgo(40),
    closeReason: 'solution_delivered',
  });
  // Haute: one at risk now, created 4 days ago; two closed for lack of answer, 6 and 20 days ago.
  atRiskKey = (
    await open('haute', { slaState: 'at_risk', createdAt: daysAgo(4), status: 'waiting_customer' })
  ).key;
  await open('haute', {
    slaState: 'on_track',
    createdAt: daysAgo(30.5),
    status: 'closed',
    closedAt: daysAgo(6),
    closeReason: 'no_answer',
  });
  await open('haute', {
    slaState: 'on_track',
    createdAt: daysAgo(60),
    status: 'closed',
    closedAt: daysAgo(20),
    closeReason: 'no_answer',
  });
  // Older than 90 days: outside both windows, still in the backlog (over 30 days old).
  await open('haute', { slaState: 'on_track', createdAt: daysAgo(120), status: 'qualified' });

  const flexTicket = await openTicket(t.ctx, acme.customer, {});
  await forceTicket(t.ctx.db, flexTicket.id, {
    status: 'closed',
    closedAt: daysAgo(1),
    closeReason: 'solution_delivered',
    createdAt: daysAgo(1.5),
    slaState: 'on_track',
  });
  const entry = {
    ticketId: flexTicket.id,
    companyId: acme.company.id,
    userId: staff.agent.id,
    createdAt: now,
    updatedAt: now,
  };
  await t.ctx.db.insert(timeEntries).values([
    { ...entry, workDate: '2026-01-12', minutes: 90, billing: 'flex' },
    { ...entry, workDate: '2026-01-20', minutes: 30, billing: 'flex' },
    { ...entry, workDate: '2026-02-03', minutes: 45, billing: 'flex' },
    { ...entry, workDate: '2026-02-04', minutes: 600, billing: 'maintenance' },
  ]);
});
afterAll(() => t.close());

describe('GET /api/dashboard', () => {
  it('counts SLA compliance per criticality over 30 and 90 days, with the percentage met', async () => {
    const response = await agent.get('/api/dashboard');
    expect(response.statusCode).toBe(200);
    const rows = response.json().slaCompliance as {
      criticality: string;
      days: number;
      met: number;
      breached: number;
      metPercent: number | null;
    }[];
    const row = (criticality: string, days: number) =>
      rows.find((r) => r.criticality === criticality && r.days === days);
    expect(row('critique', 30)).toMatchObject({ met: 2, breached: 1, metPercent: 66.7 });
    expect(row('critique', 90)).toMatchObject({ met: 3, breached: 1, metPercent: 75 });
    expect(row('haute', 30)).toMatchObject({ met: 1, breached: 0, metPercent: 100 });
    expect(row('haute', 90)).toMatchObject({ met: 3, breached: 0 });
    expect(row('moyenne', 90)).toMatchObject({ met: 1, breached: 0 });
    expect(row('basse', 30)).toMatchObject({ met: 0, breached: 0, metPercent: null });
  });

  it('shows the open backlog by status and by age', async () => {
    const body = (await agent.get('/api/dashboard')).json();
    const byStatus = Object.fromEntries(
      body.backlogByStatus.map((r: { status: string; count: number }) => [r.status, r.count]),
    );
    expect(byStatus).toEqual({ open: 1, in_progress: 1, waiting_customer: 1, qualified: 1 });
    expect(body.backlogByAge).toEqual([
      { bucket: 'lt1d', count: 0 },
      { bucket: 'd1to3', count: 1 },
      { bucket: 'd3to7', count: 2 },
      { bucket: 'd7to30', count: 0 },
      { bucket: 'gt30d', count: 1 },
    ]);
  });

  it('lists the tickets at risk or breached now', async () => {
    const body = (await agent.get('/api/dashboard')).json();
    const states = Object.fromEntries(
      body.atRisk.map((r: { key: string; state: string }) => [r.key, r.state]),
    );
    expect(states).toEqual({ [atRiskKey]: 'at_risk', [breachedKey]: 'breached' });
    expect(body.atRisk[0]).toMatchObject({ companyName: 'Acme SA' });
  });

  it('counts automatic closings per week over twelve weeks, Monday first', async () => {
    const body = (await agent.get('/api/dashboard')).json();
    expect(body.autoClosings).toHaveLength(12);
    expect(body.autoClosings.at(-1)).toEqual({ week: '2026-03-02', count: 0 });
    const byWeek = Object.fromEntries(
      body.autoClosings.map((r: { week: string; count: number }) => [r.week, r.count]),
    );
    expect(byWeek['2026-02-23']).toBe(1);
    expect(byWeek['2026-02-09']).toBe(1);
    expect(body.autoClosings.reduce((sum: number, r: { count: number }) => sum + r.count, 0)).toBe(2);
  });

  it('sums Flex minutes per company and month, maintenance time left out', async () => {
    const body = (await agent.get('/api/dashboard')).json();
    expect(body.flexConsumption).toEqual([
      { companyId: acme.company.id, companyName: 'Acme SA', month: '2026-01', minutes: 120 },
      { companyId: acme.company.id, companyName: 'Acme SA', month: '2026-02', minutes: 45 },
    ]);
  });

  it('is for staff only', async () => {
    expect((await customer.get('/api/dashboard')).statusCode).toBe(403);
  });
});
