import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueMail } from '../../src/app/outbox';
import { attachments, notifications, outbox } from '../../src/db/schema/index';
import { replyAddress } from '../../src/mail/reply-token';
import { mailFixture } from '../fixtures/mail/load';
import { type TestApp, TestClient, testApp } from '../support/app';
import {
  createCompany,
  createStaff,
  createUser,
  openTicket,
  type TestCompany,
  ticketFor,
} from '../support/factories';
import { inboundRow, mailsOf, messagesOf, ticketRow } from '../support/rows';

const webhookToken = 'inbound-webhook-token-0123456789';
let t: TestApp;
let acme: TestCompany;
let other: TestCompany;
let staff: Awaited<ReturnType<typeof createStaff>>;
let n = 0;
const messageId = () => `m${++n}-${Date.now()}@client.example`;

beforeAll(async () => {
  t = await testApp({
    env: { INBOUND_WEBHOOK_TOKEN: webhookToken, INBOUND_TRUSTED_AUTHSERV_ID: 'mx.guichet.test' },
  });
  acme = await createCompany(t.ctx.db);
  other = await createCompany(t.ctx.db);
  staff = await createStaff(t.ctx.db);
});
afterAll(() => t.close());

const tokenFor = (ticketId: string) => replyAddress(t.ctx.config.secret, ticketId, 'guichet.local');

const post = (raw: Buffer, token = webhookToken) =>
  t.app.inject({
    method: 'POST',
    url: '/api/inbound/mail',
    headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${token}` },
    payload: raw,
  });

describe('inbound mail: the new text of each mail program lands on the ticket', () => {
  // A mail with an HTML part arrives as Markdown converted from it; one with text only, as plain text.
  const cases: [string, string, 'markdown' | 'plain'][] = [
    ['outlook-reply', 'Bonjour,\n\nLe problème est résolu après la mise à jour, merci.', 'markdown'],
    [
      'gmail-reply',
      "Merci, cela fonctionne de nouveau.\nJe vous confirme que l'export du 1er mars est complet.",
      'markdown',
    ],
    ['thunderbird-reply', 'Guten Tag\n\nDer Fehler tritt nur bei Mandant 02 auf.', 'markdown'],
    ['apple-mail-reply', 'Oui, c’est bon pour nous.', 'markdown'],
    [
      'html-only',
      'Bonjour,\n\nVoici les étapes\u00a0:\n\n-   Ouvrir le module **Finances**\n-   Cliquer sur _Exporter_\n\nDétails\u00a0: [la documentation](https://docs.example.test/export) & ceci.',
      'markdown',
    ],
    [
      'iso-8859-1',
      "Bonjour,\n\nLe rapport a été généré à 10 h ; l'écart reste présent dans la société « Filiale SA ».",
      'plain',
    ],
    [
      'quoted-printable-fr',
      'Les données de décembre sont désormais à jour ; l’écart de 12,50 € a disparu après la réimportation.\nTrès bonne soirée à l’équipe !',
      'plain',
    ],
  ];
  for (const [fixture, text, format] of cases) {
    it(`${fixture}: posts exactly the new text (${format}) and moves waiting_customer → in_progress`, async () => {
      const ticket = await ticketFor(t.ctx, acme.customer, 'waiting_customer');
      const raw = mailFixture(fixture, {
        FROM: acme.customer.email,
        TO: tokenFor(ticket.id),
        MESSAGE_ID: messageId(),
      });
      const response = await post(raw);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ outcome: 'posted', ticketId: ticket.id });
      const messages = await messagesOf(t.ctx, ticket.id);
      const fromMail = messages.filter((m) => m.source === 'mail');
      expect(fromMail).toHaveLength(1);
      expect(fromMail[0]).toMatchObject({
        body: text,
        format,
        visibility: 'public',
        authorId: acme.customer.id,
        refused: false,
      });
      expect((await ticketRow(t.ctx, ticket.id)).status).toBe('in_progress');
    });
  }

  it('an HTML mail reads on the ticket as its Markdown rendered by the one sanitiser', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'in_progress');
    const raw = mailFixture('html-only', {
      FROM: acme.customer.email,
      TO: tokenFor(ticket.id),
      MESSAGE_ID: messageId(),
    });
    expect((await post(raw)).json().outcome).toBe('posted');
    const customer = new TestClient(t.app, '10.9.2.1');
    await customer.login(acme.customer.email);
    const entries = (await customer.get(`/api/tickets/${ticket.id}/timeline`)).json().entries;
    const html: string = entries.find((e: { kind: string }) => e.kind === 'message').message.html;
    expect(html).toMatch(
      /<ul>\s*<li>Ouvrir le module <strong>Finances<\/strong><\/li>\s*<li>Cliquer sur <em>Exporter<\/em><\/li>/,
    );
    expect(html).toContain(
      '<a href="https://docs.example.test/export" rel="noopener noreferrer nofollow" target="_blank">la documentation</a>',
    );
    expect(html).not.toMatch(/<script|javascript:|tracker\.example|Ancien texte/);
  });

  it('a reply by mail tells the assignee in the bell and by mail, like a reply in the portal', async () => {
    const ticket = await openTicket(t.ctx, acme.customer, {
      status: 'in_progress',
      assigneeId: staff.agent.id,
    });
    const raw = mailFixture('gmail-reply', {
      FROM: acme.customer.email,
      TO: tokenFor(ticket.id),
      MESSAGE_ID: messageId(),
    });
    expect((await post(raw)).json()).toMatchObject({ outcome: 'posted', ticketId: ticket.id });
    const notices = await t.ctx.db.select().from(notifications).where(eq(notifications.ticketId, ticket.id));
    expect(notices.map((n) => [n.userId, n.kind])).toEqual([[staff.agent.id, 'customer_reply']]);
    const staffMails = await t.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.ticketId, ticket.id), eq(outbox.template, 'staff.notice')));
    expect(staffMails.map((m) => m.recipient)).toEqual([staff.agent.email]);
  });

  it('a forwarded mail is posted whole', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'in_progress');
    const raw = mailFixture('forwarded', {
      FROM: acme.customer.email,
      TO: tokenFor(ticket.id),
      MESSAGE_ID: messageId(),
    });
    expect((await post(raw)).json().outcome).toBe('posted');
    const [message] = (await messagesOf(t.ctx, ticket.id)).filter((m) => m.source === 'mail');
    expect(message?.body).toContain('---------- Forwarded message ---------');
    expect(message?.body).toContain("L'export s'arrête à 80 % avec le code E-42.");
  });

  it('keeps attachments and inline images through the upload checks', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'in_progress');
    const raw = mailFixture('with-attachments', {
      FROM: acme.customer.email,
      TO: tokenFor(ticket.id),
      MESSAGE_ID: messageId(),
    });
    expect((await post(raw)).json().outcome).toBe('posted');
    const files = await t.ctx.db.select().from(attachments).where(eq(attachments.ticketId, ticket.id));
    expect(files.map((f) => f.fileName).sort()).toEqual(['capture.png', 'journal.pdf']);
    const [message] = (await messagesOf(t.ctx, ticket.id)).filter((m) => m.source === 'mail');
    expect(files.every((f) => f.messageId === message?.id)).toBe(true);
  });
});

describe('inbound mail: routing', () => {
  it('finds the ticket by In-Reply-To of a mail we sent about it', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'waiting_customer');
    const sentId = `sent-${Date.now()}@guichet.local`;
    const id = await queueMail(
      t.ctx.db,
      {
        template: 'ticket.public_answer',
        recipient: acme.customer.email,
        language: 'fr',
        ticketId: ticket.id,
      },
      t.clock.now(),
    );
    await t.ctx.db
      .update(outbox)
      .set({ messageId: `<${sentId}>`, status: 'sent' })
      .where(eq(outbox.id, id));
    const raw = mailFixture('gmail-reply', {
      FROM: acme.customer.email,
      TO: 'support@guichet.local',
      IN_REPLY_TO: sentId,
      MESSAGE_ID: messageId(),
    });
    expect((await post(raw)).json()).toMatchObject({ outcome: 'posted', ticketId: ticket.id });
  });

  it("finds the ticket by its key in the subject only when the sender belongs to the ticket's company", async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'in_progress');
    const subject = (from: string) =>
      Buffer.from(
        `Authentication-Results: mx.guichet.test; dmarc=pass header.from=${from.split('@')[1]}\r\nFrom: ${from}\r\nTo: support@guichet.local\r\nSubject: Re: [${ticket.key}] Export\r\nMessage-ID: <${messageId()}>\r\n\r\nLa suite.\r\n`,
      );
    const outsider = await post(subject(other.customer.email));
    expect(outsider.json()).toMatchObject({ outcome: 'quarantined', ticketId: null });
    expect(await messagesOf(t.ctx, ticket.id)).toHaveLength(0);
    const insider = await post(subject(acme.manager.email));
    expect(insider.json()).toMatchObject({ outcome: 'posted', ticketId: ticket.id });
  });

  it('a forged From (another company, or nobody) changes nothing and is quarantined', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'waiting_customer');
    for (const from of [other.customer.email, 'mallory@evil.example', staff.agent.email]) {
      const raw = mailFixture('gmail-reply', {
        FROM: from,
        TO: tokenFor(ticket.id),
        MESSAGE_ID: messageId(),
      });
      const response = await post(raw);
      expect(response.json()).toMatchObject({ outcome: 'quarantined' });
      const row = await inboundRow(t.ctx, response.json().id);
      expect(row.reason).toBe('sender_not_allowed');
    }
    expect(await messagesOf(t.ctx, ticket.id)).toHaveLength(0);
    expect((await ticketRow(t.ctx, ticket.id)).status).toBe('waiting_customer');
  });

  it('a tampered reply address does not route', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'waiting_customer');
    const forged = `reply+${ticket.id.replaceAll('-', '')}.AAAAAAAAAAAAAAAAAAAAAA@guichet.local`;
    const raw = mailFixture('quoted-printable-fr', {
      FROM: 'mallory@evil.example',
      TO: forged,
      MESSAGE_ID: messageId(),
    });
    expect((await post(raw)).json()).toMatchObject({ outcome: 'quarantined', ticketId: null });
    expect(await messagesOf(t.ctx, ticket.id)).toHaveLength(0);
  });

  it('an address of the company domain without an account is posted by the system', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'waiting_customer');
    const from = `colleague@${acme.company.mailDomains[0]}`;
    const raw = mailFixture('base64-utf8', { FROM: from, TO: tokenFor(ticket.id), MESSAGE_ID: messageId() });
    const response = await post(raw);
    expect(response.json(), response.body).toMatchObject({ outcome: 'posted' });
    const [message] = await messagesOf(t.ctx, ticket.id).then((m) => m.filter((x) => x.source === 'mail'));
    expect(message).toMatchObject({ authorId: null, visibility: 'public' });
    expect(message?.body).toContain(from);
    expect((await ticketRow(t.ctx, ticket.id)).status).toBe('in_progress');
  });
});

describe('inbound mail: once, no loops, closed means closed', () => {
  it('the same message delivered twice gives one message', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'in_progress');
    const raw = mailFixture('outlook-reply', {
      FROM: acme.customer.email,
      TO: tokenFor(ticket.id),
      MESSAGE_ID: messageId(),
    });
    const first = await post(raw);
    const second = await post(raw);
    expect(first.json().outcome).toBe('posted');
    expect(second.json()).toMatchObject({ outcome: 'ignored_duplicate', id: first.json().id });
    expect((await messagesOf(t.ctx, ticket.id)).filter((m) => m.source === 'mail')).toHaveLength(1);
    expect((await inboundRow(t.ctx, first.json().id)).deliveries).toBe(2);
  });

  it('a mail without Message-ID is recognised by its content', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'in_progress');
    const raw = Buffer.from(
      `From: ${acme.customer.email}\r\nTo: ${tokenFor(ticket.id)}\r\nSubject: x\r\n\r\nSans identifiant.\r\n`,
    );
    expect((await post(raw)).json().outcome).toBe('posted');
    expect((await post(raw)).json().outcome).toBe('ignored_duplicate');
    expect((await messagesOf(t.ctx, ticket.id)).filter((m) => m.source === 'mail')).toHaveLength(1);
  });

  it("an auto-responder's mail is never posted nor answered, even to a closed ticket", async () => {
    for (const status of ['waiting_customer', 'closed'] as const) {
      const ticket = await ticketFor(t.ctx, acme.customer, status);
      const before = (await mailsOf(t.ctx.db, ticket.id)).length;
      const raw = mailFixture('out-of-office', {
        FROM: acme.customer.email,
        TO: tokenFor(ticket.id),
        MESSAGE_ID: messageId(),
      });
      const response = await post(raw);
      expect(response.json()).toMatchObject({ outcome: 'ignored_auto' });
      expect((await inboundRow(t.ctx, response.json().id)).reason).toBe('auto_submitted');
      expect(await messagesOf(t.ctx, ticket.id)).toHaveLength(0);
      expect(await mailsOf(t.ctx.db, ticket.id)).toHaveLength(before);
      expect((await ticketRow(t.ctx, ticket.id)).status).toBe(status);
    }
  });

  it('a mail to a closed ticket: kept as refused, exactly one automatic answer, nothing for staff', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'closed');
    const before = await mailsOf(t.ctx.db, ticket.id);
    const raw = mailFixture('gmail-reply', {
      FROM: acme.customer.email,
      TO: tokenFor(ticket.id),
      MESSAGE_ID: messageId(),
    });
    const response = await post(raw);
    expect(response.json()).toMatchObject({ outcome: 'refused_closed', ticketId: ticket.id });
    await post(raw); // delivered again: still one answer
    const messages = await messagesOf(t.ctx, ticket.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ refused: true, source: 'mail' });
    const after = await mailsOf(t.ctx.db, ticket.id);
    const added = after.filter((m) => !before.some((b) => b.id === m.id));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ template: 'ticket.closed_auto_answer', recipient: acme.customer.email });
    expect((await ticketRow(t.ctx, ticket.id)).status).toBe('closed');
  });

  it('automatic answers to one sender are limited to three an hour', async () => {
    const customer = await createUser(t.ctx.db, { role: 'customer', companyId: acme.company.id });
    const ticket = await ticketFor(t.ctx, customer, 'closed');
    for (let i = 0; i < 5; i += 1) {
      const raw = mailFixture('gmail-reply', {
        FROM: customer.email,
        TO: tokenFor(ticket.id),
        MESSAGE_ID: messageId(),
      });
      expect((await post(raw)).json().outcome).toBe('refused_closed');
    }
    const answers = (await mailsOf(t.ctx.db, ticket.id)).filter(
      (m) => m.template === 'ticket.closed_auto_answer',
    );
    expect(answers.filter((m) => m.status === 'pending')).toHaveLength(3);
    t.clock.advance(61 * 60_000);
    const raw = mailFixture('gmail-reply', {
      FROM: customer.email,
      TO: tokenFor(ticket.id),
      MESSAGE_ID: messageId(),
    });
    await post(raw);
    const later = (await mailsOf(t.ctx.db, ticket.id)).filter(
      (m) => m.template === 'ticket.closed_auto_answer',
    );
    expect(later.filter((m) => m.status === 'pending')).toHaveLength(4);
  });
});

describe('inbound webhook and admin quarantine', () => {
  it('refuses a wrong token (401) and answers 404 when no token is configured', async () => {
    const raw = mailFixture('gmail-reply');
    expect((await post(raw, 'wrong-token-wrong-token-wrong-t')).statusCode).toBe(401);
    const bare = await testApp();
    try {
      const response = await bare.app.inject({
        method: 'POST',
        url: '/api/inbound/mail',
        headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${webhookToken}` },
        payload: raw,
      });
      expect(response.statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });

  it('admins list, read, release and discard quarantined mails', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'waiting_customer');
    const stray = await post(
      mailFixture('thunderbird-reply', {
        FROM: acme.customer.email,
        TO: 'support@guichet.local',
        MESSAGE_ID: messageId(),
      }),
    );
    const junk = await post(
      mailFixture('gmail-reply', {
        FROM: 'mallory@evil.example',
        TO: 'support@guichet.local',
        MESSAGE_ID: messageId(),
      }),
    );
    const admin = new TestClient(t.app, '10.9.0.1');
    await admin.login(staff.admin.email);
    const list = await admin.get('/api/admin/inbound?outcome=quarantined');
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([stray.json().id, junk.json().id]));
    const one = await admin.get(`/api/admin/inbound/${stray.json().id}`);
    expect(one.json()).toMatchObject({
      reason: 'no_ticket',
      bodyText: 'Guten Tag\n\nDer Fehler tritt nur bei Mandant 02 auf.',
    });

    const released = await admin.post(`/api/admin/inbound/${stray.json().id}/release`, {
      ticketId: ticket.id,
    });
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({ outcome: 'posted', route: 'admin', ticketId: ticket.id });
    expect((await messagesOf(t.ctx, ticket.id)).map((m) => [m.body, m.format])).toEqual([
      ['Guten Tag\n\nDer Fehler tritt nur bei Mandant 02 auf.', 'markdown'],
    ]);
    expect((await ticketRow(t.ctx, ticket.id)).status).toBe('in_progress');
    expect(
      (await admin.post(`/api/admin/inbound/${stray.json().id}/release`, { ticketId: ticket.id })).statusCode,
    ).toBe(409);

    const discarded = await admin.post(`/api/admin/inbound/${junk.json().id}/discard`);
    expect(discarded.json().outcome).toBe('discarded');

    const customer = new TestClient(t.app, '10.9.0.2');
    await customer.login(acme.customer.email);
    expect((await customer.get('/api/admin/inbound')).statusCode).toBe(403);
  });

  it("with 'inbound.autoCreate', a known customer's mail without reference opens an Assistance ticket", async () => {
    const admin = new TestClient(t.app, '10.9.1.1');
    await admin.login(staff.admin.email);
    expect((await admin.get('/api/admin/settings/inbound')).json()).toEqual({ autoCreate: false });
    expect((await admin.put('/api/admin/settings/inbound', { autoCreate: true })).json()).toEqual({
      autoCreate: true,
    });
    try {
      const raw = Buffer.from(
        `Authentication-Results: mx.guichet.test; spf=pass smtp.mailfrom=${acme.manager.email}\r\nFrom: ${acme.manager.email}\r\nTo: support@guichet.local\r\nSubject: Nouvelle demande\r\nMessage-ID: <${messageId()}>\r\n\r\nLe module Paie ne démarre plus.\r\n`,
      );
      const response = await post(raw);
      expect(response.json().outcome).toBe('created_ticket');
      const created = await ticketRow(t.ctx, response.json().ticketId);
      expect(created).toMatchObject({
        status: 'open',
        criticality: 'moyenne',
        companyId: acme.company.id,
        createdBy: acme.manager.id,
        subject: 'Nouvelle demande',
        description: 'Le module Paie ne démarre plus.',
      });
      const stranger = Buffer.from(
        `From: nobody@evil.example\r\nTo: support@guichet.local\r\nSubject: Hi\r\nMessage-ID: <${messageId()}>\r\n\r\nHi\r\n`,
      );
      expect((await post(stranger)).json().outcome).toBe('quarantined');
    } finally {
      await admin.put('/api/admin/settings/inbound', { autoCreate: false });
    }
  });
});
