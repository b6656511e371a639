import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketMessages, tickets } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, createUser, openTicket, type TestCompany } from '../support/factories';
import { mailsOf } from '../support/rows';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
let acme: TestCompany;
let agent: TestClient;
let consultant: TestClient;
let customer: TestClient;

beforeAll(async () => {
  t = await testApp();
  staff = await createStaff(t.ctx.db);
  acme = await createCompany(t.ctx.db, { language: 'de' });
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
  consultant = new TestClient(t.app);
  await consultant.login(staff.consultant.email);
  customer = new TestClient(t.app);
  await customer.login(acme.customer.email);
});
afterAll(() => t.close());

const kinds = (entries: { kind: string }[]) => entries.map((e) => e.kind);

describe('R5 qualification', () => {
  it('refuses a change of criticality without a reason, and changes nothing', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { criticality: 'critique' });
    const response = await agent.post(`/api/tickets/${ticket.id}/qualify`, { criticality: 'basse' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('reason_required');
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row).toMatchObject({ criticality: 'critique', status: 'open' });
  });

  it('lowering with a reason: one public timeline entry and exactly one mail to the customer, in their language', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { criticality: 'critique' });
    const mailsBefore = (await mailsOf(t.ctx.db, ticket.id)).length;
    const response = await agent.post(`/api/tickets/${ticket.id}/qualify`, {
      criticality: 'moyenne',
      reason: 'A workaround exists through the manual export.',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().ticket).toMatchObject({ criticality: 'moyenne', status: 'qualified' });
    const mails = (await mailsOf(t.ctx.db, ticket.id)).slice(mailsBefore);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      template: 'ticket.criticality_lowered',
      recipient: acme.customer.email,
      language: 'de',
      params: {
        ticketId: ticket.id,
        from: 'critique',
        to: 'moyenne',
        reason: 'A workaround exists through the manual export.',
      },
    });
    const timeline = (await customer.get(`/api/tickets/${ticket.id}/timeline`)).json().entries;
    const changes = timeline.filter((e: { kind: string }) => e.kind === 'criticality_changed');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      visibility: 'public',
      before: { criticality: 'critique' },
      after: { criticality: 'moyenne' },
      data: { reason: 'A workaround exists through the manual export.' },
      actor: { id: staff.agent.id },
    });
  });

  it('raising needs a reason too, is public, and sends no criticality mail', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { criticality: 'basse', status: 'qualified' });
    expect((await agent.post(`/api/tickets/${ticket.id}/qualify`, { criticality: 'haute' })).statusCode).toBe(
      400,
    );
    const ok = await agent.post(`/api/tickets/${ticket.id}/qualify`, {
      criticality: 'haute',
      reason: 'Payroll blocked',
    });
    expect(ok.json().ticket).toMatchObject({ criticality: 'haute', status: 'qualified' });
    const templates = (await mailsOf(t.ctx.db, ticket.id)).map((m) => m.template);
    expect(templates).toEqual(['ticket.received']);
  });

  it('qualifying without changes moves open → qualified and mails the status change', async () => {
    const ticket = await openTicket(t.ctx, acme.customer);
    const response = await agent.post(`/api/tickets/${ticket.id}/qualify`, {});
    expect(response.json().ticket.status).toBe('qualified');
    const templates = (await mailsOf(t.ctx.db, ticket.id)).map((m) => m.template);
    expect(templates).toEqual(['ticket.received', 'ticket.status_changed']);
  });

  it('is for staff of the desk: customers get 403, consultants on a support ticket get wrong_desk', async () => {
    const ticket = await openTicket(t.ctx, acme.customer);
    expect((await customer.post(`/api/tickets/${ticket.id}/qualify`, {})).statusCode).toBe(403);
    const response = await consultant.post(`/api/tickets/${ticket.id}/qualify`, {});
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('wrong_desk');
  });
});

describe('taking, assigning, transferring', () => {
  it('take: assigns to me and moves qualified → in_progress', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'qualified' });
    const response = await agent.post(`/api/tickets/${ticket.id}/take`);
    expect(response.json().ticket).toMatchObject({ status: 'in_progress', assignee: { id: staff.agent.id } });
  });

  it('take refuses an open ticket: it must be qualified first', async () => {
    const ticket = await openTicket(t.ctx, acme.customer);
    const response = await agent.post(`/api/tickets/${ticket.id}/take`);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('transition_not_allowed');
  });

  it('assign: only to active staff of the ticket desk; internal entry', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'qualified' });
    const colleague = await createUser(t.ctx.db, { role: 'agent' });
    expect(
      (await agent.post(`/api/tickets/${ticket.id}/assign`, { assigneeId: staff.consultant.id })).json().code,
    ).toBe('assignee_not_eligible');
    expect(
      (await agent.post(`/api/tickets/${ticket.id}/assign`, { assigneeId: acme.customer.id })).json().code,
    ).toBe('assignee_not_eligible');
    const ok = await agent.post(`/api/tickets/${ticket.id}/assign`, { assigneeId: colleague.id });
    expect(ok.json().ticket.assignee.id).toBe(colleague.id);
    const staffTimeline = (await agent.get(`/api/tickets/${ticket.id}/timeline`)).json().entries;
    expect(staffTimeline.find((e: { kind: string }) => e.kind === 'assigned')).toMatchObject({
      visibility: 'internal',
      after: { assigneeId: colleague.id },
    });
    const customerTimeline = (await customer.get(`/api/tickets/${ticket.id}/timeline`)).json().entries;
    expect(kinds(customerTimeline)).not.toContain('assigned');
  });

  it('transfer to consulting: moves desk, keeps the key, unassigns; a consultant takes it', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    const moved = (
      await agent.post(`/api/tickets/${ticket.id}/transfer-consulting`, { note: 'Projet ERP en cours.' })
    ).json().ticket;
    expect(moved).toMatchObject({
      desk: 'consulting',
      status: 'transferred_consulting',
      key: ticket.key,
      assignee: null,
    });
    expect((await agent.post(`/api/tickets/${ticket.id}/take`)).json().code).toBe('wrong_desk');
    const taken = (await consultant.post(`/api/tickets/${ticket.id}/take`)).json().ticket;
    expect(taken).toMatchObject({ status: 'in_progress', assignee: { id: staff.consultant.id } });
  });

  it('status: RPC and SPC references are required and kept', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'in_progress' });
    const missing = await agent.post(`/api/tickets/${ticket.id}/status`, { status: 'waiting_development' });
    expect(missing.json().code).toBe('rpc_reference_required');
    const rpc = await agent.post(`/api/tickets/${ticket.id}/status`, {
      status: 'waiting_development',
      rpcReference: 'RPC-4711',
    });
    expect(rpc.json().ticket).toMatchObject({ status: 'waiting_development', rpcReference: 'RPC-4711' });
    const spc = await agent.post(`/api/tickets/${ticket.id}/status`, {
      status: 'transferred_development',
      spcReference: 'SPC-99',
    });
    expect(spc.json().ticket).toMatchObject({ status: 'transferred_development', spcReference: 'SPC-99' });
  });

  it('close: customers close as closed_by_customer, and closed is final', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'in_progress' });
    const bad = await customer.post(`/api/tickets/${ticket.id}/close`, { reason: 'solution_delivered' });
    expect(bad.json().code).toBe('close_reason_not_allowed');
    const closed = (await customer.post(`/api/tickets/${ticket.id}/close`, {})).json().ticket;
    expect(closed).toMatchObject({
      status: 'closed',
      closeReason: 'closed_by_customer',
      closedAt: expect.any(String),
    });
    const again = await agent.post(`/api/tickets/${ticket.id}/status`, { status: 'in_progress' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ticket_is_closed');
  });
});

describe('messages', () => {
  it('a public answer is mailed to the customer; an internal note is never shown or mailed to them', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'in_progress' });
    const mailsBefore = (await mailsOf(t.ctx.db, ticket.id)).length;
    const secret = 'SECRET-NOTE customer is on a payment plan';
    expect(
      (await agent.post(`/api/tickets/${ticket.id}/messages`, { body: secret, visibility: 'internal' }))
        .statusCode,
    ).toBe(201);
    const answer = await agent.post(`/api/tickets/${ticket.id}/messages`, {
      body: 'Please try version 14.3.',
    });
    expect(answer.statusCode).toBe(201);
    const mails = (await mailsOf(t.ctx.db, ticket.id)).slice(mailsBefore);
    expect(mails.map((m) => m.template)).toEqual(['ticket.public_answer']);
    expect(JSON.stringify(mails)).not.toContain('SECRET-NOTE');
    const forCustomer = await customer.get(`/api/tickets/${ticket.id}/timeline`);
    expect(forCustomer.body).not.toContain('SECRET-NOTE');
    expect(kinds(forCustomer.json().entries)).toEqual(['created', 'message']);
    const forStaff = (await agent.get(`/api/tickets/${ticket.id}/timeline`)).json().entries;
    expect(forStaff.find((e: { kind: string }) => e.kind === 'internal_note').message.body).toBe(secret);
  });

  it('customers cannot write internal notes', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'in_progress' });
    const response = await customer.post(`/api/tickets/${ticket.id}/messages`, {
      body: 'x',
      visibility: 'internal',
    });
    expect(response.statusCode).toBe(403);
  });

  it('a customer reply brings waiting_customer back to in_progress', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, { status: 'waiting_customer' });
    const response = await customer.post(`/api/tickets/${ticket.id}/messages`, {
      body: 'Here are the logs.',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().ticket.status).toBe('in_progress');
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row?.lastCustomerActivityAt?.toISOString()).toBe(t.clock.now().toISOString());
    // The author is the creator: no mail about their own doing (the support desk is told of the reply).
    const toCustomer = (await mailsOf(t.ctx.db, ticket.id)).filter(
      (m) => m.recipient === acme.customer.email,
    );
    expect(toCustomer.map((m) => m.template)).toEqual(['ticket.received']);
  });

  it('R10: a reply to a closed ticket → 409 with a link, kept as refused, one auto-answer, nothing for staff', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, {
      status: 'closed',
      assigneeId: staff.agent.id,
    });
    const mailsBefore = (await mailsOf(t.ctx.db, ticket.id)).length;
    const response = await customer.post(`/api/tickets/${ticket.id}/messages`, { body: 'It happens again!' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'ticket_closed',
      message: expect.stringMatching(/neue Anfrage/),
      details: { newTicketUrl: `/tickets/new?linkedTo=${ticket.id}`, linkedTicketId: ticket.id },
    });
    const stored = await t.ctx.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticket.id));
    expect(stored).toMatchObject([{ body: 'It happens again!', refused: true }]);
    const mails = (await mailsOf(t.ctx.db, ticket.id)).slice(mailsBefore);
    expect(mails.map((m) => [m.template, m.recipient])).toEqual([
      ['ticket.closed_auto_answer', acme.customer.email],
    ]);
    const forCustomer = await customer.get(`/api/tickets/${ticket.id}/timeline`);
    expect(forCustomer.body).not.toContain('It happens again!');
    const forStaff = (await agent.get(`/api/tickets/${ticket.id}/timeline`)).json().entries;
    expect(forStaff.find((e: { kind: string }) => e.kind === 'refused_reply')).toMatchObject({
      visibility: 'internal',
    });

    // Staff replying to a closed ticket are refused the same way, and get no auto-answer.
    const staffReply = await agent.post(`/api/tickets/${ticket.id}/messages`, { body: 'Late answer' });
    expect(staffReply.statusCode).toBe(409);
    expect((await mailsOf(t.ctx.db, ticket.id)).slice(mailsBefore)).toHaveLength(1);

    // The portal's offer: a new ticket linked to the closed one.
    const linked = await customer.post('/api/tickets', {
      ...(await import('../support/factories').then((m) => m.ticketInput(t.ctx.db))),
      linkedTicketId: ticket.id,
    });
    expect(linked.statusCode).toBe(201);
    expect(linked.json().ticket.linkedTicketId).toBe(ticket.id);
  });
});
