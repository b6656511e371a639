import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments } from '../../src/db/schema/index';
import { type SmtpListener, startSmtpListener } from '../../src/mail/inbound/smtp-listener';
import { replyAddress } from '../../src/mail/reply-token';
import { type TestApp, testApp } from '../support/app';
import { createCompany, type TestCompany, ticketFor } from '../support/factories';
import { messagesOf, ticketRow } from '../support/rows';

let t: TestApp;
let acme: TestCompany;
let listener: SmtpListener;

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
  listener = await startSmtpListener(t.ctx, { host: '127.0.0.1', port: 0, domain: 'guichet.local' });
});
afterAll(async () => {
  await listener.stop();
  await t.close();
});

const transport = () =>
  nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('embedded SMTP listener', () => {
  it('a mail sent by a real SMTP client lands on its ticket with attachments, waiting_customer → in_progress', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'waiting_customer');
    const to = replyAddress(t.ctx.config.secret, ticket.id, 'guichet.local');
    const info = await transport().sendMail({
      from: `Client <${acme.customer.email}>`,
      to,
      subject: `Re: [${ticket.key}] Erreur`,
      text: 'Voici le journal et une capture.\n\nLe 2 mars 2026 à 10:15, Guichet a écrit :\n> Pouvez-vous envoyer le journal ?',
      html: '<p>Voici le journal et une capture.</p><img src="cid:shot@client">',
      attachments: [
        { filename: 'journal.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: 'capture.png', content: png, contentType: 'image/png', cid: 'shot@client' },
      ],
    });
    expect(info.accepted).toEqual([to]);
    const messages = (await messagesOf(t.ctx, ticket.id)).filter((m) => m.source === 'mail');
    expect(messages.map((m) => m.body)).toEqual(['Voici le journal et une capture.']);
    const files = await t.ctx.db.select().from(attachments).where(eq(attachments.ticketId, ticket.id));
    expect(files.map((f) => f.fileName).sort()).toEqual(['capture.png', 'journal.pdf']);
    expect((await ticketRow(t.ctx, ticket.id)).status).toBe('in_progress');
  });

  it('accepts a mail carrying NUL characters, without them (instead of "try again" for ever)', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'waiting_customer');
    const to = replyAddress(t.ctx.config.secret, ticket.id, 'guichet.local');
    const info = await transport().sendMail({
      from: `Client <${acme.customer.email}>`,
      to,
      subject: `Re: [${ticket.key}] Erreur\u0000`,
      text: 'Le journal\u0000 est joint.',
    });
    expect(info.accepted).toEqual([to]);
    const messages = (await messagesOf(t.ctx, ticket.id)).filter((m) => m.source === 'mail');
    expect(messages.map((m) => m.body)).toEqual(['Le journal est joint.']);
  });

  it('refuses recipients outside the inbound domain', async () => {
    await expect(
      transport().sendMail({
        from: acme.customer.email,
        to: 'someone@elsewhere.example',
        subject: 'x',
        text: 'x',
      }),
    ).rejects.toThrow(/550/);
  });

  it('asks the sender to retry (451) when processing fails, and keeps nothing', async () => {
    let calls = 0;
    const failing = await startSmtpListener(t.ctx, {
      host: '127.0.0.1',
      port: 0,
      domain: 'guichet.local',
      ingest: async () => {
        calls += 1;
        throw new Error('database unavailable');
      },
    });
    try {
      const client = nodemailer.createTransport({ host: '127.0.0.1', port: failing.port, ignoreTLS: true });
      await expect(
        client.sendMail({ from: acme.customer.email, to: 'support@guichet.local', subject: 'x', text: 'x' }),
      ).rejects.toThrow(/451/);
      expect(calls).toBe(1);
    } finally {
      await failing.stop();
    }
  });
});
