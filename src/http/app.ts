import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context';
import { AppError } from '../app/errors/index';
import type { PoolStats } from '../db/client';
import { tenantScope } from '../db/tenant-scope';
import { errorBody, handleError } from './errors';
import { guardInput } from './input-guard';
import { registerIntlWarmUp } from './intl-warm-up';
import metricsPlugin from './plugins/metrics';
import sessionPlugin from './plugins/session';
import tenantScopePlugin from './plugins/tenant-scope';
import rateLimitPlugin, { rateLimitGate } from './rate-limit/plugin';
import { newRequestId, RequestLog, serializeRequest } from './request-log';
import { probeRoutes } from './routes/health';
import { registerRoutes } from './routes/index';
import { registerSecurityHeaders } from './security-headers';
import { ticketHeadingOf } from './ticket-heading';
import { MAX_FILES_PER_UPLOAD } from './uploads';
import { stylesheetLinks, webPage } from './web-page';

export interface BuildAppOptions {
  ctx: AppContext;
  /** Request log: off by default; `stream` lets a test read what would be written. */
  logger?: false | { level: string; stream?: { write(line: string): void } };
  /** Serve the built web client from this folder (skipped when it does not exist). */
  webDist?: string;
  /** The database pool's connections, for the metrics. */
  poolStats?: () => PoolStats;
}

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Builds the HTTP server without listening: the entry point listens, tests use `inject`. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  // Customers' handlers see the database through the tenant scope (row-level security).
  const scope = tenantScope(options.ctx.db);
  const ctx: AppContext = { ...options.ctx, db: scope.db };
  const app = Fastify({
    logger: options.logger ? { ...options.logger, serializers: { req: serializeRequest } } : false,
    // Only the configured proxies may say who the client is; otherwise X-Forwarded-For is ignored.
    trustProxy: ctx.config.TRUST_PROXY.length > 0 ? ctx.config.TRUST_PROXY : false,
    bodyLimit: 1024 * 1024,
    logController: new RequestLog(),
    genReqId: newRequestId,
    // While closing, requests already on a connection are still served (with Connection: close):
    // a 503 there would fail users during every rolling restart.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('shuttingDown', false);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // Every answer names its request, so a user's report leads to the matching log lines.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Before validation for JSON bodies, and again once multipart forms have become a body.
  app.addHook('preValidation', guardInput);
  app.addHook('preHandler', guardInput);

  registerSecurityHeaders(app, { https: ctx.publicUrl.startsWith('https:') });
  await app.register(cookie);
  // Files are streamed to temporary files by receiveMultipart, which enforces the limits itself;
  // the parser's own limits stand behind it.
  await app.register(multipart, {
    limits: { fileSize: ctx.config.MAX_UPLOAD_MB * 1024 * 1024 + 1, files: MAX_FILES_PER_UPLOAD },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Guichet API', version: '0.1.0', description: apiDescription },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'guichet_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'gch_…',
            description:
              'An API token (personal, or an integration token made by an admin). It acts as its owner, limited by its scopes: tickets:read, tickets:write, admin:read, admin:write. No CSRF header is needed.',
          },
        },
      },
      // Either a browser session (cookie, with the anti-forgery header on writes) or a token.
      security: [{ session: [], csrf: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  // Before the session lookup: what the rate limits already refuse costs no database work.
  await app.register(rateLimitGate, { ctx });
  await app.register(sessionPlugin, { ctx, secureCookies: ctx.publicUrl.startsWith('https:') });
  await app.register(tenantScopePlugin, { scope });
  app.addHook('onReady', async () => {
    if (!(await scope.enforced().catch(() => false))) {
      app.log.warn(
        'row-level security is not enforced: the database user cannot take the guichet_customer role (see README, Security)',
      );
    }
  });
  await app.register(rateLimitPlugin, { ctx });
  await app.register(metricsPlugin, { ctx, poolStats: options.poolStats });

  await app.register(registerRoutes, { prefix: '/api', ctx });
  await app.register(probeRoutes, { ctx });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerIntlWarmUp(app);

  const webDist = options.webDist ?? defaultWebDist;
  const pageIn = existsSync(join(webDist, 'index.html')) ? webPage(webDist) : null;
  const pageLinks = pageIn ? stylesheetLinks(webDist) : null;
  if (existsSync(webDist)) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      // The build writes .br and .gz siblings (web/vite.config.ts); the best one accepted is sent.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => void reply.header('cache-control', cachePolicy(path)),
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    // A missing built asset (a chunk of an older release) is a 404, never the page in its place.
    const ownedByServer = request.url.startsWith('/api/') || request.url.startsWith('/assets/');
    if (ownedByServer || !pageIn || request.method !== 'GET') {
      return reply.status(404).send(errorBody('not_found', request.language));
    }
    // The single-page app owns every other path, in the reader's language (web-page.ts).
    const path = request.url.split('?')[0] ?? '/';
    const ticket = await ticketHeadingOf(ctx, request.actor, path, (error) =>
      request.log.warn({ err: error }, 'the ticket named by the page could not be read'),
    );
    if (pageLinks) reply.header('link', pageLinks);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(
        pageIn({
          language: request.language,
          path,
          role: request.actor?.role ?? null,
          name: request.actor?.name ?? null,
          ticket,
        }),
      );
  });
  return app;
}

const apiDescription = [
  'Customer-support portal API.',
  '',
  'Programs authenticate with `Authorization: Bearer <token>`: a personal access token (made in the',
  'profile) or an integration token (made by an admin). A token acts as the person who made it, with',
  'the same company and role limits as their session, and its scopes limit it further: reading a',
  'route of an area needs `<area>:read`, changing anything needs `<area>:write` (areas: tickets,',
  'admin). Sign-in, profile and token routes are for signed-in people only.',
].join('\n');

/**
 * Built assets carry a content hash in their name, so a browser may keep them forever; every other
 * file (index.html above all) is revalidated so a new release is picked up on the next visit.
 */
function cachePolicy(path: string): string {
  return /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export { AppError };
