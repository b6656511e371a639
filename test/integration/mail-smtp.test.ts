import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema/index';
import { dispatchOutbox } from '../../src/mail/dispatch';
import { parseReplyAddress } from '../../src/mail/reply-token';
import { type TestApp, testApp } from '../support/app';
import { createCompany, openTicket } from '../support/factories';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';

let t: TestApp;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink({ refuseFirst: 2 });
  t = await testApp({ env: { SMTP_URL: sink.url, MAIL_RETRY_BASE_SECONDS: '60', MAIL_MAX_ATTEMPTS: '5' } });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('delivery through a real SMTP server', () => {
  it('retries after temporary refusals and delivers once, threaded, with both bodies', async () => {
    const acme = await createCompany(t.ctx.db, { language: 'de' });
    const ticket = await openTicket(t.ctx, acme.customer);
    const [queued] = await t.ctx.db
      .select()
      .from(outbox)
      .where(eq(outbox.ticketId, ticket.id))
      .orderBy(outbox.id);
    expect(queued?.template).toBe('ticket.received');
    const id = queued?.id ?? 0;
    const rowOf = async () => (await t.ctx.db.select().from(outbox).where(eq(outbox.id, id)))[0];

    await dispatchOutbox(t.ctx);
    expect(await rowOf()).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await rowOf())?.lastError).toContain('451');
    t.clock.advance(60_000);
    await dispatchOutbox(t.ctx);
    expect(await rowOf()).toMatchObject({ status: 'pending', attempts: 2 });
    t.clock.advance(120_000);
    await dispatchOutbox(t.ctx);
    const sent = await rowOf();
    expect(sent).toMatchObject({ status: 'sent', attempts: 3 });
    t.clock.advance(3_600_000);
    await dispatchOutbox(t.ctx);

    expect(sink.refused).toBe(2);
    const ours = [];
    for (const raw of sink.messages) {
      const parsed = await simpleParser(raw);
      if (parsed.messageId === sent?.messageId) ours.push(parsed);
    }
    expect(ours).toHaveLength(1);
    const mail = ours[0];
    if (!mail) throw new Error('not delivered');
    expect(mail.messageId).toMatch(/^<outbox-\d+\.[0-9a-f]{12}@guichet\.local>$/);
    expect(mail.inReplyTo).toBe(`<ticket-${ticket.id}@guichet.local>`);
    expect(mail.references).toBe(`<ticket-${ticket.id}@guichet.local>`);
    const replyTo = mail.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(/^reply\+.+@guichet\.local$/);
    expect(parseReplyAddress(t.ctx.config.secret, replyTo)).toBe(ticket.id);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null).toBe(acme.customer.email);
    // Written in the customer's language, about the ticket as it is.
    expect(mail.subject).toBe(`[${ticket.key}] ${ticket.subject} – Anfrage erhalten`);
    expect(mail.text).toContain(`http://localhost:3000/tickets/${ticket.id}`);
    expect(mail.text).toContain('Wir haben Ihre Anfrage');
    expect(mail.html).toContain(`href="http://localhost:3000/tickets/${ticket.id}"`);
    expect(mail.html).toContain('<html lang="de">');
  });
});
