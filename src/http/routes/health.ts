import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { errorCatalogue } from '../../app/errors/index';
import { readiness as readinessOf } from '../../app/operations/backlog';
import { interpolate } from '../../i18n/language';

export const healthRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: { 200: z.object({ status: z.literal('ok'), time: z.string() }) },
      },
    },
    async () => {
      await ctx.db.execute(sql`select 1`);
      return { status: 'ok' as const, time: ctx.clock.now().toISOString() };
    },
  );
};

/** How long readiness waits for the database before calling it down. */
const readinessTimeoutMs = 2_000;

const readiness = z.object({
  status: z.enum(['ready', 'unavailable']),
  /** Not checked while the instance shuts down. */
  database: z.enum(['up', 'down']).optional(),
  /** The instance received SIGTERM and is draining: send new traffic elsewhere. */
  shuttingDown: z.literal(true).optional(),
  /** Whether the database holds every migration of this release (unknown while it is down). */
  migrations: z.enum(['applied', 'pending']).optional(),
  /** How late the worker is on due timers and mail, in seconds: for alerts, not for routing. */
  workerLagSeconds: z.number().optional(),
  message: z.string().optional(),
});

/**
 * Probes for orchestrators and load balancers, outside /api: /livez says the process serves
 * (restarting it would not help while only the database is away), /readyz whether it can do
 * useful work now (send traffic elsewhere while it answers 503).
 */
export const probeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/livez',
    {
      schema: {
        tags: ['system'],
        summary: 'The process is alive',
        response: { 200: z.object({ status: z.literal('alive') }) },
      },
    },
    async () => ({ status: 'alive' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['system'],
        summary: 'Ready to serve: the database answers',
        response: { 200: readiness, 503: readiness },
      },
    },
    async (request, reply) => {
      if (app.shuttingDown) {
        return reply
          .status(503)
          .send({ status: 'unavailable', shuttingDown: true, message: 'shutting down' });
      }
      const unavailable = (message: string) =>
        reply.status(503).send({ status: 'unavailable', database: 'down', message });
      if (!(await databaseAnswers(ctx))) {
        return unavailable(interpolate(errorCatalogue.database_unavailable.message[request.language], {}));
      }
      try {
        const { migrationsPending, workerLagSeconds } = await readinessOf(ctx.db, ctx.clock.now());
        if (migrationsPending > 0) {
          // An instance of this release must not take traffic before its migrations have run.
          return reply.status(503).send({
            status: 'unavailable',
            database: 'up',
            migrations: 'pending',
            workerLagSeconds,
            message: `${migrationsPending} database migration(s) not applied yet`,
          });
        }
        return {
          status: 'ready' as const,
          database: 'up' as const,
          migrations: 'applied' as const,
          workerLagSeconds,
        };
      } catch {
        return unavailable(interpolate(errorCatalogue.database_unavailable.message[request.language], {}));
      }
    },
  );
};

async function databaseAnswers(ctx: AppContext): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), readinessTimeoutMs);
  });
  const ping = ctx.db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
