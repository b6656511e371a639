import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSurveySettings } from '../../src/app/surveys/survey-settings';
import { changeStatus } from '../../src/app/tickets/change-status';
import { closeTicket } from '../../src/app/tickets/close-ticket';
import { runDueTimers } from '../../src/app/timers/index';
import { outbox, satisfactionSurveys, storedMails } from '../../src/db/schema/index';
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

  it('the dashboard gives the count and mean score per agent and per company', async () => {
    const before = (await agent.get('/api/dashboard')).json().satisfaction;
    const agentBefore = before.byAgent.find(
      (f: { days: number; id: string }) => f.days === 30 && f.id === staff.agent.id,
    ) ?? { answers: 0, averageScore: 0 };
    const scores = [5, 3];
    for (const score of scores) {
      const { token } = await closedByAgent();
      expect((await new TestClient(t.app).post('/api/surveys/link', { token, score })).statusCode).toBe(200);
    }
    const after = (await agent.get('/api/dashboard')).json().satisfaction;
    const total = agentBefore.answers + scores.length;
    const sum = agentBefore.averageScore * agentBefore.answers + 5 + 3;
    for (const days of [30, 90]) {
      const byAgent = after.byAgent.find(
        (f: { days: number; id: string }) => f.days === days && f.id === staff.agent.id,
      );
      expect(byAgent).toMatchObject({ name: staff.agent.name, answers: total });
      expect(byAgent.averageScore).toBeCloseTo(sum / total, 2);
      const byCompany = after.byCompany.find(
        (f: { days: number; id: string }) => f.days === days && f.id === acme.company.id,
      );
      expect(byCompany).toMatchObject({ name: acme.company.name, answers: total });
    }
    expect(after.byCompany.some((f: { id: string }) => f.id === globex.company.id)).toBe(false);
    expect((await customer.get('/api/dashboard')).statusCode).toBe(403);
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
