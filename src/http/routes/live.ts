import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hashToken } from '../../app/auth/tokens';
import type { AppContext } from '../../app/context';
import { LiveHub, type TicketChangedEvent } from '../../app/live/hub';
import { cookieNamesFor, requireActor } from '../plugins/session';
import { errorResponses } from '../schemas/common';
import { liveEventName, liveStreamResponse } from '../schemas/live';

const heartbeatMs = 25_000;

/**
 * Server-sent events: ticket changes as they commit, to staff (every ticket) and customers (their
 * company's tickets, public changes only). Streams are written raw (never compressed or buffered),
 * end when the client goes away, when their session ends (sign-out, disabled account, expiry),
 * and are ended by the server when it closes.
 */
export const liveRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const hub = new LiveHub(ctx, (error) => app.log.error({ err: error }, 'live updates'));
  const streams = new Set<ServerResponse>();

  // preClose runs before the server waits for its connections: open streams would hold it forever.
  app.addHook('preClose', async () => {
    // A short retry hint: the client reconnects (through the balancer, to another instance) at once.
    for (const stream of streams) stream.end('retry: 500\n\n');
    app.metrics.liveStreams.dec(streams.size);
    streams.clear();
  });
  app.addHook('onClose', async () => {
    await hub.close();
  });

  app.get(
    '/live/tickets',
    {
      // A stream stays open for hours: it must not hold a customer transaction (nor, on PGlite, the
      // one connection). It reads no company data; the hub filters what each person may hear.
      config: { tenantScope: false },
      schema: {
        tags: ['live'],
        summary: 'Live ticket changes as server-sent events (`ticket-changed`)',
        produces: ['text/event-stream'],
        response: { 200: liveStreamResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const raw = reply.raw;
      // The replay of a reconnecting stream is sent while subscribing, before the head is written:
      // those events wait, so the answer always starts with its event-stream head.
      const waiting: string[] = [];
      let open = false;
      const write = (text: string) => {
        if (open) raw.write(text);
        else waiting.push(text);
      };
      const send = (event: TicketChangedEvent, eventId?: number) => {
        const id = eventId === undefined ? '' : `id: ${eventId}\n`;
        write(`${id}event: ${liveEventName}\ndata: ${JSON.stringify(event)}\n\n`);
      };
      // requireActor passed, so the request carried a valid session cookie.
      const sessionHash = hashToken(request.cookies[cookieNamesFor(ctx).session] ?? '');
      const lastEventId = lastEventIdOf(request.headers['last-event-id']);
      const unsubscribe = await hub.subscribe(
        { actor, sessionHash, send, end: () => raw.end() },
        lastEventId,
      );
      // A first stream learns where the window stands, so that if it is cut before any change
      // reaches it, it still reconnects with a Last-Event-ID and misses nothing.
      let position = '';
      try {
        if (lastEventId === undefined) position = `id: ${await hub.position()}\n`;
      } catch (error) {
        unsubscribe();
        throw error;
      }

      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'content-encoding': 'identity',
      });
      raw.write(`retry: 3000\n${position}: connected\n\n`);
      open = true;
      for (const text of waiting.splice(0)) raw.write(text);
      raw.flushHeaders?.();
      streams.add(raw);
      app.metrics.liveStreams.inc();

      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), heartbeatMs);
      heartbeat.unref();
      const cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        if (streams.delete(raw)) app.metrics.liveStreams.dec();
      };
      request.raw.on('close', cleanup);
      raw.on('close', cleanup);
    },
  );
};

/** The Last-Event-ID a reconnecting EventSource sends, when it is one of ours. */
function lastEventIdOf(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}
