import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tickets } from '../../src/db/schema/index';
import { defaultCalendarConfig, zurichInstant } from '../../src/domain/calendar/index';
import { defaultSlaTargets } from '../../src/domain/sla/index';
import { type TestApp, type TestClient, testApp } from '../support/app';
import { createCompany, createStaff, createUser, signedIn, ticketInput } from '../support/factories';
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

// Targets and the calendar are instance-wide: every test starts from the defaults.
beforeEach(async () => {
  setClock('2026-03-02 08:00');
  await restoreSlaDefaults(admin);
});

/** A company with an open Moyenne ticket created on Monday 2 March 2026 at 09:00. */
async function companyWithTicket() {
  const acme = await createCompany(t.ctx.db);
  const customer = await signedIn(t.app, acme.customer);
  setClock('2026-03-02 09:00');
  const response = await customer.post(
    '/api/tickets',
    await ticketInput(t.ctx.db, { criticality: 'moyenne' }),
  );
  expect(response.statusCode, response.body).toBe(201);
  return { acme, customer, ticketId: response.json().ticket.id as string };
}

async function engagementDueAt(ticketId: string) {
  const [row] = await t.ctx.db
    .select({ due: tickets.engagementDueAt })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  return row?.due?.toISOString() ?? null;
}

describe('SLA targets (R7)', () => {
  it('reads the defaults, and a change moves the due times of open tickets, in the audit trail', async () => {
    const { ticketId, customer } = await companyWithTicket();
    expect(await engagementDueAt(ticketId)).toBe(at('2026-03-03 08:30'));

    const read = (await agent.get('/api/admin/sla/targets')).json();
    expect(read).toMatchObject({ targets: defaultSlaTargets, defaults: defaultSlaTargets });

    setClock('2026-03-02 10:00');
    const targets = { ...defaultSlaTargets, moyenne: { engagementMinutes: 240, resolutionMinutes: 4800 } };
    const response = await admin.put('/api/admin/sla/targets', { targets });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      targets,
      saved: true,
      updatedAt: at('2026-03-02 10:00'),
      updatedBy: staff.admin.id,
    });
    expect(response.json().recomputedTickets).toBeGreaterThanOrEqual(1);
    // 240 minutes from Monday 09:00: 09:00–12:00, then 13:30–14:30.
    expect(await engagementDueAt(ticketId)).toBe(at('2026-03-02 14:30'));
    const seen = (await customer.get(`/api/tickets/${ticketId}/sla`)).json();
    expect(seen.engagement).toMatchObject({
      commitment: 'Prise en charge sous 4 h ouvrées',
      dueAt: at('2026-03-02 14:30'),
    });

    const timeline = (await agent.get(`/api/tickets/${ticketId}/timeline`)).json();
    const recomputed = timeline.entries.find((entry: { kind: string }) => entry.kind === 'sla_recomputed');
    expect(recomputed).toMatchObject({
      visibility: 'internal',
      at: at('2026-03-02 10:00'),
      actor: { id: staff.admin.id },
      before: { engagementDueAt: at('2026-03-03 08:30'), slaState: 'running' },
      after: { engagementDueAt: at('2026-03-02 14:30'), slaState: 'running' },
      data: { reason: 'sla.targets.updated' },
    });
    const customerTimeline = (await customer.get(`/api/tickets/${ticketId}/timeline`)).json();
    expect(customerTimeline.entries.map((entry: { kind: string }) => entry.kind)).not.toContain(
      'sla_recomputed',
    );

    const audit = (await admin.get('/api/admin/sla/audit?action=sla.targets')).json();
    expect(audit.items[0]).toMatchObject({
      at: at('2026-03-02 10:00'),
      actor: { id: staff.admin.id, name: staff.admin.name },
      action: 'sla.targets.updated',
      before: defaultSlaTargets,
      after: targets,
    });
    expect(audit.items[0].data.recomputedTickets).toBeGreaterThanOrEqual(1);
  });

  it('does not move closed tickets', async () => {
    const { ticketId } = await companyWithTicket();
    expect((await agent.post(`/api/tickets/${ticketId}/qualify`, {})).statusCode).toBe(200);
    setClock('2026-03-02 09:30');
    expect((await agent.post(`/api/tickets/${ticketId}/take`, {})).statusCode).toBe(200);
    expect(
      (await agent.post(`/api/tickets/${ticketId}/close`, { reason: 'solution_delivered' })).statusCode,
    ).toBe(200);
    const before = (await agent.get(`/api/tickets/${ticketId}/sla`)).json();
    const targets = { ...defaultSlaTargets, moyenne: { engagementMinutes: 10, resolutionMinutes: 20 } };
    expect((await admin.put('/api/admin/sla/targets', { targets })).statusCode).toBe(200);
    const after = (await agent.get(`/api/tickets/${ticketId}/sla`)).json();
    expect(after.engagement).toEqual(before.engagement);
    expect(after.targets.moyenne).toEqual(defaultSlaTargets.moyenne);
    const timeline = (await agent.get(`/api/tickets/${ticketId}/timeline`)).json();
    expect(timeline.entries.map((entry: { kind: string }) => entry.kind)).not.toContain('sla_recomputed');
  });

  it('refuses targets that are not whole positive minutes or where engagement exceeds resolution', async () => {
    const bad = { ...defaultSlaTargets, haute: { engagementMinutes: 1.5, resolutionMinutes: 60 } };
    const invalid = await admin.put('/api/admin/sla/targets', { targets: bad });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('validation_failed');
    const inverted = { ...defaultSlaTargets, haute: { engagementMinutes: 600, resolutionMinutes: 60 } };
    const refused = await admin.put('/api/admin/sla/targets', { targets: inverted });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'sla_engagement_after_resolution',
      message:
        'Criticité « Haute » : le délai de prise en charge ne peut pas dépasser le délai de résolution.',
    });
    expect((await agent.get('/api/admin/sla/targets')).json().targets).toEqual(defaultSlaTargets);
  });

  it('only administrators change targets', async () => {
    const response = await agent.put('/api/admin/sla/targets', { targets: defaultSlaTargets });
    expect(response.statusCode).toBe(403);
  });
});

describe('contract overrides (R7)', () => {
  it('a maintenance contract’s own targets apply to its company’s tickets only, until removed', async () => {
    const mine = await companyWithTicket();
    const other = await companyWithTicket();
    const url = `/api/admin/contracts/${mine.acme.maintenance.id}/sla-override`;

    setClock('2026-03-02 09:30');
    const put = await admin.put(url, { targets: { moyenne: { engagementMinutes: 60 } } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      contractId: mine.acme.maintenance.id,
      companyId: mine.acme.company.id,
      override: { moyenne: { engagementMinutes: 60 } },
      effective: {
        moyenne: { engagementMinutes: 60, resolutionMinutes: 4800 },
        haute: defaultSlaTargets.haute,
      },
      recomputedTickets: 1,
    });
    expect(await engagementDueAt(mine.ticketId)).toBe(at('2026-03-02 10:00'));
    expect(await engagementDueAt(other.ticketId)).toBe(at('2026-03-03 08:30'));
    expect((await agent.get(url)).json().override).toEqual({ moyenne: { engagementMinutes: 60 } });

    const removed = await admin.delete(url);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ override: {}, effective: defaultSlaTargets });
    expect(await engagementDueAt(mine.ticketId)).toBe(at('2026-03-03 08:30'));

    const audit = (await admin.get(`/api/admin/sla/audit?subjectId=${mine.acme.maintenance.id}`)).json();
    expect(audit.items.map((item: { action: string }) => item.action)).toEqual([
      'sla.override.deleted',
      'sla.override.updated',
    ]);
    expect(audit.items[0]).toMatchObject({ before: { moyenne: { engagementMinutes: 60 } }, after: null });
  });

  it('refuses a Flex contract and an unknown one', async () => {
    const flexCompany = await createCompany(t.ctx.db, { flex: true });
    const flex = await admin.put(`/api/admin/contracts/${flexCompany.flex?.id}/sla-override`, {
      targets: { critique: { engagementMinutes: 30 } },
    });
    expect(flex.statusCode).toBe(422);
    expect(flex.json().code).toBe('sla_override_needs_maintenance');
    const missing = await admin.get('/api/admin/contracts/00000000-0000-4000-8000-000000000000/sla-override');
    expect(missing.statusCode).toBe(404);
  });
});

describe('business calendar (R8)', () => {
  it('an extra closed day moves the due times of open tickets, in the audit trail', async () => {
    const { ticketId } = await companyWithTicket();
    setClock('2026-03-02 09:30');
    const config = {
      ...defaultCalendarConfig,
      extraClosedDays: [{ date: '2026-03-03', label: 'Inventaire' }],
    };
    const response = await admin.put('/api/admin/calendar', config);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ config, saved: true, updatedBy: staff.admin.id });
    // Tuesday is closed: the remaining 30 minutes run on Wednesday.
    expect(await engagementDueAt(ticketId)).toBe(at('2026-03-04 08:30'));
    const audit = (await admin.get('/api/admin/sla/audit?action=calendar.')).json();
    expect(audit.items[0]).toMatchObject({
      action: 'calendar.updated',
      actor: { id: staff.admin.id },
      after: { extraClosedDays: [{ date: '2026-03-03', label: 'Inventaire' }] },
    });
    const timeline = (await agent.get(`/api/tickets/${ticketId}/timeline`)).json();
    expect(timeline.entries.at(-1)).toMatchObject({
      kind: 'sla_recomputed',
      after: { engagementDueAt: at('2026-03-04 08:30') },
      data: { reason: 'calendar.updated' },
    });
  });

  it('refuses an invalid calendar with the problems in the caller’s language, and keeps the old one', async () => {
    const german = await signedIn(t.app, await createUser(t.ctx.db, { role: 'admin', language: 'de' }));
    const unknownRegion = { ...defaultCalendarConfig, holidayRegion: { country: 'CH', state: 'XX' } };
    const refused = await german.put('/api/admin/calendar', unknownRegion);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'calendar_invalid',
      message:
        'Der Kalender ist nicht gültig: unbekannter Kanton oder unbekannte Region für die Feiertage: XX',
      details: { problems: ['unbekannter Kanton oder unbekannte Region für die Feiertage: XX'] },
    });
    const backwards = {
      ...defaultCalendarConfig,
      weeklyHours: { ...defaultCalendarConfig.weeklyHours, monday: [{ start: 720, end: 480 }] },
    };
    const invalid = await german.put('/api/admin/calendar', backwards);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().fields[0].path).toBe('weeklyHours.monday.0.end');
    const neverOpen = {
      ...defaultCalendarConfig,
      weeklyHours: {
        monday: [],
        tuesday: [],
        wednesday: [],
        thursday: [],
        friday: [],
        saturday: [],
        sunday: [],
      },
    };
    const closedForever = await german.put('/api/admin/calendar', neverOpen);
    expect(closedForever.statusCode).toBe(400);
    expect(closedForever.json().code).toBe('calendar_invalid');
    expect((await agent.get('/api/admin/calendar')).json().config).toEqual(defaultCalendarConfig);
  });

  it('lists holidays in the caller’s language, eves closing at 16:00 and extra closed days', async () => {
    const config = {
      ...defaultCalendarConfig,
      extraClosedDays: [{ date: '2026-04-10', label: 'Inventaire' }],
    };
    expect((await admin.put('/api/admin/calendar', config)).statusCode).toBe(200);
    const german = await signedIn(t.app, await createUser(t.ctx.db, { role: 'agent', language: 'de' }));
    const response = await german.get('/api/admin/calendar/closed-days?from=2026-03-01&to=2026-08-31');
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json();
    expect(items).toEqual(
      expect.arrayContaining([
        { date: '2026-04-02', kind: 'eve', name: 'Vortag von Karfreitag', closesAt: '16:00', hours: null },
        { date: '2026-04-03', kind: 'holiday', name: 'Karfreitag', closesAt: null, hours: null },
        { date: '2026-04-06', kind: 'holiday', name: 'Ostermontag', closesAt: null, hours: null },
        { date: '2026-04-10', kind: 'extra', name: 'Inventaire', closesAt: null, hours: null },
        {
          date: '2026-05-13',
          kind: 'eve',
          name: expect.stringContaining('Auffahrt'),
          closesAt: '16:00',
          hours: null,
        },
        { date: '2026-07-31', kind: 'eve', name: expect.any(String), closesAt: '16:00', hours: null },
      ]),
    );
    // Easter Monday's eve is a Sunday: nothing closes early that day.
    expect(items.find((item: { date: string }) => item.date === '2026-04-05')?.kind).toBe('holiday');
    expect(items.map((item: { date: string }) => item.date)).toEqual(
      [...items.map((item: { date: string }) => item.date)].sort(),
    );

    setClock('2026-11-15 10:00');
    const nextYear = (await admin.get('/api/admin/calendar/closed-days')).json();
    expect(nextYear).toMatchObject({ from: '2026-11-15', to: '2027-11-14' });
    expect(nextYear.items).toEqual(
      expect.arrayContaining([
        { date: '2026-12-24', kind: 'eve', name: 'Veille de Noël', closesAt: '16:00', hours: null },
        { date: '2026-12-25', kind: 'holiday', name: 'Noël', closesAt: null, hours: null },
      ]),
    );
    const tooLong = await admin.get('/api/admin/calendar/closed-days?from=2026-01-01&to=2035-01-01');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().code).toBe('closed_days_range_invalid');
  });
});
