import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, ticketMessages, tickets } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff, createUser, openTicket, type TestCompany } from '../support/factories';
import { mailsOf } from '../support/rows';

let t: TestApp;
let staff: Awaited<ReturnType<typeof createStaff>>;
let secondConsultant: Awaited<ReturnType<typeof createUser>>;
let acme: TestCompany;
let agent: TestClient;
let consultant: TestClient;

beforeAll(async () => {
  t = await testApp();
  staff = await createStaff(t.ctx.db);
  secondConsultant = await createUser(t.ctx.db, { role: 'consultant', language: 'de' });
  acme = await createCompany(t.ctx.db, { language: 'de' });
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
  consultant = new TestClient(t.app);
  await consultant.login(staff.consultant.email);
});
afterAll(() => t.close());

const transfer = (id: string, body: unknown) => agent.post(`/api/tickets/${id}/transfer-consulting`, body);

describe('transfer to Consulting (R6)', () => {
  it('refuses a transfer without a note to the consultants, and changes nothing', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    const mailsBefore = await mailsOf(t.ctx.db, ticket.id);
    const response = await transfer(ticket.id, { note: '   ' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('transfer_note_required');
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row).toMatchObject({ status: 'in_progress', desk: 'support' });
    expect(await mailsOf(t.ctx.db, ticket.id)).toEqual(mailsBefore);
  });

  it('keeps the note internal, tells every consultant in the app and by mail, and the customer by one mail', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    const response = await transfer(ticket.id, {
      note: 'Lié au projet de migration ERP : facturable.',
      customerMessage: 'Votre demande passe à notre équipe Consulting.',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().ticket).toMatchObject({ desk: 'consulting', status: 'transferred_consulting' });

    const messages = await t.ctx.db
      .select()
      .from(ticketMessages)
      .where(eq(ticketMessages.ticketId, ticket.id));
    expect(messages.map((m) => [m.visibility, m.body]).sort()).toEqual([
      ['internal', 'Lié au projet de migration ERP : facturable.'],
      ['public', 'Votre demande passe à notre équipe Consulting.'],
    ]);

    const notices = await t.ctx.db.select().from(notifications).where(eq(notifications.ticketId, ticket.id));
    expect(notices.map((n) => n.userId).sort()).toEqual([staff.consultant.id, secondConsultant.id].sort());
    expect(notices.every((n) => n.kind === 'transferred')).toBe(true);

    const mails = await mailsOf(t.ctx.db, ticket.id);
    const staffMails = mails.filter((m) => m.template === 'staff.notice');
    expect(staffMails.map((m) => m.recipient).sort()).toEqual(
      [staff.consultant.email, secondConsultant.email].sort(),
    );
    const customerMails = mails.filter(
      (m) => m.recipient === acme.customer.email && m.template !== 'ticket.received',
    );
    expect(customerMails.map((m) => m.template)).toEqual(['ticket.public_answer']);

    const bell = (await consultant.get('/api/notifications')).json();
    expect(bell.unread).toBe(1);
    expect(bell.items[0]).toMatchObject({
      kind: 'transferred',
      ticket: { id: ticket.id, key: ticket.key },
      actorName: staff.agent.name,
      excerpt: 'Lié au projet de migration ERP : facturable.',
      read: false,
    });
  });

  it('without a message to the customer, the customer gets the status mail and never the note', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    expect((await transfer(ticket.id, { note: 'Projet en cours.' })).statusCode).toBe(200);
    const customerMails = (await mailsOf(t.ctx.db, ticket.id)).filter(
      (m) => m.recipient === acme.customer.email && m.template !== 'ticket.received',
    );
    expect(customerMails.map((m) => m.template)).toEqual(['ticket.status_changed']);
    const timeline = (await agent.get(`/api/tickets/${ticket.id}/timeline`)).json().entries;
    expect(timeline.some((e: { message?: { body: string } }) => e.message?.body === 'Projet en cours.')).toBe(
      true,
    );
  });

  it('a consultant who turned the "transferred" mail off still sees the notice, without a mail; turned on, the mail goes out', async () => {
    const own = new TestClient(t.app);
    await own.login(secondConsultant.email);
    const everyKind = {
      customer_reply: true,
      assigned: true,
      mention: true,
      transferred: true,
      sla_warning: true,
    };
    const choose = async (transferred: boolean) => {
      const saved = await own.put('/api/profile/notifications', {
        mail: { ...everyKind, transferred },
        digest: false,
        statusMails: 'every_change',
      });
      expect(saved.statusCode, saved.body).toBe(200);
    };
    const transferFresh = async () => {
      const ticket = await openTicket(t.ctx, acme.customer, {
        status: 'in_progress',
        assigneeId: staff.agent.id,
      });
      expect((await transfer(ticket.id, { note: 'Pour le projet.' })).statusCode).toBe(200);
      const notices = await t.ctx.db
        .select()
        .from(notifications)
        .where(eq(notifications.ticketId, ticket.id));
      const staffMails = (await mailsOf(t.ctx.db, ticket.id)).filter((m) => m.template === 'staff.notice');
      return {
        ticket,
        noticed: notices.map((n) => n.userId).sort(),
        mailed: staffMails.map((m) => m.recipient).sort(),
      };
    };
    const both = [staff.consultant.id, secondConsultant.id].sort();

    await choose(false);
    const quiet = await transferFresh();
    expect(quiet.noticed).toEqual(both);
    expect(quiet.mailed).toEqual([staff.consultant.email]);
    const bell = (await own.get('/api/notifications')).json();
    // The clock is frozen: notices share their time, so the bell's order among them is not asserted.
    const shown = bell.items.filter((n: { ticket: { id: string } }) => n.ticket.id === quiet.ticket.id);
    expect(shown.map((n: { kind: string }) => n.kind)).toEqual(['transferred']);

    await choose(true);
    const mailed = await transferFresh();
    expect(mailed.noticed).toEqual(both);
    expect(mailed.mailed).toEqual([staff.consultant.email, secondConsultant.email].sort());
  });
});
