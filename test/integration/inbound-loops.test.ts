import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context';
import { type SmtpListener, startSmtpListener } from '../../src/mail/inbound/smtp-listener';
import { replyAddress } from '../../src/mail/reply-token';
import { type TestApp, testApp } from '../support/app';
import { createCompany, type TestCompany, ticketFor } from '../support/factories';
import { mailsOf } from '../support/rows';

let t: TestApp;
let acme: TestCompany;
let listener: SmtpListener;
let ticking: AppContext;

beforeAll(async () => {
  t = await testApp();
  acme = await createCompany(t.ctx.db);
  // Like the system clock, every reading is a new instant: each step of the pipeline sees its own.
  ticking = {
    ...t.ctx,
    clock: {
      now: () => {
        t.clock.advance(1);
        return t.clock.now();
      },
    },
  };
  listener = await startSmtpListener(ticking, { host: '127.0.0.1', port: 0, domain: 'guichet.local' });
});
afterAll(async () => {
  await listener.stop();
  await t.close();
});

describe('mail loop on a closed ticket, at the SMTP listener (R10, R11)', () => {
  it('20 mails of a robot using a customer address get 3 automatic answers in the hour', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'closed');
    const to = replyAddress(t.ctx.config.secret, ticket.id, 'guichet.local');
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: listener.port,
      ignoreTLS: true,
      pool: true,
      maxConnections: 5,
    });
    try {
      // A robot that marks nothing as automatic: no Auto-Submitted, no Precedence, a person's address.
      const sent = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          transport.sendMail({
            from: acme.customer.email,
            to,
            subject: `Re: [${ticket.key}] Export ${i}`,
            text: `Rapport automatique numéro ${i}.`,
          }),
        ),
      );
      expect(sent.every((info) => info.accepted.length === 1)).toBe(true);
    } finally {
      transport.close();
    }
    const answers = (await mailsOf(t.ctx.db, ticket.id)).filter(
      (m) => m.template === 'ticket.closed_auto_answer' && m.status !== 'dropped',
    );
    expect(answers).toHaveLength(3);
    expect(answers.every((m) => m.recipient === acme.customer.email)).toBe(true);
  });
});
