import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { hashToken } from '../../app/auth/tokens';
import type { AppContext } from '../../app/context';
import { inboundTally, type WorkBacklog, workBacklog } from '../../app/operations/backlog';
import type { PoolStats } from '../../db/client';

export interface Metrics {
  registry: Registry;
  /** Open server-sent-event streams of this process. */
  liveStreams: Gauge;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

interface MetricsOptions {
  ctx: AppContext;
  poolStats?: () => PoolStats;
}

/**
 * Prometheus metrics at /metrics: request durations per route, database pool, the worker's backlog
 * (mail to send, due timers and their lag), inbound mail by outcome, live streams, and the process
 * itself. Counts that several instances share (backlog, inbound mail) are read from the database at
 * scrape time, so every instance reports the same figure. With METRICS_TOKEN set, the endpoint
 * wants it as a bearer token.
 */
async function metricsPlugin(app: FastifyInstance, { ctx, poolStats }: MetricsOptions) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requestDuration = new Histogram({
    name: 'guichet_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const liveStreams = new Gauge({
    name: 'guichet_live_streams',
    help: 'Open server-sent-event streams (live ticket updates) of this process.',
    registers: [registry],
  });
  new Gauge({
    name: 'guichet_db_pool_connections',
    help: 'Database connections of this process by state.',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = poolStats?.() ?? { total: 1, idle: 0, waiting: 0 };
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });
  const scrapeErrors = new Counter({
    name: 'guichet_metrics_scrape_errors_total',
    help: 'Series left out of a scrape because the database did not answer.',
    registers: [registry],
  });
  // One reading of the backlog per scrape, shared by its four series.
  let backlog: { at: number; reading: Promise<WorkBacklog | null> } | null = null;
  const readBacklog = () => {
    const now = Date.now();
    if (!backlog || now - backlog.at > 1_000) {
      backlog = { at: now, reading: workBacklog(ctx.db, ctx.clock.now()).catch(() => null) };
    }
    return backlog.reading;
  };
  const backlogGauge = (name: string, help: string, pick: (b: WorkBacklog) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const reading = await readBacklog();
        if (reading) this.set(pick(reading));
        else scrapeErrors.inc();
      },
    });
  backlogGauge('guichet_outbox_pending_mails', 'Mails waiting to be sent.', (b) => b.pendingMails);
  backlogGauge(
    'guichet_outbox_oldest_pending_seconds',
    'Age of the oldest mail waiting to be sent.',
    (b) => b.oldestPendingMailSeconds,
  );
  backlogGauge(
    'guichet_timers_due',
    'Timers (reminders, closings, SLA warnings) due and not yet processed.',
    (b) => b.dueTimers,
  );
  backlogGauge(
    'guichet_timers_lag_seconds',
    'How late the most overdue unprocessed timer is.',
    (b) => b.timerLagSeconds,
  );
  new Gauge({
    name: 'guichet_inbound_mails',
    help: 'Inbound mails received, by outcome (posted, quarantined, refused_closed …).',
    labelNames: ['outcome'],
    registers: [registry],
    async collect() {
      const tally = await inboundTally(ctx.db).catch(() => null);
      if (!tally) return void scrapeErrors.inc();
      this.reset();
      for (const [outcome, total] of Object.entries(tally)) this.set({ outcome }, total);
    },
  });

  app.decorate('metrics', { registry, liveStreams });

  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    // Unmatched paths (the web client's pages, scanners) are one series, not one per URL.
    const route = request.routeOptions.url ?? 'unmatched';
    requestDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const expectedToken = ctx.config.METRICS_TOKEN ? hashToken(ctx.config.METRICS_TOKEN) : null;
  app.get('/metrics', { schema: { hide: true }, config: { tenantScope: false } }, async (request, reply) => {
    if (expectedToken) {
      const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
      if (hashToken(given) !== expectedToken) {
        return reply.status(401).header('www-authenticate', 'Bearer').send('metrics token required\n');
      }
    }
    const text = await registry.metrics();
    return reply.type(registry.contentType).send(text);
  });
}

export default fp(metricsPlugin, { name: 'guichet-metrics' });
