import { randomBytes } from 'node:crypto';
import { get, request } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INBOUND_BYTES } from '../../src/mail/inbound/ingest';
import { type SmtpListener, startSmtpListener } from '../../src/mail/inbound/smtp-listener';
import { replyAddress } from '../../src/mail/reply-token';
import { type TestApp, testApp } from '../support/app';
import { createCompany, type TestCompany, ticketFor } from '../support/factories';
import { messagesOf } from '../support/rows';

const webhookToken = 'inbound-webhook-token-0123456789';
let t: TestApp;
let acme: TestCompany;
let listener: SmtpListener;
let base: string;

beforeAll(async () => {
  t = await testApp({ env: { INBOUND_WEBHOOK_TOKEN: webhookToken } });
  acme = await createCompany(t.ctx.db);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  listener = await startSmtpListener(t.ctx, { host: '127.0.0.1', port: 0, domain: 'guichet.local' });
});
afterAll(async () => {
  await listener.stop();
  await t.close();
});

const transport = () =>
  nodemailer.createTransport({
    host: '127.0.0.1',
    port: listener.port,
    ignoreTLS: true,
    socketTimeout: 300_000,
  });

/** A mail of about 20 MB: a long styled HTML body, a text part and a large attachment. */
async function twentyMegabyteMail(from: string, to: string) {
  const paragraph =
    '<p style="margin:0">Ligne <b>importante</b> du journal <a href="https://x.example/a">lien</a></p>\n';
  const built = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail({
    from,
    to,
    subject: 'Journal complet',
    text: 'Le journal complet.\n'.repeat(10_000),
    html: paragraph.repeat(Math.floor((2 * 1024 * 1024) / paragraph.length)),
    attachments: [{ filename: 'journal.bin', content: randomBytes(13 * 1024 * 1024) }],
  });
  return { envelope: { from, to: [to] }, raw: built.message as Buffer };
}

/** A mail whose Subject header is one unfolded line of 1 MB. */
function megabyteHeaderMail(from: string, to: string) {
  const subject = `Erreur ${'very long '.repeat(100_000)}`;
  return {
    envelope: { from, to: [to] },
    raw: `From: ${from}\r\nTo: ${to}\r\nSubject: ${subject}\r\nMessage-ID: <long-header-${Date.now()}@client.example>\r\n\r\nVoir le sujet.\r\n`,
  };
}

/** Answers of GET /api/health, one after the other, until `until` settles. */
async function measureWhile(until: Promise<unknown>): Promise<number[]> {
  let done = false;
  const settled = until.finally(() => {
    done = true;
  });
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    // A new connection each time, as separate users would open.
    const status = await new Promise<number>((resolve, reject) => {
      get(`${base}/api/health`, { agent: false }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      }).on('error', reject);
    });
    expect(status).toBe(200);
    latencies.push(performance.now() - started);
    if (process.env.DEBUG_LATENCY) console.log(new Date().toISOString(), latencies.at(-1));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await settled;
  return latencies;
}

describe('large and hostile inbound mail does not stall the API', () => {
  it('while a 20 MB mail and a 1 MB header line are ingested, API requests keep answering', {
    timeout: 240_000,
  }, async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'in_progress');
    const to = replyAddress(t.ctx.config.secret, ticket.id, 'guichet.local');
    // Built before measuring: the test's own work must not count as the server's.
    const big = await twentyMegabyteMail(acme.customer.email, to);
    expect(big.raw.length).toBeGreaterThan(20_000_000);
    const header = megabyteHeaderMail(acme.customer.email, to);
    const sending = Promise.all([transport().sendMail(big), transport().sendMail(header)]);
    const latencies = await measureWhile(sending);
    const [bigInfo, headerInfo] = await sending;
    expect(bigInfo.accepted).toEqual([to]);
    expect(headerInfo.accepted).toEqual([to]);
    expect((await messagesOf(t.ctx, ticket.id)).filter((m) => m.source === 'mail')).toHaveLength(2);

    const sorted = [...latencies].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
    const max = sorted[sorted.length - 1] ?? 0;
    console.log(
      `API during ingestion: ${sorted.length} requests, p95 ${p95.toFixed(0)} ms, max ${max.toFixed(0)} ms`,
    );
    expect(sorted.length).toBeGreaterThan(0);
    // The one latency bound the hardening asks for: no request waits 2 s behind a mail.
    expect(max).toBeLessThan(2000);
  });

  it('the SMTP listener announces its size limit and refuses a larger mail at MAIL FROM', async () => {
    const socket = connect(listener.port, '127.0.0.1');
    const replies: string[] = [];
    let buffer = '';
    const next = () =>
      new Promise<string>((resolve) => {
        const check = () => {
          const match = /^(\d{3}) .*\r\n/m.exec(buffer);
          if (!match) return false;
          const end = (match.index ?? 0) + match[0].length;
          const reply = buffer.slice(0, end);
          buffer = buffer.slice(end);
          socket.off('data', onData);
          resolve(reply);
          return true;
        };
        const onData = (chunk: Buffer) => {
          buffer += chunk.toString();
          check();
        };
        if (!check()) socket.on('data', onData);
      });
    try {
      replies.push(await next());
      socket.write('EHLO client.example\r\n');
      const ehlo = await next();
      expect(ehlo).toContain(`SIZE ${MAX_INBOUND_BYTES}`);
      socket.write(`MAIL FROM:<${acme.customer.email}> SIZE=${MAX_INBOUND_BYTES + 1}\r\n`);
      expect(await next()).toMatch(/^552 /);
    } finally {
      socket.destroy();
    }
    expect(replies[0]).toMatch(/^220 /);
  });

  it('the webhook refuses an announced size over the limit, or a wrong token, before reading the body', async () => {
    const announce = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${base}/api/inbound/mail`, {
          method: 'POST',
          headers: { 'content-type': 'message/rfc822', ...headers },
        });
        req.on('response', (response) => {
          resolve(response.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', reject);
        // Headers only: the body never comes, so an answer proves nothing of it was awaited.
        req.flushHeaders();
      });
    expect(
      await announce({ authorization: `Bearer ${webhookToken}`, 'content-length': String(2 * 1024 ** 3) }),
    ).toBe(413);
    expect(
      await announce({ authorization: 'Bearer wrong-token-wrong-token', 'content-length': '1000' }),
    ).toBe(401);
  });
});
