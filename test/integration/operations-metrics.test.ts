import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketTimers } from '../../src/db/schema/index';
import { type TestApp, TestClient, testApp } from '../support/app';
import { createCompany, createUser, openTicket } from '../support/factories';

const webDist = mkdtempSync(join(tmpdir(), 'guichet-web-'));
mkdirSync(join(webDist, 'assets'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Guichet</title>');
writeFileSync(join(webDist, 'assets', 'app-1a2b3c.js'), 'console.log(1)');

let t: TestApp;
const lines: string[] = [];

beforeAll(async () => {
  t = await testApp({ webDist, log: { write: (line) => lines.push(line) } });
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
