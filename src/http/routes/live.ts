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
    for (const stream of streams) stream.end();
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
      const send = (event: TicketChangedEvent) => {
        raw.write(`event: ${liveEventName}\ndata: ${JSON.stringify(event)}\n\n`);
      };
      // requireActor passed, so the request carried a valid session cookie.
      const sessionHash = hashToken(request.cookies[cookieNamesFor(ctx).session] ?? '');
      const unsubscribe = await hub.subscribe({ actor, sessionHash, send, end: () => raw.end() });

      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'content-encoding': 'identity',
      });
      raw.write('retry: 3000\n: connected\n\n');
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
