import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { closeGracefully } from '../../src/http/graceful-close';
import { type TestApp, testApp } from '../support/app';

let t: TestApp | null = null;
afterEach(async () => {
  await t?.database.close().catch(() => undefined);
  t = null;
});

/** The real app, listening on a free port. */
async function listeningApp() {
  t = await testApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  return { app: t.app, base };
}

/**
 * A request in flight: a sign-in whose body is sent in two parts, the second when `finish` is
 * called. Resolves with the status once answered, or the socket error when it was cut.
 */
async function requestInFlight(base: string) {
  // The anti-forgery pair of an anonymous visitor, so the request reaches its body.
  const session = await fetch(`${base}/api/session`);
  const csrf = /guichet_csrf=([^;]+)/.exec(session.headers.getSetCookie().join(';'))?.[1] ?? '';
  const body = JSON.stringify({ email: 'nobody@example.test', password: 'not-the-password' });
  const half = Math.floor(body.length / 2);
  const req = httpRequest(`${base}/api/session`, {
    method: 'POST',
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      cookie: `guichet_csrf=${csrf}`,
      'x-csrf-token': csrf,
    },
  });
  const answered = new Promise<{ status: number } | { error: string }>((resolve) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
  req.write(body.slice(0, half));
  return { answered, finish: () => req.end(body.slice(half)) };
}

/** A GET that resolves with the status, the Connection header and the body, or the socket error. */
function get(
  url: string,
): Promise<{ status: number; connection?: string; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

describe('a graceful shutdown (SIGTERM)', () => {
  it('answers /readyz 503 at once, keeps serving while draining, and lets in-flight requests finish', async () => {
    const { app, base } = await listeningApp();
    expect(await get(`${base}/readyz`)).toMatchObject({ status: 200 });

    const inFlight = await requestInFlight(base);
    await sleep(100);
    const closing = closeGracefully(app, { drainMs: 300, timeoutMs: 5000 });

    const ready = await get(`${base}/readyz`);
    expect(ready).toMatchObject({ status: 503 });
    expect(JSON.parse((ready as { body: string }).body)).toMatchObject({
      status: 'unavailable',
      shuttingDown: true,
    });
    // Still serving during the drain: a balancer that has not yet noticed loses nothing.
    expect(await get(`${base}/livez`)).toMatchObject({ status: 200 });

    // The request that was already running completes, answered as usual (a refused sign-in here).
    await sleep(400);
    inFlight.finish();
    expect(await inFlight.answered).toEqual({ status: 401 });
    await closing;
    // Closed: new connections are refused, so a balancer retries them elsewhere.
    expect(await get(`${base}/livez`)).toEqual({ error: 'ECONNREFUSED' });
  });

  it('cuts a request still running after the timeout instead of waiting for ever', async () => {
    const { app, base } = await listeningApp();
    const stuck = await requestInFlight(base);
    await sleep(100);
    const started = Date.now();
    await closeGracefully(app, { drainMs: 0, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await stuck.answered).toHaveProperty('error');
  });

  it('stops the worker before the HTTP server, so no pass runs on a closed database', async () => {
    const { app, base } = await listeningApp();
    const order: string[] = [];
    await closeGracefully(app, {
      drainMs: 0,
      timeoutMs: 1000,
      beforeClose: async () => {
        const stillServing = await get(`${base}/livez`);
        order.push(
          `worker stopped while HTTP answered ${'status' in stillServing ? stillServing.status : 'nothing'}`,
        );
      },
    });
    order.push(`then HTTP ${JSON.stringify(await get(`${base}/livez`))}`);
    expect(order).toEqual(['worker stopped while HTTP answered 200', 'then HTTP {"error":"ECONNREFUSED"}']);
  });
});
