import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imapClientOptions, startImapPoller } from '../../src/mail/inbound/imap-poller';
import { ingestMail } from '../../src/mail/inbound/ingest';
import { replyAddress } from '../../src/mail/reply-token';
import { mailFixture } from '../fixtures/mail/load';
import { type TestApp, testApp } from '../support/app';
import { type Dovecot, startDovecot } from '../support/dovecot';
import { createCompany, type TestCompany, ticketFor } from '../support/factories';
import { messagesOf, ticketRow } from '../support/rows';

let t: TestApp;
let acme: TestCompany;
let dovecot: Dovecot;

beforeAll(async () => {
  dovecot = await startDovecot();
  t = await testApp();
  acme = await createCompany(t.ctx.db);
});
afterAll(async () => {
  await t?.close();
  await dovecot?.stop();
});

async function withMailbox<T>(fn: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow(imapClientOptions(dovecot.url));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.logout();
  }
}

const deliver = (raw: Buffer) => withMailbox((c) => c.append('INBOX', raw));

async function seenOf(messageId: string): Promise<boolean> {
  return withMailbox(async (client) => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const uids = (await client.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
      const uid = uids[0];
      if (uid === undefined) throw new Error(`mail ${messageId} not in the mailbox`);
      const message = await client.fetchOne(String(uid), { flags: true }, { uid: true });
      return message ? (message.flags?.has('\\Seen') ?? false) : false;
    } finally {
      lock.release();
    }
  });
}

describe('IMAP polling against Dovecot', () => {
  it('ingests new mail and flags it \\Seen', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'waiting_customer');
    const id = `imap-1-${Date.now()}@client.example`;
    await deliver(
      mailFixture('outlook-reply', {
        FROM: acme.customer.email,
        TO: replyAddress(t.ctx.config.secret, ticket.id, 'guichet.local'),
        MESSAGE_ID: id,
      }),
    );
    const poller = startImapPoller(t.ctx, { url: dovecot.url });
    try {
      expect(await poller.pollOnce()).toBe(1);
      expect(await seenOf(id)).toBe(true);
      expect((await messagesOf(t.ctx, ticket.id)).map((m) => m.body)).toEqual([
        'Bonjour,\n\nLe problème est résolu après la mise à jour, merci.',
      ]);
      expect((await ticketRow(t.ctx, ticket.id)).status).toBe('in_progress');
      expect(await poller.pollOnce()).toBe(0);
    } finally {
      await poller.stop();
    }
  });

  it('a crash between fetch and commit leaves the mail unseen, and the next poll ingests it', async () => {
    const ticket = await ticketFor(t.ctx, acme.customer, 'waiting_customer');
    const id = `imap-2-${Date.now()}@client.example`;
    await deliver(
      mailFixture('gmail-reply', {
        FROM: acme.customer.email,
        TO: replyAddress(t.ctx.config.secret, ticket.id, 'guichet.local'),
        MESSAGE_ID: id,
      }),
    );
    let failOnce = true;
    const errors: string[] = [];
    const poller = startImapPoller(t.ctx, {
      url: dovecot.url,
      log: (msg) => errors.push(msg),
      ingest: async (ctx, raw, options) => {
        if (failOnce) {
          failOnce = false;
          throw new Error('process died before commit');
        }
        return ingestMail(ctx, raw, options);
      },
    });
    try {
      expect(await poller.pollOnce()).toBe(0);
      expect(errors).toHaveLength(1);
      expect(await seenOf(id)).toBe(false);
      expect(await messagesOf(t.ctx, ticket.id)).toHaveLength(0);

      expect(await poller.pollOnce()).toBe(1);
      expect(await seenOf(id)).toBe(true);
      expect((await messagesOf(t.ctx, ticket.id)).map((m) => m.body)).toEqual([
        "Merci, cela fonctionne de nouveau.\nJe vous confirme que l'export du 1er mars est complet.",
      ]);
    } finally {
      await poller.stop();
    }
  });
});
