import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketTimers } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createUser, openTicket, ticketFor } from '../support/factories';

const webDist = mkdtempSync(join(tmpdir(), 'guichet-web-'));
mkdirSync(join(webDist, 'assets'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Guichet</title>');
writeFileSync(join(webDist, 'assets', 'app-1a2b3c.js'), 'console.log(1)');

let t: TestApp;
const lines: string[] = [];
const inboundToken = 'inbound-webhook-token-0123456789';
const mta = 'mx.guichet.test';

beforeAll(async () => {
  t = await testApp({
    webDist,
    log: { write: (line) => lines.push(line) },
    env: { INBOUND_WEBHOOK_TOKEN: inboundToken, INBOUND_TRUSTED_AUTHSERV_ID: mta },
  });
});
afterAll(async () => {
  await t.close();
  rmSync(webDist, { recursive: true, force: true });
});

async function scrape() {
  const response = await t.app.inject({ url: '/metrics' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('text/plain');
  const families = parsePrometheusTextFormat(response.body);
  return Object.assign(new Map<string, PrometheusFamily>(families.map((f) => [f.name, f])), {
    text: response.body,
  });
}

const sampleOf = (family: PrometheusFamily | undefined, labels: Record<string, string> = {}) =>
  Number(family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value);

describe('metrics', () => {
  it('parse as Prometheus text and show the request, pool, backlog, inbound and live series', async () => {
    const company = await createCompany(t.ctx.db);
    const customer = await createUser(t.ctx.db, { role: 'customer', companyId: company.company.id });
    const client = new TestClient(t.app);
    await client.login(customer.email);
    expect((await client.get('/api/tickets')).statusCode).toBe(200);
    // A new ticket queues its receipt mail; a timer fell due an hour ago and no worker runs.
    const ticket = await openTicket(t.ctx, customer);
    await t.ctx.db.insert(ticketTimers).values({
      ticketId: ticket.id,
      kind: 'reminder_1',
      dueAt: new Date(t.clock.now().getTime() - 3_600_000),
      ladder: 'metrics-test',
      createdAt: t.clock.now(),
    });
    t.clock.advance(120_000);

    const metrics = await scrape();
    const requests = metrics.get('guichet_http_request_duration_seconds');
    expect(requests?.type).toBe('HISTOGRAM');
    // The parser folds a histogram's labelled series together: the route is read from the text.
    expect(metrics.text).toMatch(
      /^guichet_http_request_duration_seconds_count\{method="GET",route="\/api\/tickets",status_code="200"\} 1$/m,
    );
    expect(
      metrics
        .get('guichet_db_pool_connections')
        ?.metrics.map((m) => m.labels?.state)
        .sort(),
    ).toEqual(['idle', 'total', 'waiting']);
    expect(sampleOf(metrics.get('guichet_outbox_pending_mails'))).toBeGreaterThanOrEqual(1);
    expect(sampleOf(metrics.get('guichet_outbox_oldest_pending_seconds'))).toBeGreaterThanOrEqual(120);
    expect(sampleOf(metrics.get('guichet_timers_due'))).toBe(1);
    expect(sampleOf(metrics.get('guichet_timers_lag_seconds'))).toBe(3_600 + 120);
    expect(metrics.has('guichet_inbound_mails')).toBe(true);
    expect(sampleOf(metrics.get('guichet_live_streams'))).toBe(0);
    expect(metrics.has('process_cpu_user_seconds_total')).toBe(true);
  });

  it('count inbound mails by outcome and the live streams open on the instance', async () => {
    const acme = await createCompany(t.ctx.db);
    const ticket = await ticketFor(t.ctx, acme.customer, 'in_progress');
    const receive = async (from: string, n: number) => {
      const raw = Buffer.from(
        [
          `Message-ID: <metrics-${n}-${Date.now()}@client.example>`,
          `Authentication-Results: ${mta}; dmarc=pass`,
          `From: ${from}`,
          'To: support@guichet.local',
          `Subject: Re: [${ticket.key}] Export`,
          '',
          'Voici la suite.',
          '',
        ].join('\r\n'),
      );
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/inbound/mail',
        headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${inboundToken}` },
        payload: raw,
      });
      return response.json().outcome as string;
    };
    const inbound = async () => metrics.get('guichet_inbound_mails');
    let metrics = await scrape();
    const before = {
      posted: sampleOf(await inbound(), { outcome: 'posted' }) || 0,
      quarantined: sampleOf(await inbound(), { outcome: 'quarantined' }) || 0,
    };
    expect(await receive(acme.customer.email, 1)).toBe('posted');
    // The company's domain, but no account: quarantined (R11).
    expect(await receive(`stranger@${acme.company.mailDomains[0]}`, 2)).toBe('quarantined');

    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const client = new TestClient(t.app);
    await client.login(acme.customer.email);
    const stream = httpRequest(
      `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/live/tickets`,
      { headers: { cookie: `guichet_session=${client.cookie('guichet_session')}` } },
    );
    await new Promise<void>((resolve, reject) => {
      stream.on('response', (response) => response.once('data', () => resolve()));
      stream.on('error', reject);
      stream.end();
    });
    metrics = await scrape();
    expect(sampleOf(await inbound(), { outcome: 'posted' })).toBe(before.posted + 1);
    expect(sampleOf(await inbound(), { outcome: 'quarantined' })).toBe(before.quarantined + 1);
    expect(sampleOf(metrics.get('guichet_live_streams'))).toBe(1);

    stream.destroy();
    for (let i = 0; i < 200 && sampleOf((await scrape()).get('guichet_live_streams')) !== 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(sampleOf((await scrape()).get('guichet_live_streams'))).toBe(0);
  });

  it('want the bearer token when one is configured', async () => {
    const guarded = await testApp({ env: { METRICS_TOKEN: 'a-long-metrics-token-123' } });
    try {
      const without = await guarded.app.inject({ url: '/metrics' });
      expect(without.statusCode).toBe(401);
      expect(without.headers['www-authenticate']).toBe('Bearer');
      const wrong = await guarded.app.inject({ url: '/metrics', headers: { authorization: 'Bearer nope' } });
      expect(wrong.statusCode).toBe(401);
      const right = await guarded.app.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer a-long-metrics-token-123' },
      });
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain('guichet_outbox_pending_mails');
    } finally {
      await guarded.close();
    }
  });
});

describe('readiness', () => {
  it('says the migrations are applied and how late the worker is', async () => {
    const response = await t.app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ready', database: 'up', migrations: 'applied' });
    expect(response.json().workerLagSeconds).toEqual(expect.any(Number));
  });
});

describe('request log', () => {
  it('names every answer with a request id, writes one line per API request and none per static file', async () => {
    lines.length = 0;
    const api = await t.app.inject({ url: '/api/session' });
    const asset = await t.app.inject({ url: '/assets/app-1a2b3c.js' });
    const page = await t.app.inject({ url: '/tickets' });
    expect(asset.statusCode).toBe(200);
    expect(page.statusCode).toBe(200);
    const ids = [api, asset, page].map((r) => String(r.headers['x-request-id']));
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[\w-]{8}$/);

    // The line is written once the answer has left, which is just after inject resolves.
    for (let i = 0; i < 100 && !lines.some((line) => line.includes('"url":"/tickets"')); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const entries = lines.map(
      (line) => JSON.parse(line) as { reqId?: string; msg: string; req?: { url: string } },
    );
    const completed = entries.filter((e) => e.msg === 'request completed');
    expect(completed.map((e) => e.req?.url)).toEqual(['/api/session', '/tickets']);
    expect(completed.map((e) => e.reqId)).toEqual([ids[0], ids[2]]);
    expect(entries.every((e) => e.reqId === undefined || ids.includes(e.reqId))).toBe(true);
  });
});
