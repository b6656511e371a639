import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueMail } from '../../src/app/outbox';
import { outbox } from '../../src/db/schema/index';
import { type TestApp, testApp } from '../support/app';
import { createCompany, createUser, type TestCompany, ticketFor } from '../support/factories';
import { inboundRow, messagesOf } from '../support/rows';

const webhookToken = 'inbound-webhook-token-0123456789';
const mta = 'mx.guichet.test';
let t: TestApp;
let acme: TestCompany;
let n = 0;

beforeAll(async () => {
  t = await testApp({ env: { INBOUND_WEBHOOK_TOKEN: webhookToken, INBOUND_TRUSTED_AUTHSERV_ID: mta } });
  acme = await createCompany(t.ctx.db);
});
afterAll(() => t.close());

const mail = (headers: Record<string, string>) => {
  const lines = Object.entries({ 'Message-ID': `<spoof-${++n}-${Date.now()}@x.example>`, ...headers });
  return Buffer.from(`${lines.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\nVoici la suite.\r\n`);
};

const post = async (raw: Buffer) => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/inbound/mail',
    headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${webhookToken}` },
    payload: raw,
  });
  const body = response.json();
  return { ...body, reason: (await inboundRow(t.ctx, body.id)).reason };
};

describe('spoofed mail is quarantined, never posted (R11)', () => {
  it('a ticket key in the subject from the company domain, without an account, is quarantined', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'in_progress');
    const result = await post(
      mail({
        'Authentication-Results': `${mta}; dmarc=pass`,
        From: `attacker@${acme.company.mailDomains[0]}`,
        To: 'support@guichet.local',
        Subject: `Re: [${ticket.key}] Export`,
      }),
    );
    expect(result).toMatchObject({ outcome: 'quarantined', ticketId: null });
    expect(await messagesOf(t.ctx, ticket.id)).toHaveLength(0);
  });

  it("a known customer's address with a ticket key is posted only when the trusted MTA authenticated it", async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'in_progress');
    const from = acme.customer.email;
    const domain = from.split('@')[1];
    const keyed = (authentication?: string[]) =>
      mail({
        ...(authentication
          ? { 'Authentication-Results': authentication.join('\r\nAuthentication-Results: ') }
          : {}),
        From: from,
        To: 'support@guichet.local',
        Subject: `Re: [${ticket.key}] Export`,
      });
    const refused = [
      undefined,
      [`${mta}; dmarc=fail header.from=${domain}`],
      ['mx.evil.example; dmarc=pass'],
      // The sender's own header, below the MTA's: not believed.
      [`${mta}; spf=none`, `${mta}; dmarc=pass`],
    ];
    for (const authentication of refused) {
      const result = await post(keyed(authentication));
      expect(result, String(authentication)).toMatchObject({
        outcome: 'quarantined',
        reason: 'sender_not_authenticated',
      });
    }
    expect(await messagesOf(t.ctx, ticket.id)).toHaveLength(0);
    const accepted = await post(
      keyed([`${mta}; spf=pass smtp.mailfrom=${from}; dmarc=pass header.from=${domain}`]),
    );
    expect(accepted).toMatchObject({ outcome: 'posted', ticketId: ticket.id });
  });

  it('threading routes only a reply from the address our mail was sent to', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'in_progress');
    const colleague = await createUser(t.ctx.db, { role: 'customer', companyId: acme.company.id });
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
    const reply = (from: string) =>
      mail({ From: from, To: 'support@guichet.local', Subject: 'Re: Export', 'In-Reply-To': `<${sentId}>` });
    for (const from of [colleague.email, `attacker@${acme.company.mailDomains[0]}`]) {
      expect(await post(reply(from)), from).toMatchObject({ outcome: 'quarantined', ticketId: null });
    }
    // The ticket's own thread root names the ticket, but it is not a mail we sent to anyone.
    const root = mail({
      From: `attacker@${acme.company.mailDomains[0]}`,
      To: 'support@guichet.local',
      Subject: 'Re: Export',
      'In-Reply-To': `<ticket-${ticket.id}@guichet.local>`,
    });
    expect(await post(root)).toMatchObject({ outcome: 'quarantined', ticketId: null });
    expect(await messagesOf(t.ctx, ticket.id)).toHaveLength(0);
    expect(await post(reply(acme.customer.email))).toMatchObject({ outcome: 'posted', ticketId: ticket.id });
  });
});
