import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import type { AppContext } from '../../app/context';
import { AppError } from '../../app/errors/index';
import { postgresRateLimitStore } from './postgres-store';

type Check = (request: FastifyRequest) => Promise<{
  isAllowed: boolean;
  isExceeded?: boolean;
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
  }
}

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

  // After the session hook (registered before this plugin): the limits follow who is calling.
  app.addHook('onRequest', async (request) => {
    const actor = request.actor;
    if (!actor || !request.url.startsWith('/api/')) return;
    const checks = [perUser(request)];
    if (actor.role === 'customer' && actor.companyId) checks.push(perCompany(request));
    const [user, company] = await Promise.all(checks);
    if (company?.isExceeded) {
      throw new AppError('rate_limited_company', {
        retryAfterSeconds: company.ttlInSeconds ?? windowMs / 1000,
      });
    }
    if (user?.isExceeded) {
      throw new AppError('rate_limited_user', { retryAfterSeconds: user.ttlInSeconds ?? windowMs / 1000 });
    }
  });
}

export default fp(rateLimitPlugin, { name: 'guichet-rate-limit', dependencies: ['guichet-session'] });
