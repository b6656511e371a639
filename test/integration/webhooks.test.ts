import { type ChildProcess, spawn } from 'node:child_process';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { runDueTimers } from '../../src/app/timers/index';
import { dispatchWebhooks } from '../../src/app/webhooks/dispatch-webhooks';
import { outbox, webhookDeliveries, webhookEndpoints } from '../../src/db/schema/index';
import { WEBHOOK_EVENTS } from '../../src/domain/webhooks/events';
import { type TestApp, TestClient, testApp } from '../support/app';
import { testEngine } from '../support/db';
import { createCompany, createStaff, openTicket, type TestCompany } from '../support/factories';
import { withDatabase } from '../support/global-setup';
import { signatureIsValid, type WebhookReceiver, webhookReceiver } from '../support/webhook-receiver';

let t: TestApp;
let receiver: WebhookReceiver;
let staff: Awaited<ReturnType<typeof createStaff>>;
let acme: TestCompany;
let admin: TestClient;
let agent: TestClient;
let customer: TestClient;
const minute = 60_000;

beforeAll(async () => {
  receiver = await webhookReceiver();
  t = await testApp({
    env: {
      WEBHOOK_CA_FILE: receiver.caFile,
      WEBHOOK_RETRY_BASE_MS: String(minute),
      WEBHOOK_RETRY_MAX_MS: String(60 * minute),
      WEBHOOK_TIMEOUT_MS: '5000',
      // The clock moves over days; the sessions of the test's people must outlive it.
      SESSION_TTL_HOURS: '10000',
    },
  });
  staff = await createStaff(t.ctx.db);
  acme = await createCompany(t.ctx.db);
  admin = new TestClient(t.app);
  await admin.login(staff.admin.email);
  agent = new TestClient(t.app);
  await agent.login(staff.agent.email);
  customer = new TestClient(t.app);
  await customer.login(acme.customer.email);
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});
afterEach(async () => {
  // Each test registers its own endpoints; none hears the next test's tickets.
  await t.ctx.db.delete(webhookEndpoints);
  receiver.received.splice(0);
  receiver.answer(() => 200);
});

async function register(body: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const created = await admin.post('/api/admin/webhooks', {
    url: receiver.url,
    allowPrivateNetwork: true,
    events: [...WEBHOOK_EVENTS],
    ...body,
  });
  expect(created.statusCode, created.body).toBe(201);
  const { secret, item } = created.json() as { secret: string; item: { id: string } };
  return { id: item.id, secret };
}

/** Runs the worker's webhook task until nothing is due at the clock's time. */
async function drain() {
  for (let pass = 0; pass < 50; pass += 1) {
    const report = await dispatchWebhooks(t.ctx);
    if (report.delivered + report.retried === 0) return;
  }
  throw new Error('webhook deliveries never drained');
}

describe('webhook endpoints', () => {
  it('are the admins’: staff get 403, the secret is shown once and never read back, private addresses need the switch', async () => {
    const refused = await agent.post('/api/admin/webhooks', {
      url: receiver.url,
      events: ['ticket.created'],
    });
    expect(refused.statusCode).toBe(403);
    const loopback = await admin.post('/api/admin/webhooks', {
      url: receiver.url,
      events: ['ticket.created'],
    });
    expect(loopback.statusCode).toBe(400);
    expect(loopback.json().code).toBe('webhook_address_private');
    const metadata = await admin.post('/api/admin/webhooks', {
      url: 'https://169.254.169.254/latest',
      events: ['ticket.created'],
    });
    expect(metadata.json().code).toBe('webhook_address_private');
    const plain = await admin.post('/api/admin/webhooks', {
      url: 'http://127.0.0.1/hook',
      events: ['ticket.created'],
      allowPrivateNetwork: true,
    });
    expect(plain.json().code).toBe('webhook_url_invalid');

    const { secret } = await register({ events: ['ticket.created'] });
    expect(secret).toMatch(/^whsec_/);
    const list = await admin.get('/api/admin/webhooks');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.body).not.toContain(secret);
    expect((await agent.get('/api/admin/webhooks')).statusCode).toBe(403);
  });

  it('deliver every event once, in order, signed, to the HTTPS receiver the worker trusts through WEBHOOK_CA_FILE', async () => {
    const all = await register({ description: 'everything public' });
    const internal = await register({ events: ['ticket.message_added'], includeInternal: true });
    t.clock.set('2026-03-02T09:00:00Z'); // Monday 10:00 in Zurich
    const ticket = await openTicket(t.ctx, acme.customer, { criticality: 'moyenne' });
    // R7: 75 % of the 8 business hours of engagement by Monday 17:30, breached Tuesday 09:30 (Zurich).
    t.clock.set('2026-03-02T16:45:00Z');
    await runDueTimers(t.ctx);
    t.clock.set('2026-03-03T08:45:00Z');
    await runDueTimers(t.ctx);
    expect((await agent.post(`/api/tickets/${ticket.id}/qualify`, {})).statusCode).toBe(200);
    expect((await agent.post(`/api/tickets/${ticket.id}/take`, {})).statusCode).toBe(200);
    const answer = await agent.post(`/api/tickets/${ticket.id}/messages`, { body: 'We are on it.' });
    expect(answer.statusCode, answer.body).toBe(201);
    const note = await agent.post(`/api/tickets/${ticket.id}/messages`, {
      body: 'Staff only: check the export job.',
      visibility: 'internal',
    });
    expect(note.statusCode, note.body).toBe(201);
    const reply = await customer.post(`/api/tickets/${ticket.id}/messages`, { body: 'Thank you.' });
    expect(reply.statusCode, reply.body).toBe(201);
    const closed = await agent.post(`/api/tickets/${ticket.id}/close`, { reason: 'solution_delivered' });
    expect(closed.statusCode, closed.body).toBe(200);
    const survey = await customer.post(`/api/tickets/${ticket.id}/survey`, { score: 5, comment: 'Quick.' });
    expect(survey.statusCode, survey.body).toBe(200);

    await drain();

    const secretOf = new Map([
      [all.id, all.secret],
      [internal.id, internal.secret],
    ]);
    const endpointOf = new Map(
      (await t.ctx.db.select().from(webhookDeliveries)).map((d) => [d.id, d.endpointId]),
    );
    for (const got of receiver.received) {
      const secret = secretOf.get(endpointOf.get(got.delivery) ?? '') ?? '';
      expect(signatureIsValid(secret, got.signature, got.body), got.event).toBe(true);
      expect(got.json.id).toBe(got.delivery);
      expect(got.json.event).toBe(got.event);
    }
    // Every delivery once.
    const ids = receiver.received.map((r) => r.delivery);
    expect(new Set(ids).size).toBe(ids.length);
    const toAll = receiver.received.filter((r) => endpointOf.get(r.delivery) === all.id);
    expect(toAll.map((r) => r.event)).toEqual([
      'ticket.created',
      'ticket.sla_at_risk',
      'ticket.sla_breached',
      'ticket.status_changed',
      'ticket.status_changed',
      'ticket.message_added',
      'ticket.message_added',
      'ticket.status_changed',
      'ticket.closed',
      'ticket.csat_received',
    ]);
    expect(toAll.map((r) => (r.json.data.change as { to?: string } | undefined)?.to).filter(Boolean)).toEqual(
      ['qualified', 'in_progress', 'closed'],
    );
    expect(
      toAll.flatMap((r) => (r.json.data.message ? [(r.json.data.message as { body: string }).body] : [])),
    ).toEqual(['We are on it.', 'Thank you.']);
    expect(toAll.at(-1)?.json.data.survey).toEqual({ score: 5, comment: 'Quick.' });
    expect(toAll[0]?.json.data.ticket).toMatchObject({ key: ticket.key });
    // The endpoint marked internal hears of the note too; the other one never does.
    const toInternal = receiver.received.filter((r) => endpointOf.get(r.delivery) === internal.id);
    expect(toInternal.map((r) => (r.json.data.message as { body: string }).body)).toEqual([
      'We are on it.',
      'Staff only: check the export job.',
      'Thank you.',
    ]);
    expect(
      receiver.received.some((r) => r.body.includes('Staff only') && endpointOf.get(r.delivery) === all.id),
    ).toBe(false);
  });

  it('retry a failing receiver with exponential backoff, keep the ticket’s order, and log each response code', async () => {
    const hook = await register({ events: ['ticket.created', 'ticket.message_added'] });
    const codes = [500, 502, 503];
    receiver.answer((_request, index) => codes[index] ?? 200);
    t.clock.set('2026-03-04T09:00:00Z');
    const ticket = await openTicket(t.ctx, acme.customer);
    expect(
      (await customer.post(`/api/tickets/${ticket.id}/messages`, { body: 'Any news?' })).statusCode,
    ).toBe(201);

    const gaps: number[] = [];
    let last = t.clock.now().getTime();
    await dispatchWebhooks(t.ctx);
    for (let failures = 1; failures <= 3; failures += 1) {
      const [row] = await t.ctx.db
        .select()
        .from(webhookDeliveries)
        .where(
          sql`${webhookDeliveries.endpointId} = ${hook.id} and ${webhookDeliveries.event} = 'ticket.created'`,
        );
      if (!row) throw new Error('no delivery');
      expect(row.status).toBe('pending');
      gaps.push(row.nextAttemptAt.getTime() - last);
      // Not due yet: nothing leaves, and the message waits behind the ticket's creation.
      t.clock.set(new Date(row.nextAttemptAt.getTime() - 1000));
      expect(await dispatchWebhooks(t.ctx)).toEqual({ delivered: 0, retried: 0 });
      t.clock.set(row.nextAttemptAt);
      last = row.nextAttemptAt.getTime();
      await dispatchWebhooks(t.ctx);
    }
    await drain();
    expect(gaps).toEqual([minute, 2 * minute, 4 * minute]);
    expect(receiver.received.map((r) => r.event)).toEqual([
      'ticket.created',
      'ticket.created',
      'ticket.created',
      'ticket.created',
      'ticket.message_added',
    ]);
    // The same delivery each time: one idempotency key for the four attempts.
    expect(new Set(receiver.received.slice(0, 4).map((r) => r.delivery)).size).toBe(1);

    const log = await admin.get(`/api/admin/webhooks/${hook.id}/deliveries`);
    expect(log.statusCode).toBe(200);
    const created = (
      log.json().items as { event: string; status: string; log: { statusCode: number }[] }[]
    ).find((d) => d.event === 'ticket.created');
    expect(created?.status).toBe('delivered');
    expect(created?.log.map((a) => a.statusCode)).toEqual([200, 503, 502, 500]);
    const [endpoint] = await t.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, hook.id));
    expect(endpoint?.failingSince).toBeNull();
  });

  it('redeliver sends the same delivery again, with the same key, and logs the new attempt', async () => {
    const hook = await register({ events: ['ticket.created'] });
    await openTicket(t.ctx, acme.customer);
    await drain();
    const [first] = receiver.received;
    if (!first) throw new Error('nothing received');
    const again = await admin.post(
      `/api/admin/webhooks/${hook.id}/deliveries/${first.delivery}/redeliver`,
      {},
    );
    expect(again.statusCode, again.body).toBe(200);
    await drain();
    expect(receiver.received.map((r) => r.delivery)).toEqual([first.delivery, first.delivery]);
    expect(receiver.received[1]?.body).toBe(first.body);
    const log = (await admin.get(`/api/admin/webhooks/${hook.id}/deliveries`)).json();
    expect(log.items[0].log).toHaveLength(2);
  });

  it('an endpoint failing for 24 hours is disabled and every admin is mailed once', async () => {
    const hook = await register({ events: ['ticket.created'] });
    receiver.answer(() => 500);
    t.clock.set('2026-03-05T09:00:00Z');
    await openTicket(t.ctx, acme.customer);
    const start = t.clock.now().getTime();
    await drain();
    while (t.clock.now().getTime() - start < 25 * 3_600_000) {
      t.clock.advance(60 * minute);
      await drain();
    }
    const [endpoint] = await t.ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, hook.id));
    expect(endpoint?.active).toBe(false);
    expect(endpoint?.disabledAt).not.toBeNull();
    const mails = await t.ctx.db.select().from(outbox).where(eq(outbox.template, 'webhook.disabled'));
    expect(mails.map((m) => m.recipient)).toEqual([staff.admin.email]);
    // Disabled: nothing more is attempted, the delivery waits.
    const before = receiver.received.length;
    t.clock.advance(3 * 60 * minute);
    await drain();
    expect(receiver.received.length).toBe(before);
    const listed = (await admin.get('/api/admin/webhooks')).json().items[0];
    expect(listed).toMatchObject({ active: false, pending: 1 });
  });
});

describe.runIf(testEngine() === 'postgres')('a worker process killed mid-delivery', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  // Node itself (not npx), so the signal reaches the worker and not a wrapper. The worker runs on
  // the system clock: the deliveries, stamped by the test's clock in the past, are due at once.
  const start = (url: string): ChildProcess => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/jobs/worker-main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        WORKER_INTERVAL_MS: '50',
        SESSION_SECRET: t.ctx.config.secret,
        SMTP_URL: '',
        WEBHOOK_CA_FILE: receiver.caFile,
        WEBHOOK_TIMEOUT_MS: '3000',
        WEBHOOK_RETRY_BASE_MS: '500',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return child;
  };
  const exited = (child: ChildProcess) =>
    new Promise<number | string | null>((resolve) =>
      child.once('exit', (code, signal) => resolve(code ?? signal)),
    );

  it('the next worker sends the delivery again with the same Guichet-Delivery key', {
    timeout: 120_000,
  }, async () => {
    const testDb = inject('testDb');
    if (testDb.engine !== 'postgres') throw new Error('PostgreSQL only');
    const result = await t.ctx.db.execute<{ name: string }>(sql`select current_database() as name`);
    const name = (result as unknown as { rows: { name: string }[] }).rows[0]?.name ?? '';
    const url = withDatabase(testDb.url, name);

    const hook = await register({ events: ['ticket.created'] });
    // The first request is held open: its sender dies before any answer.
    receiver.answer((_request, index) => (index === 0 ? 'hold' : 200));
    const ticket = await openTicket(t.ctx, acme.customer);

    const first = start(url);
    const firstExit = exited(first);
    await receiver.waitFor(1);
    first.kill('SIGKILL');
    expect(await firstExit).toBe('SIGKILL');

    const second = start(url);
    const secondExit = exited(second);
    await receiver.waitFor(2);
    const delivered = async () => {
      const [row] = await t.ctx.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, hook.id));
      return row;
    };
    while ((await delivered())?.status !== 'delivered') await new Promise((r) => setTimeout(r, 20));
    second.kill('SIGTERM');
    expect(await secondExit).toBe(0);
    receiver.release();

    const [one, two] = receiver.received;
    expect(one?.delivery).toBeTruthy();
    // Every request the receiver saw is that one delivery, with one key and the same body.
    expect(new Set(receiver.received.map((r) => r.delivery))).toEqual(new Set([one?.delivery]));
    expect(two?.body).toBe(one?.body);
    expect(one?.json.data.ticket).toMatchObject({ id: ticket.id });
    expect(signatureIsValid(hook.secret, two?.signature ?? '', two?.body ?? '')).toBe(true);
    const row = await delivered();
    // The killed worker's attempt is counted but has no answer to log; the last logged one is the 200.
    expect(row?.attempts).toBeGreaterThanOrEqual(2);
    const log = (await admin.get(`/api/admin/webhooks/${hook.id}/deliveries`)).json();
    expect(log.items[0].log[0].statusCode).toBe(200);
    expect(log.items[0].log.length).toBe(row?.attempts ? row.attempts - 1 : -1);
  });
});
