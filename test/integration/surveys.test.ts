import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSurveySettings } from '../../src/app/surveys/survey-settings';
import { changeStatus } from '../../src/app/tickets/change-status';
import { closeTicket } from '../../src/app/tickets/close-ticket';
import { runDueTimers } from '../../src/app/timers/index';
import { outbox, satisfactionSurveys, storedMails, tickets } from '../../src/db/schema/index';
import { dispatchOutbox } from '../../src/mail/dispatch';
import { type TestApp, TestClient, testApp } from '../support/app';
import { actorOf, createCompany, createStaff, openTicket, type TestCompany } from '../support/factories';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
let acme: TestCompany;
let globex: TestCompany;
let agent: TestClient;
let customer: TestClient;
let colleague: TestClient;
let stranger: TestClient;
let admin: TestClient;

beforeAll(async () => {
  t = await testApp();
  staff = await createStaff(t.ctx.db);
  acme = await createCompany(t.ctx.db);
  globex = await createCompany(t.ctx.db);
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
  customer = new TestClient(t.app);
  await customer.login(acme.customer.email);
  colleague = new TestClient(t.app);
  await colleague.login(acme.manager.email);
  stranger = new TestClient(t.app);
  await stranger.login(globex.customer.email);
  admin = new TestClient(t.app);
  await admin.login(staff.admin.email);
});
afterAll(() => t.close());

/** A ticket of Acme's customer, handled by the agent and closed by them: the survey's token from the mail. */
async function closedByAgent(): Promise<{ id: string; token: string }> {
  const ticket = await openTicket(t.ctx, acme.customer, {
    status: 'in_progress',
    assigneeId: staff.agent.id,
  });
  const closed = await agent.post(`/api/tickets/${ticket.id}/close`, { reason: 'solution_delivered' });
  expect(closed.statusCode, closed.body).toBe(200);
  const [mail] = await t.ctx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.ticketId, ticket.id), eq(outbox.template, 'ticket.status_changed')));
  const token = mail?.params.surveyToken;
  if (typeof token !== 'string') throw new Error('the closing mail carries no survey token');
  return { id: ticket.id, token };
}

const timelineOf = async (client: TestClient, ticketId: string) =>
  (await client.get(`/api/tickets/${ticketId}/timeline`)).json().entries as {
    kind: string;
    summary: string;
    details: string[];
  }[];

describe('satisfaction surveys', () => {
  it('closing invites the customer who opened the ticket; only the hash of the link token is kept', async () => {
    const { id, token } = await closedByAgent();
    const [survey] = await t.ctx.db
      .select()
      .from(satisfactionSurveys)
      .where(eq(satisfactionSurveys.ticketId, id));
    expect(survey).toMatchObject({ requesterId: acme.customer.id, agentId: staff.agent.id, score: null });
    expect(JSON.stringify(survey)).not.toContain(token);
    const rendered = await t.ctx.mail.previewTicketMail(t.ctx.db, {
      template: 'ticket.status_changed',
      ticketId: id,
      publicUrl: t.ctx.publicUrl,
      language: 'fr',
      params: { from: 'in_progress', to: 'closed', closeReason: 'solution_delivered', surveyToken: token },
    });
    expect(rendered?.text).toContain(`/survey/${token}`);
    expect(rendered?.text).toContain('Donner mon avis');
  });

  it('answers once from the mail link without signing in; a second answer is refused with 409', async () => {
    const { id, token } = await closedByAgent();
    const anonymous = new TestClient(t.app);
    const shown = await anonymous.get(`/api/surveys/link?token=${encodeURIComponent(token)}`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({ ticketId: id, canAnswer: true, score: null });

    const answered = await anonymous.post('/api/surveys/link', {
      token,
      score: 4,
      comment: 'Rapide et clair',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ score: 4, comment: 'Rapide et clair', canAnswer: false });

    const again = await anonymous.post('/api/surveys/link', { token, score: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('survey_already_answered');
    const fromPortal = await customer.post(`/api/tickets/${id}/survey`, { score: 2 });
    expect(fromPortal.statusCode).toBe(409);

    const wrong = await anonymous.get('/api/surveys/link?token=not-a-token');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe('survey_link_invalid');
  });

  it('answers from the portal within the company only, and writes a public timeline sentence', async () => {
    const { id } = await closedByAgent();
    const foreign = await stranger.post(`/api/tickets/${id}/survey`, { score: 1 });
    expect(foreign.statusCode).toBe(404);
    expect((await stranger.get(`/api/tickets/${id}/survey`)).statusCode).toBe(404);
    expect((await agent.post(`/api/tickets/${id}/survey`, { score: 5 })).statusCode).toBe(403);
    expect((await colleague.post(`/api/tickets/${id}/survey`, { score: 6 })).statusCode).toBe(400);

    const shown = (await colleague.get(`/api/tickets/${id}/survey`)).json();
    expect(shown.survey).toMatchObject({ canAnswer: true, score: null });
    const answered = await colleague.post(`/api/tickets/${id}/survey`, { score: 2, comment: 'Trop lent' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().survey).toMatchObject({ score: 2, canAnswer: false });

    for (const client of [customer, agent]) {
      const entry = (await timelineOf(client, id)).find((e) => e.kind === 'survey_answered');
      expect(entry?.summary).toBe(`${acme.manager.name} a évalué le traitement de la demande : 2 sur 5`);
      expect(entry?.details).toEqual(['Commentaire : Trop lent']);
    }
  });

  it('a ticket still open has no survey to answer', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'in_progress' });
    expect((await customer.get(`/api/tickets/${ticket.id}/survey`)).json()).toEqual({ survey: null });
    expect((await customer.post(`/api/tickets/${ticket.id}/survey`, { score: 3 })).statusCode).toBe(403);
  });

  it('the dashboard gives the count and mean score per desk, criticality, agent and company, with the comments', async () => {
    const before = (await agent.get('/api/dashboard/satisfaction')).json();
    const scores = [5, 3];
    const closed: { id: string; key: string; desk: string; criticality: string }[] = [];
    for (const [i, score] of scores.entries()) {
      const { id, token } = await closedByAgent();
      t.clock.advance(1000); // each answer a second after the previous one: the newest comes first
      const answer = { token, score, comment: `Avis ${i} ${id}` };
      expect((await new TestClient(t.app).post('/api/surveys/link', answer)).statusCode).toBe(200);
      const [ticket] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, id));
      if (!ticket) throw new Error('ticket missing');
      closed.push(ticket);
    }
    const after = (await agent.get('/api/dashboard/satisfaction?days=30')).json();
    expect(after.days).toBe(30);
    type Row = { answers: number; averageScore: number };
    const grown = (rowsBefore: Row[], rowsAfter: Row[], find: (r: Row) => boolean) => {
      const was = rowsBefore.find(find) ?? { answers: 0, averageScore: 0 };
      const now = rowsAfter.find(find);
      const total = was.answers + scores.length;
      expect(now?.answers).toBe(total);
      expect(now?.averageScore).toBeCloseTo((was.averageScore * was.answers + 5 + 3) / total, 2);
    };
    const [first] = closed;
    if (!first) throw new Error('no ticket');
    const desk = (r: Row) => (r as Row & { desk: string }).desk === first.desk;
    const criticality = (r: Row) => (r as Row & { criticality: string }).criticality === first.criticality;
    const byId = (id: string) => (r: Row) => (r as Row & { id: string }).id === id;
    grown(before.byDesk, after.byDesk, desk);
    grown(before.byCriticality, after.byCriticality, criticality);
    grown(before.byAgent, after.byAgent, byId(staff.agent.id));
    grown(before.byCompany, after.byCompany, byId(acme.company.id));
    expect(after.byDesk.find(desk).deskLabel).toBe('Demandes au support');
    expect(after.byCriticality.find(criticality).criticalityLabel).toEqual(expect.any(String));
    expect(after.byAgent.find(byId(staff.agent.id)).name).toBe(staff.agent.name);
    expect(after.byCompany.some(byId(globex.company.id))).toBe(false);
    // The latest comments, newest first, with the ticket's key and score.
    expect(after.comments.slice(0, 2)).toEqual(
      [...closed].reverse().map((ticket, i) => ({
        ticketId: ticket.id,
        ticketKey: ticket.key,
        score: scores[scores.length - 1 - i],
        comment: `Avis ${scores.length - 1 - i} ${ticket.id}`,
        answeredAt: expect.any(String),
      })),
    );

    expect((await customer.get('/api/dashboard/satisfaction')).statusCode).toBe(403);
    expect((await agent.get('/api/dashboard/satisfaction?days=60')).statusCode).toBe(400);
  });

  it('the period counts the answers of the last 30 or of the last 90 days', async () => {
    const { id, token } = await closedByAgent();
    const answer = { token, score: 1, comment: `Ancien avis ${id}` };
    expect((await new TestClient(t.app).post('/api/surveys/link', answer)).statusCode).toBe(200);
    const ago = (days: number) => new Date(t.clock.now().getTime() - days * 86_400_000);
    const of = async (days: number) => (await agent.get(`/api/dashboard/satisfaction?days=${days}`)).json();
    const agentRow = (s: { byAgent: { id: string; answers: number }[] }) =>
      s.byAgent.find((r) => r.id === staff.agent.id)?.answers ?? 0;
    const [in30, in90] = [await of(30), await of(90)];
    await t.ctx.db
      .update(satisfactionSurveys)
      .set({ answeredAt: ago(45) })
      .where(eq(satisfactionSurveys.ticketId, id));
    const [out30, still90] = [await of(30), await of(90)];
    expect(agentRow(out30)).toBe(agentRow(in30) - 1);
    expect(agentRow(still90)).toBe(agentRow(in90));
    expect(out30.comments.map((c: { ticketId: string }) => c.ticketId)).not.toContain(id);
    expect(still90.comments.map((c: { ticketId: string }) => c.ticketId)).toContain(id);
    await t.ctx.db
      .update(satisfactionSurveys)
      .set({ answeredAt: ago(95) })
      .where(eq(satisfactionSurveys.ticketId, id));
    expect(agentRow(await of(90))).toBe(agentRow(in90) - 1);
  });

  it('admins turn surveys off: a closing then issues no survey, no link in its mail, no portal prompt', async () => {
    expect((await admin.get('/api/admin/settings/surveys')).json()).toEqual({
      enabled: true,
      afterAutomaticClosing: true,
    });
    expect(
      (await agent.put('/api/admin/settings/surveys', { enabled: false, afterAutomaticClosing: true }))
        .statusCode,
    ).toBe(403);
    expect((await admin.put('/api/admin/settings/surveys', { enabled: 'no' })).statusCode).toBe(400);
    const off = await admin.put('/api/admin/settings/surveys', {
      enabled: false,
      afterAutomaticClosing: true,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await agent.get('/api/admin/settings/surveys')).json().enabled).toBe(false);
    try {
      const ticket = await openTicket(t.ctx, acme.customer, {
        status: 'in_progress',
        assigneeId: staff.agent.id,
      });
      const closed = await agent.post(`/api/tickets/${ticket.id}/close`, { reason: 'solution_delivered' });
      expect(closed.statusCode, closed.body).toBe(200);
      const mails = await t.ctx.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.ticketId, ticket.id), eq(outbox.template, 'ticket.status_changed')));
      expect(mails.map((m) => m.recipient)).toEqual([acme.customer.email]);
      expect(mails[0]?.params.to).toBe('closed');
      expect(mails[0]?.params.surveyToken).toBeUndefined();
      const surveys = await t.ctx.db
        .select()
        .from(satisfactionSurveys)
        .where(eq(satisfactionSurveys.ticketId, ticket.id));
      expect(surveys).toEqual([]);
      expect((await customer.get(`/api/tickets/${ticket.id}/survey`)).json()).toEqual({ survey: null });
      expect((await customer.post(`/api/tickets/${ticket.id}/survey`, { score: 3 })).statusCode).toBe(404);
    } finally {
      await admin.put('/api/admin/settings/surveys', { enabled: true, afterAutomaticClosing: true });
    }
    const { token } = await closedByAgent();
    expect(token).toBeTruthy();
  });
});

describe('R9: the automatic closing invites to the survey', () => {
  const day = 86_400_000;

  /** The worker's passes at `instant`: due timers, then the outbox (reminders count once sent). */
  async function workerAt(instant: number) {
    t.clock.set(new Date(instant));
    await runDueTimers(t.ctx);
    await runDueTimers(t.ctx);
    await dispatchOutbox(t.ctx);
  }

  // Runs last in this file: the clock moves weeks ahead, past the other tests' sessions.
  it("the worker's closing mail carries the requester's survey link, which answers the survey", async () => {
    const t0 = Date.parse('2026-04-01T08:00:00Z');
    t.clock.set(new Date(t0));
    const ticket = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    await changeStatus(t.ctx, actorOf(staff.agent), ticket.id, { status: 'waiting_customer' });
    for (const after of [10, 15, 20]) await workerAt(t0 + after * day);

    const closings = await t.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.ticketId, ticket.id), eq(outbox.template, 'ticket.closed')));
    expect(closings.map((m) => m.recipient)).toEqual([acme.customer.email]);
    const [closing] = closings;
    const token = closing?.params.surveyToken;
    if (typeof token !== 'string') throw new Error('the automatic closing mail carries no survey token');
    expect(closing?.status).toBe('sent');
    const [mail] = await t.ctx.db
      .select()
      .from(storedMails)
      .where(eq(storedMails.outboxId, closing?.id ?? 0));
    expect(mail?.text).toContain(`/survey/${token}`);
    expect(mail?.text).toContain('Donner mon avis');
    expect(mail?.html).toContain(`/survey/${token}`);

    const [survey] = await t.ctx.db
      .select()
      .from(satisfactionSurveys)
      .where(eq(satisfactionSurveys.ticketId, ticket.id));
    expect(survey).toMatchObject({ requesterId: acme.customer.id, agentId: staff.agent.id, score: null });

    const anonymous = new TestClient(t.app);
    const answered = await anonymous.post('/api/surveys/link', { token, score: 3, comment: 'Oublié' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ ticketId: ticket.id, score: 3, canAnswer: false });
  });

  // After the test above: the clock is weeks ahead, so the settings are changed without a session.
  it('off for automatic closings: the worker closes without a survey, a closing by staff still invites', async () => {
    await saveSurveySettings(t.ctx, actorOf(staff.admin), { enabled: true, afterAutomaticClosing: false });
    try {
      const t0 = t.clock.now().getTime();
      const waiting = await openTicket(t.ctx, acme.customer, {
        status: 'in_progress',
        assigneeId: staff.agent.id,
      });
      await changeStatus(t.ctx, actorOf(staff.agent), waiting.id, { status: 'waiting_customer' });
      const handled = await openTicket(t.ctx, acme.customer, {
        status: 'in_progress',
        assigneeId: staff.agent.id,
      });
      await closeTicket(t.ctx, actorOf(staff.agent), handled.id, { reason: 'solution_delivered' });
      for (const after of [10, 15, 20]) await workerAt(t0 + after * day);

      const [closing, ...others] = await t.ctx.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.ticketId, waiting.id), eq(outbox.template, 'ticket.closed')));
      expect(others).toEqual([]);
      expect(closing?.status).toBe('sent');
      expect(closing?.params.surveyToken).toBeUndefined();
      const [mail] = await t.ctx.db
        .select()
        .from(storedMails)
        .where(eq(storedMails.outboxId, closing?.id ?? 0));
      expect(mail?.text).not.toContain('/survey/');
      const surveyed = await t.ctx.db
        .select({ ticketId: satisfactionSurveys.ticketId })
        .from(satisfactionSurveys);
      const ids = surveyed.map((s) => s.ticketId);
      expect(ids).not.toContain(waiting.id);
      expect(ids).toContain(handled.id);
    } finally {
      await saveSurveySettings(t.ctx, actorOf(staff.admin), { enabled: true, afterAutomaticClosing: true });
    }
  });
});
