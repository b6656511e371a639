import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slaStateFilter } from '../../src/app/sla/index';
import { requestTypes, ticketSla, tickets, ticketTimers } from '../../src/db/schema/index';
import { zurichInstant } from '../../src/domain/calendar/index';
import { type TestApp, type TestClient, testApp } from '../support/app';
import { createCompany, createStaff, signedIn, ticketInput } from '../support/factories';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
let agent: TestClient;

/** The ISO instant of a Zurich wall-clock time. */
const at = (local: string) => zurichInstant(local).toISOString();

beforeAll(async () => {
  // The clock moves over weeks here: sessions must outlive it.
  t = await testApp({ env: { SESSION_TTL_HOURS: '8760' } });
  staff = await createStaff(t.ctx.db);
  agent = await signedIn(t.app, staff.agent);
});
afterAll(() => t.close());

/** Sets the clock to a Zurich wall-clock time. */
const setClock = (local: string) => t.clock.set(zurichInstant(local));

async function openAs(customer: TestClient, overrides: Record<string, unknown> = {}) {
  const response = await customer.post('/api/tickets', await ticketInput(t.ctx.db, overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().ticket.id as string;
}

async function ok(response: { statusCode: number; body: string }) {
  expect(response.statusCode, response.body).toBe(200);
}

async function storedSla(ticketId: string) {
  const [row] = await t.ctx.db
    .select({
      engagementDueAt: tickets.engagementDueAt,
      resolutionDueAt: tickets.resolutionDueAt,
      slaState: tickets.slaState,
    })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  return {
    engagementDueAt: row?.engagementDueAt?.toISOString() ?? null,
    resolutionDueAt: row?.resolutionDueAt?.toISOString() ?? null,
    slaState: row?.slaState ?? null,
  };
}

describe('the SLA of a ticket through its life (R7, R8, Europe/Zurich, to the minute)', () => {
  it('counts business minutes, pauses while waiting on the customer or Development, and stops when met', async () => {
    const acme = await createCompany(t.ctx.db);
    const customer = await signedIn(t.app, acme.customer);

    // Moyenne: 8 h to take in charge, 80 h to resolve, from Monday 2 March 2026 09:00.
    setClock('2026-03-02 09:00');
    const id = await openAs(customer, { criticality: 'moyenne' });
    expect(await storedSla(id)).toEqual({
      engagementDueAt: at('2026-03-03 08:30'),
      resolutionDueAt: at('2026-03-13 15:00'),
      slaState: 'running',
    });

    setClock('2026-03-02 10:00');
    const seen = (await customer.get(`/api/tickets/${id}/sla`)).json();
    expect(seen).toEqual({
      view: 'customer',
      ticketId: id,
      applicable: true,
      engagement: {
        commitment: 'Prise en charge sous 8 h ouvrées',
        dueAt: at('2026-03-03 08:30'),
        met: false,
      },
      resolution: {
        commitment: 'Résolution sous 80 h ouvrées',
        dueAt: at('2026-03-13 15:00'),
        met: false,
      },
      paused: false,
      explanation: 'Nous prendrons votre demande en charge au plus tard le mardi, 3 mars 2026 à 08:30.',
      explanations: {
        engagement: expect.objectContaining({ dueAt: at('2026-03-03 08:30'), usedMinutes: 60 }),
        resolution: expect.objectContaining({ dueAt: at('2026-03-13 15:00'), usedMinutes: 60 }),
      },
    });
    const full = (await agent.get(`/api/tickets/${id}/sla`)).json();
    expect(full).toMatchObject({
      view: 'staff',
      applicable: true,
      criticality: 'moyenne',
      state: 'running',
      paused: false,
      targets: { moyenne: { engagementMinutes: 480, resolutionMinutes: 4800 } },
      engagement: {
        state: 'running',
        targetMinutes: 480,
        elapsedMinutes: 60,
        remainingMinutes: 420,
        dueAt: at('2026-03-03 08:30'),
        atRisk: false,
        atRiskAt: at('2026-03-02 16:30'),
        breachesAt: at('2026-03-03 08:31'),
      },
      resolution: { state: 'running', elapsedMinutes: 60, remainingMinutes: 4740 },
      pauses: [],
    });

    await ok(await agent.post(`/api/tickets/${id}/qualify`, {}));
    // Taken at 11:00: the engagement is met after 120 business minutes.
    setClock('2026-03-02 11:00');
    await ok(await agent.post(`/api/tickets/${id}/take`, {}));
    expect(await storedSla(id)).toEqual({
      engagementDueAt: null,
      resolutionDueAt: at('2026-03-13 15:00'),
      slaState: 'running',
    });

    // Waiting on the customer from Monday 14:00 (210 minutes of resolution used).
    setClock('2026-03-02 14:00');
    await ok(await agent.post(`/api/tickets/${id}/status`, { status: 'waiting_customer' }));
    expect(await storedSla(id)).toEqual({ engagementDueAt: null, resolutionDueAt: null, slaState: 'paused' });

    setClock('2026-03-03 10:00');
    const paused = (await customer.get(`/api/tickets/${id}/sla`)).json();
    expect(paused).toMatchObject({
      paused: true,
      engagement: { met: true, dueAt: at('2026-03-03 08:30') },
      explanation: expect.stringContaining('en attendant votre réponse'),
    });
    const pausedStaff = (await agent.get(`/api/tickets/${id}/sla`)).json();
    expect(pausedStaff).toMatchObject({
      state: 'paused',
      paused: true,
      engagement: { state: 'met', metAt: at('2026-03-02 11:00'), elapsedMinutes: 120 },
      resolution: { state: 'paused', elapsedMinutes: 210 },
      pauses: [{ from: at('2026-03-02 14:00'), to: null, reason: 'waiting_customer' }],
    });

    // The customer answers on Wednesday 09:00: the clock resumes with 4590 minutes left.
    setClock('2026-03-04 09:00');
    expect(
      (await customer.post(`/api/tickets/${id}/messages`, { body: 'Here is the export log.' })).statusCode,
    ).toBe(201);
    expect(await storedSla(id)).toEqual({
      engagementDueAt: null,
      resolutionDueAt: at('2026-03-17 11:00'),
      slaState: 'running',
    });

    // Waiting on Development (RPC) from Thursday 08:00 until Monday 9 March 08:00.
    setClock('2026-03-05 08:00');
    await ok(
      await agent.post(`/api/tickets/${id}/status`, {
        status: 'waiting_development',
        rpcReference: 'RPC-4711',
      }),
    );
    setClock('2026-03-06 15:00');
    const onDevelopment = (await customer.get(`/api/tickets/${id}/sla`)).json();
    expect(onDevelopment).toMatchObject({
      paused: true,
      explanation: expect.stringContaining('Développement'),
    });
    setClock('2026-03-09 08:00');
    await ok(await agent.post(`/api/tickets/${id}/status`, { status: 'in_progress' }));
    expect((await storedSla(id)).resolutionDueAt).toBe(at('2026-03-19 10:00'));
    const resumed = (await agent.get(`/api/tickets/${id}/sla`)).json();
    expect(resumed).toMatchObject({
      resolution: {
        state: 'running',
        elapsedMinutes: 660,
        remainingMinutes: 4140,
        dueAt: at('2026-03-19 10:00'),
      },
      pauses: [
        { from: at('2026-03-02 14:00'), to: at('2026-03-04 09:00'), reason: 'waiting_customer' },
        { from: at('2026-03-05 08:00'), to: at('2026-03-09 08:00'), reason: 'waiting_development' },
      ],
    });

    // Closed on Tuesday 10 March 10:00: met.
    setClock('2026-03-10 10:00');
    await ok(await agent.post(`/api/tickets/${id}/close`, { reason: 'solution_delivered' }));
    expect(await storedSla(id)).toEqual({ engagementDueAt: null, resolutionDueAt: null, slaState: 'met' });
    const closed = (await customer.get(`/api/tickets/${id}/sla`)).json();
    expect(closed).toMatchObject({
      paused: false,
      engagement: { met: true },
      resolution: { met: true, dueAt: at('2026-03-19 10:00') },
      explanation: 'Cette demande est fermée.',
    });
  });

  it('a staff public answer takes the ticket in charge', async () => {
    const acme = await createCompany(t.ctx.db);
    const customer = await signedIn(t.app, acme.customer);
    setClock('2026-03-02 09:00');
    const id = await openAs(customer, { criticality: 'moyenne' });
    await ok(await agent.post(`/api/tickets/${id}/qualify`, {}));
    setClock('2026-03-02 09:45');
    expect((await agent.post(`/api/tickets/${id}/messages`, { body: 'Nous regardons.' })).statusCode).toBe(
      201,
    );
    const full = (await agent.get(`/api/tickets/${id}/sla`)).json();
    expect(full.engagement).toMatchObject({
      state: 'met',
      metAt: at('2026-03-02 09:45'),
      elapsedMinutes: 45,
    });
    expect((await storedSla(id)).engagementDueAt).toBeNull();
  });

  it('lowering the criticality after a pause recomputes from creation and keeps the paused interval', async () => {
    const acme = await createCompany(t.ctx.db);
    const customer = await signedIn(t.app, acme.customer);
    // Haute: 4 h / 24 h from Monday 08:00.
    setClock('2026-03-02 08:00');
    const id = await openAs(customer, { criticality: 'haute' });
    expect((await storedSla(id)).engagementDueAt).toBe(at('2026-03-02 12:00'));
    await ok(await agent.post(`/api/tickets/${id}/qualify`, {}));
    setClock('2026-03-02 09:00');
    await ok(await agent.post(`/api/tickets/${id}/take`, {}));
    setClock('2026-03-02 10:00');
    await ok(await agent.post(`/api/tickets/${id}/status`, { status: 'waiting_customer' }));
    setClock('2026-03-03 10:00');
    expect(
      (await customer.post(`/api/tickets/${id}/messages`, { body: 'Réponse du client.' })).statusCode,
    ).toBe(201);

    // Lowered to Moyenne (80 h) on Tuesday 11:00: 180 minutes used, the Monday–Tuesday pause kept.
    setClock('2026-03-03 11:00');
    await ok(
      await agent.post(`/api/tickets/${id}/qualify`, {
        criticality: 'moyenne',
        reason: 'Contournement possible',
      }),
    );
    expect(await storedSla(id)).toEqual({
      engagementDueAt: null,
      resolutionDueAt: at('2026-03-16 15:00'),
      slaState: 'running',
    });
    const full = (await agent.get(`/api/tickets/${id}/sla`)).json();
    expect(full).toMatchObject({
      criticality: 'moyenne',
      engagement: { state: 'met', targetMinutes: 240, elapsedMinutes: 60 },
      resolution: {
        state: 'running',
        targetMinutes: 4800,
        elapsedMinutes: 180,
        dueAt: at('2026-03-16 15:00'),
      },
      pauses: [{ from: at('2026-03-02 10:00'), to: at('2026-03-03 10:00'), reason: 'waiting_customer' }],
    });
    const seen = (await customer.get(`/api/tickets/${id}/sla`)).json();
    expect(seen.resolution).toEqual({
      commitment: 'Résolution sous 80 h ouvrées',
      dueAt: at('2026-03-16 15:00'),
      met: false,
    });
  });

  it('a request type that does not count toward SLA has no SLA', async () => {
    const [type] = await t.ctx.db
      .insert(requestTypes)
      .values({
        code: 'question_sans_sla',
        nameFr: 'Question',
        nameDe: 'Frage',
        nameEn: 'Question',
        countsTowardSla: false,
      })
      .returning();
    const acme = await createCompany(t.ctx.db);
    const customer = await signedIn(t.app, acme.customer);
    setClock('2026-03-02 09:00');
    const id = await openAs(customer, { requestTypeId: type?.id });
    expect(await storedSla(id)).toEqual({ engagementDueAt: null, resolutionDueAt: null, slaState: 'none' });
    expect((await customer.get(`/api/tickets/${id}/sla`)).json()).toEqual({
      view: 'customer',
      ticketId: id,
      applicable: false,
      engagement: null,
      resolution: null,
      paused: false,
      explanation: 'Ce type de demande n’est pas soumis à un engagement de délai.',
      explanations: { engagement: null, resolution: null },
    });
    const full = (await agent.get(`/api/tickets/${id}/sla`)).json();
    expect(full).toMatchObject({
      applicable: false,
      state: 'none',
      engagement: { state: 'not_applicable', dueAt: null },
      resolution: { state: 'not_applicable', dueAt: null },
    });
  });

  it('speaks the customer’s language and hides other companies’ tickets (404)', async () => {
    const zug = await createCompany(t.ctx.db, { language: 'de' });
    const other = await createCompany(t.ctx.db);
    const customer = await signedIn(t.app, zug.customer);
    setClock('2026-03-02 09:00');
    const id = await openAs(customer, { criticality: 'critique' });
    const seen = (await customer.get(`/api/tickets/${id}/sla`)).json();
    expect(seen.engagement).toEqual({
      commitment: 'Übernahme innert 1 Arbeitsstunde',
      dueAt: at('2026-03-02 10:00'),
      met: false,
    });
    expect(seen.resolution.commitment).toBe('Lösung innert 8 Arbeitsstunden');
    expect(seen.explanation).toBe('Wir übernehmen Ihre Anfrage spätestens am Montag, 2. März 2026 um 10:00.');

    const stranger = await signedIn(t.app, other.customer);
    const refused = await stranger.get(`/api/tickets/${id}/sla`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('not_found');
    expect((await stranger.get('/api/tickets/00000000-0000-4000-8000-000000000000/sla')).statusCode).toBe(
      404,
    );
  });

  it('the queue sorts by due time and filters what is at risk or breached, exactly as of now', async () => {
    const acme = await createCompany(t.ctx.db);
    const customer = await signedIn(t.app, acme.customer);
    setClock('2026-03-02 09:00');
    const basse = await openAs(customer, { criticality: 'basse', subject: 'Basse: comfort issue' });
    const critique = await openAs(customer, {
      criticality: 'critique',
      subject: 'Critique: invoicing blocked',
    });
    const moyenne = await openAs(customer, { criticality: 'moyenne', subject: 'Moyenne: costly workaround' });

    const list = await agent.get(`/api/tickets?companyId=${acme.company.id}&sort=engagementDueAt&order=asc`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((item: { id: string }) => item.id)).toEqual([critique, moyenne, basse]);

    const matching = async (state: 'at_risk' | 'breached') => {
      const rows = await t.ctx.db
        .select({ id: tickets.id })
        .from(tickets)
        .where(and(eq(tickets.companyId, acme.company.id), slaStateFilter(state, t.clock.now())));
      return rows.map((row) => row.id).sort();
    };
    // Critique (60 min): at risk from 09:45, breached from 10:01, with no event in between.
    setClock('2026-03-02 09:44');
    expect(await matching('at_risk')).toEqual([]);
    setClock('2026-03-02 09:45');
    expect(await matching('at_risk')).toEqual([critique]);
    expect(await matching('breached')).toEqual([]);
    setClock('2026-03-02 10:01');
    expect(await matching('at_risk')).toEqual([]);
    expect(await matching('breached')).toEqual([critique]);
    // Moyenne (480 min): at risk from 16:30.
    setClock('2026-03-02 16:30');
    expect(await matching('at_risk')).toEqual([moyenne]);
    const staffView = (await agent.get(`/api/tickets/${critique}/sla`)).json();
    expect(staffView).toMatchObject({
      state: 'breached',
      engagement: { state: 'breached', breachedAt: at('2026-03-02 10:01') },
    });

    const [timers] = await t.ctx.db.select().from(ticketSla).where(eq(ticketSla.ticketId, moyenne));
    expect(timers?.nextAtRiskAt?.toISOString()).toBe(at('2026-03-02 16:30'));
    expect(timers?.nextBreachAt?.toISOString()).toBe(at('2026-03-03 08:31'));
    // The warning timers follow the stored SLA.
    const warnings = await t.ctx.db
      .select({ kind: ticketTimers.kind, dueAt: ticketTimers.dueAt })
      .from(ticketTimers)
      .where(and(eq(ticketTimers.ticketId, moyenne), eq(ticketTimers.ladder, 'sla')));
    expect(Object.fromEntries(warnings.map((w) => [w.kind, w.dueAt.toISOString()]))).toMatchObject({
      sla_engagement_at_risk: at('2026-03-02 16:30'),
      sla_engagement_breached: at('2026-03-03 08:31'),
    });
  });

  it('a customer user cannot read the SLA configuration', async () => {
    const acme = await createCompany(t.ctx.db);
    const customer = await signedIn(t.app, acme.customer);
    expect((await customer.get('/api/admin/sla/targets')).statusCode).toBe(403);
    expect((await customer.get('/api/admin/calendar')).statusCode).toBe(403);
  });
});
