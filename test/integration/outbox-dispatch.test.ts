import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueMail } from '../../src/app/outbox';
import { outbox, storedMails, users } from '../../src/db/schema/index';
import { dispatchOutbox, retryDelayMs } from '../../src/mail/dispatch';
import type { MailTransport } from '../../src/mail/transport';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createStaff } from '../support/factories';

let t: TestApp;
let admin: TestClient;
let customer: TestClient;
let acme: Awaited<ReturnType<typeof createCompany>>;

beforeAll(async () => {
  t = await testApp({ env: { MAIL_MAX_ATTEMPTS: '3', MAIL_RETRY_BASE_SECONDS: '60' } });
  acme = await createCompany(t.ctx.db);
  const staff = await createStaff(t.ctx.db);
  admin = new TestClient(t.app, '10.9.0.1');
  await admin.login(staff.admin.email);
  customer = new TestClient(t.app, '10.9.0.2');
  await customer.login(acme.customer.email);
});
afterAll(() => t.close());

const approved = (recipient: string, link = 'http://localhost:3000/set-password?token=t0k3n') => ({
  template: 'account.approved',
  recipient,
  language: 'fr' as const,
  params: { name: 'Zoé Exemple', link, expiresAt: '2026-03-05T09:00:00.000Z' },
});

const failing: MailTransport = {
  kind: 'smtp',
  transactional: false,
  deliver: async () => {
    throw new Error('451 try again later');
  },
  close: () => undefined,
};

async function row(id: number) {
  const [r] = await t.ctx.db.select().from(outbox).where(eq(outbox.id, id));
  if (!r) throw new Error(`no outbox row ${id}`);
  return r;
}

describe('outbox dispatch to the mail store', () => {
  it('stores a queued mail once, with its Message-ID, and shows it to admins', async () => {
    const recipient = 'zoe@store.example.test';
    const id = await queueMail(t.ctx.db, approved(recipient), t.clock.now());
    await dispatchOutbox(t.ctx);
    await dispatchOutbox(t.ctx);
    const sent = await row(id);
    expect(sent.status).toBe('sent');
    expect(sent.attempts).toBe(1);
    expect(sent.messageId).toMatch(new RegExp(`^<outbox-${id}\\.[0-9a-f]{12}@guichet\\.local>$`));
    const stored = await t.ctx.db.select().from(storedMails).where(eq(storedMails.outboxId, id));
    expect(stored).toHaveLength(1);

    const list = await admin.get(`/api/admin/mails?recipient=${encodeURIComponent(recipient)}`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      recipient,
      messageId: sent.messageId,
      subject: expect.stringContaining('mot de passe'),
    });

    const one = await admin.get(`/api/admin/mails/${items[0].id}`);
    expect(one.statusCode).toBe(200);
    const mail = one.json();
    expect(mail.text).toContain('http://localhost:3000/set-password?token=t0k3n');
    expect(mail.html).toContain('href="http://localhost:3000/set-password?token=t0k3n"');
    expect(mail.headers).toMatchObject({ 'Message-ID': sent.messageId, 'Auto-Submitted': 'auto-generated' });
    expect(mail.sender).toBe('Guichet <support@guichet.local>');
  });

  it('writes in the language the recipient has today, not the one at queueing time', async () => {
    await t.ctx.db.update(users).set({ language: 'de' }).where(eq(users.id, acme.manager.id));
    const id = await queueMail(t.ctx.db, approved(acme.manager.email), t.clock.now());
    await dispatchOutbox(t.ctx);
    const [stored] = await t.ctx.db.select().from(storedMails).where(eq(storedMails.outboxId, id));
    expect(stored?.subject).toBe('Ihr Konto ist eröffnet: Wählen Sie Ihr Passwort');
  });

  it('pages through the mail store with a cursor, newest first', async () => {
    const recipient = 'pages@store.example.test';
    for (let i = 0; i < 5; i += 1) await queueMail(t.ctx.db, approved(recipient), t.clock.now());
    await dispatchOutbox(t.ctx);
    const first = (await admin.get(`/api/admin/mails?recipient=${recipient}&limit=3`)).json();
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBeTruthy();
    const second = (
      await admin.get(`/api/admin/mails?recipient=${recipient}&limit=3&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((m: { id: number }) => m.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('keeps the mail viewer and the outbox to administrators', async () => {
    expect((await customer.get('/api/admin/mails')).statusCode).toBe(403);
    expect((await customer.get('/api/admin/outbox')).statusCode).toBe(403);
    expect((await new TestClient(t.app, '10.9.0.3').get('/api/admin/mails')).statusCode).toBe(401);
    expect((await admin.get('/api/admin/mails/999999999')).statusCode).toBe(404);
  });
});

describe('retries and failures', () => {
  it('retries with exponential backoff, fails after the last attempt, and an admin can send it again', async () => {
    const recipient = 'unlucky@store.example.test';
    const id = await queueMail(t.ctx.db, approved(recipient), t.clock.now());
    await dispatchOutbox(t.ctx, { transport: failing });
    let r = await row(id);
    expect(r).toMatchObject({ status: 'pending', attempts: 1, lastError: '451 try again later' });
    expect(r.nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(60_000);

    // Not due yet: nothing happens.
    await dispatchOutbox(t.ctx, { transport: failing });
    expect((await row(id)).attempts).toBe(1);

    t.clock.advance(60_000);
    await dispatchOutbox(t.ctx, { transport: failing });
    r = await row(id);
    expect(r.attempts).toBe(2);
    expect(r.nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(retryDelayMs(2, 60));

    t.clock.advance(120_000);
    await dispatchOutbox(t.ctx, { transport: failing });
    r = await row(id);
    expect(r).toMatchObject({ status: 'failed', attempts: 3 });

    const failed = (await admin.get('/api/admin/outbox?status=failed')).json();
    expect(failed.items.find((i: { id: number }) => i.id === id)).toMatchObject({
      recipient,
      attempts: 3,
      lastError: '451 try again later',
      status: 'failed',
    });

    const retried = await admin.post(`/api/admin/outbox/${id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
    await dispatchOutbox(t.ctx);
    expect((await row(id)).status).toBe('sent');
    expect((await admin.get(`/api/admin/mails?recipient=${recipient}`)).json().items).toHaveLength(1);
    const sent = (await admin.get('/api/admin/outbox?status=sent')).json();
    expect(sent.items.some((i: { id: number }) => i.id === id)).toBe(true);

    // A sent mail is not sent again by accident.
    expect((await admin.post(`/api/admin/outbox/${id}/retry`)).json().code).toBe('mail_not_retryable');
    expect((await admin.post('/api/admin/outbox/999999999/retry')).statusCode).toBe(404);
  });

  it('fails at once a mail that can never be rendered', async () => {
    const unknown = await queueMail(
      t.ctx.db,
      { template: 'no.such_template', recipient: 'x@store.example.test', language: 'fr' },
      t.clock.now(),
    );
    const broken = await queueMail(
      t.ctx.db,
      {
        template: 'account.approved',
        recipient: 'y@store.example.test',
        language: 'fr',
        params: { name: 1 },
      },
      t.clock.now(),
    );
    await dispatchOutbox(t.ctx);
    expect(await row(unknown)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await row(unknown)).lastError).toContain('no.such_template');
    expect(await row(broken)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await row(broken)).lastError).toContain('invalid parameters');
  });

  it('after a crash in the middle of sending, the restarted worker sends the mail within 30 s, once', async () => {
    const recipient = 'crash@store.example.test';
    const id = await queueMail(t.ctx.db, approved(recipient), t.clock.now());
    // A worker claims the row and dies while sending: its send never ends and nothing renews.
    let sending: () => void = () => undefined;
    const crashed = new Promise<void>((resolve) => {
      sending = resolve;
    });
    const dying: MailTransport = {
      kind: 'smtp',
      transactional: false,
      deliver: () => {
        sending();
        return new Promise<void>(() => undefined);
      },
      close: () => undefined,
    };
    void dispatchOutbox(t.ctx, { transport: dying, heartbeatMs: 3_600_000 });
    await crashed;
    await dispatchOutbox(t.ctx);
    expect((await row(id)).status).toBe('pending'); // still leased to the dead worker
    t.clock.advance(30_000);
    await dispatchOutbox(t.ctx);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await t.ctx.db.select().from(storedMails).where(eq(storedMails.outboxId, id))).toHaveLength(1);
  });

  it('a worker still sending renews its lease, so another worker does not send the mail again', async () => {
    const id = await queueMail(t.ctx.db, approved('slow@store.example.test'), t.clock.now());
    const { transport: slow, sendStarted, release } = heldTransport('smtp');
    const first = dispatchOutbox(t.ctx, { transport: slow, heartbeatMs: 20 });
    await sendStarted;
    t.clock.advance(25_000);
    // Wait for the heartbeat to renew the lease from the new "now".
    const claimedUntil = async () => (await row(id)).nextAttemptAt.getTime();
    while ((await claimedUntil()) <= t.clock.now().getTime()) await new Promise((r) => setTimeout(r, 20));
    t.clock.advance(10_000); // 35 s after the claim: the first lease alone would have run out
    await dispatchOutbox(t.ctx);
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1 });
    release();
    await first;
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await t.ctx.db.select().from(storedMails).where(eq(storedMails.outboxId, id))).toHaveLength(0);
  });

  it('a worker told to stop finishes the mail it is sending and hands the others back at once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      ids.push(await queueMail(t.ctx.db, approved(`stopping${i}@store.example.test`), t.clock.now()));
    }
    const { transport: slow, sendStarted, release } = heldTransport('store');
    const stopping = new AbortController();
    const first = dispatchOutbox(t.ctx, { transport: slow, signal: stopping.signal });
    await sendStarted;
    stopping.abort();
    release();
    expect(await first).toEqual({ sent: 1, retried: 0, failed: 0, dropped: 0 });
    // Handed back: due now and no attempt counted, so the next worker sends them with no clock moved.
    const handedBack = (await Promise.all(ids.map(row))).filter((r) => r.status === 'pending');
    expect(handedBack.length).toBeGreaterThanOrEqual(3);
    for (const r of handedBack) {
      expect(r.attempts).toBe(0);
      expect(r.nextAttemptAt.getTime()).toBeLessThanOrEqual(t.clock.now().getTime());
    }
    await dispatchOutbox(t.ctx);
    for (const r of handedBack) {
      expect(await row(r.id)).toMatchObject({ status: 'sent', attempts: 1 });
      expect(await t.ctx.db.select().from(storedMails).where(eq(storedMails.outboxId, r.id))).toHaveLength(1);
    }
  });
});

/** A transport whose one delivery waits to be released: `sendStarted` resolves once it began. */
function heldTransport(kind: MailTransport['kind']) {
  let started: () => void = () => undefined;
  let release: () => void = () => undefined;
  const sendStarted = new Promise<void>((resolve) => {
    started = resolve;
  });
  const transport: MailTransport = {
    kind,
    transactional: false,
    deliver: () =>
      new Promise<void>((resolve) => {
        release = resolve;
        started();
      }),
    close: () => undefined,
  };
  return { transport, sendStarted, release: () => release() };
}
