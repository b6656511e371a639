import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import type { AppContext } from '../../app/context';
import { AppError } from '../../app/errors/index';
import type { Config } from '../../config';
import { cookieNamesFor } from '../plugins/session';
import { RateLimitGate, type RefusalCode } from './gate';
import { postgresRateLimitCounter } from './postgres-store';

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

/** One request counted under one key: whether the key is over its limit, and until when (ms left). */
interface Outcome {
  isExceeded: boolean;
  ttl: number;
}
interface Limit {
  key: string;
  code: RefusalCode;
  max: number;
}
/** Counts a request under each of its limits, in one round trip where the store allows it. */
type Count = (request: FastifyRequest, limits: Limit[]) => Promise<Outcome[]>;

/**
 * API rate limits per signed-in person and per customer company, so one company's burst cannot
 * starve the others. Counters live where every instance sees them: Redis when REDIS_URL is set,
 * else PostgreSQL (both keys of a request in one statement). A store that fails lets requests
 * through (and is logged) rather than refusing everyone.
 */
async function rateLimitPlugin(app: FastifyInstance, opts: { ctx: AppContext }) {
  const { config } = opts.ctx;
  const windowMs = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
  const count = config.REDIS_URL
    ? await redisCount(app, config, config.REDIS_URL, windowMs)
    : postgresCount(app, opts.ctx, windowMs);

  const sessionCookie = cookieNamesFor(opts.ctx).session;
  // After the session hook (registered before this plugin): the limits follow who is calling.
  app.addHook('onRequest', async (request) => {
    const actor = request.actor;
    if (!actor || !request.url.startsWith('/api/')) return;
    const limits: Limit[] = [];
    if (actor.role === 'customer' && actor.companyId) {
      const key = `company:${actor.companyId}`;
      limits.push({ key, code: 'rate_limited_company', max: config.RATE_LIMIT_COMPANY_PER_WINDOW });
    }
    limits.push({
      key: `user:${actor.userId}`,
      code: 'rate_limited_user',
      max: config.RATE_LIMIT_USER_PER_WINDOW,
    });
    const token = request.cookies[sessionCookie];
    if (token) {
      app.rateLimitGate.remember(token, { keys: limits, language: request.language });
    }
    const results = await count(request, limits);
    const now = opts.ctx.clock.now().getTime();
    let refusal: AppError | null = null;
    for (const [i, result] of results.entries()) {
      const { key, code } = limits[i] as Limit;
      if (!result.isExceeded) continue;
      app.rateLimitGate.refuse(key, now + result.ttl);
      // The company's refusal is said first: waiting alone would not help the person.
      refusal ??= new AppError(code, { retryAfterSeconds: Math.ceil(result.ttl / 1000) });
    }
    if (refusal) throw refusal;
  });
}

/** Both keys in one upsert (postgresRateLimitCounter). */
function postgresCount(app: FastifyInstance, ctx: AppContext, windowMs: number): Count {
  const counter = postgresRateLimitCounter(ctx.db, ctx.clock);
  return async (_request, limits) => {
    try {
      const counts = await counter(
        limits.map((limit) => limit.key),
        windowMs,
      );
      return limits.map(({ key, max }) => {
        const counted = counts.get(key);
        return { isExceeded: (counted?.current ?? 0) > max, ttl: counted?.ttl ?? windowMs };
      });
    } catch (error) {
      app.log.warn({ err: error }, 'rate limits: PostgreSQL counters unavailable');
      return limits.map(() => ({ isExceeded: false, ttl: windowMs }));
    }
  };
}

/** Redis, through @fastify/rate-limit: one check per key. */
async function redisCount(
  app: FastifyInstance,
  config: Config,
  url: string,
  windowMs: number,
): Promise<Count> {
  const redis = new Redis(url, {
    lazyConnect: false,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  redis.on('error', (error) => app.log.warn({ err: error }, 'rate limits: Redis unavailable'));
  app.addHook('onClose', async () => {
    redis.disconnect();
  });
  await app.register(rateLimit, { global: false, skipOnError: true, redis, nameSpace: 'guichet-rate-' });
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
  return (request, limits) =>
    Promise.all(
      limits.map(async ({ code }) => {
        const result = await (code === 'rate_limited_company' ? perCompany : perUser)(request);
        return { isExceeded: result.isExceeded === true, ttl: result.ttl ?? windowMs };
      }),
    );
}

export default fp(rateLimitPlugin, {
  name: 'guichet-rate-limit',
  dependencies: ['guichet-session', 'guichet-rate-limit-gate'],
});
