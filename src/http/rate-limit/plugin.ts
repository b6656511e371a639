import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import type { AppContext } from '../../app/context';
import { AppError } from '../../app/errors/index';
import { cookieNamesFor } from '../plugins/session';
import { RateLimitGate, type RefusalCode } from './gate';
import { postgresRateLimitStore } from './postgres-store';

type Check = (request: FastifyRequest) => Promise<{
  isAllowed: boolean;
  isExceeded?: boolean;
  ttl?: number;
  ttlInSeconds?: number;
  remaining?: number;
  max?: number;
}>;

declare module 'fastify' {
  interface FastifyInstance {
    createRateLimit(options: {
      keyGenerator: (request: FastifyRequest) => string;
      max: number;
      timeWindow: number;
    }): Check;
    rateLimitGate: RateLimitGate;
  }
}

/**
 * Registered before the session hook: refuses from memory the sessions whose person or company the
 * shared counters have already found over the limit (see RateLimitGate), so a burst's surplus never
 * reaches the session lookup, the counters or the body parser.
 */
async function rateLimitGatePlugin(app: FastifyInstance, opts: { ctx: AppContext }) {
  const gate = new RateLimitGate();
  const sessionCookie = cookieNamesFor(opts.ctx).session;
  app.decorate('rateLimitGate', gate);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const refusal = gate.check(request.cookies[sessionCookie], opts.ctx.clock.now().getTime());
    if (!refusal) return;
    request.language = refusal.language;
    throw new AppError(refusal.code, { retryAfterSeconds: refusal.retryAfterSeconds });
  });
}

export const rateLimitGate = fp(rateLimitGatePlugin, {
  name: 'guichet-rate-limit-gate',
  dependencies: ['@fastify/cookie'],
});

/**
 * API rate limits per signed-in person and per customer company, so one company's burst cannot
 * starve the others. Counters live where every instance sees them: Redis when REDIS_URL is set,
 * else PostgreSQL. A store that fails lets requests through (and is logged) rather than
 * refusing everyone.
 */
async function rateLimitPlugin(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { config } = opts.ctx;
  const windowMs = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
  const redis = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false })
    : null;
  if (redis) {
    redis.on('error', (error) => app.log.warn({ err: error }, 'rate limits: Redis unavailable'));
    app.addHook('onClose', async () => {
      redis.disconnect();
    });
  }
  await app.register(rateLimit, {
    global: false,
    skipOnError: true,
    ...(redis
      ? { redis, nameSpace: 'guichet-rate-' }
      : { store: postgresRateLimitStore(opts.ctx.db, opts.ctx.clock) }),
  });

  const perUser = app.createRateLimit({
    keyGenerator: (request) => `user:${request.actor?.userId}`,
    max: config.RATE_LIMIT_USER_PER_WINDOW,
    timeWindow: windowMs,
  });
  const perCompany = app.createRateLimit({
    keyGenerator: (request) => `company:${request.actor?.companyId}`,
    max: config.RATE_LIMIT_COMPANY_PER_WINDOW,
    timeWindow: windowMs,
  });

  const sessionCookie = cookieNamesFor(opts.ctx).session;
  // After the session hook (registered before this plugin): the limits follow who is calling.
  app.addHook('onRequest', async (request) => {
    const actor = request.actor;
    if (!actor || !request.url.startsWith('/api/')) return;
    const counted: { key: string; code: RefusalCode; check: Check }[] = [];
    if (actor.role === 'customer' && actor.companyId) {
      counted.push({ key: `company:${actor.companyId}`, code: 'rate_limited_company', check: perCompany });
    }
    counted.push({ key: `user:${actor.userId}`, code: 'rate_limited_user', check: perUser });
    const token = request.cookies[sessionCookie];
    if (token) {
      app.rateLimitGate.remember(token, { keys: counted, language: request.language });
    }
    const results = await Promise.all(counted.map(({ check }) => check(request)));
    const now = opts.ctx.clock.now().getTime();
    let refusal: AppError | null = null;
    for (const [i, result] of results.entries()) {
      const { key, code } = counted[i] as (typeof counted)[number];
      if (!result.isExceeded) continue;
      app.rateLimitGate.refuse(key, now + (result.ttl ?? windowMs));
      // The company's refusal is said first: waiting alone would not help the person.
      refusal ??= new AppError(code, { retryAfterSeconds: result.ttlInSeconds ?? windowMs / 1000 });
    }
    if (refusal) throw refusal;
  });
}

export default fp(rateLimitPlugin, {
  name: 'guichet-rate-limit',
  dependencies: ['guichet-session', 'guichet-rate-limit-gate'],
});
