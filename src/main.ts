import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './app/context';
import { demoPassword, seedDemoIfEmpty } from './app/seed/demo';
import { instanceSecret } from './app/settings';
import { composeContext } from './composition';
import { ConfigError, loadConfig, publicUrl } from './config';
import { DataDirLockedError } from './db/data-dir-lock';
import { openConfiguredDatabase } from './db/open';
import { systemClock } from './domain/clock';
import { buildApp } from './http/app';
import { closeGracefully } from './http/graceful-close';
import { closeMailPool } from './mail/inbound/digest-pool';
import { startInboundServices } from './mail/inbound-services';
import { keepRunningOnStrayRejections } from './process-guards';

/** Composition root: config, database, HTTP server, worker; graceful shutdown. */
async function main() {
  const config = loadConfig();
  keepRunningOnStrayRejections((message, reason) => console.error(`${message}:`, reason));
  const database = await openConfiguredDatabase(config, (error) =>
    console.error(`database connection lost (${error.message}); reconnecting on the next query`),
  );
  const clock = systemClock;
  const secret = await instanceSecret(database.db, config.SESSION_SECRET ?? '', clock.now());
  const ctx = composeContext({
    db: database.db,
    clock,
    config: { ...config, secret },
    publicUrl: publicUrl(config),
  });

  const demoLogins = config.SEED_DEMO ? await seedDemoIfEmpty(ctx) : null;
  const app = await buildApp({
    ctx,
    logger: { level: config.LOG_LEVEL },
    poolStats: database.poolStats,
  });
  await app.listen({ port: config.PORT, host: config.HOST });
  const worker = config.WORKER ? await startEmbeddedWorker(ctx, config.WORKER_INTERVAL_MS, app.log) : null;
  const inbound = await startInboundServices(ctx, app.log);

  console.log(
    startupBanner(ctx.publicUrl, database.engine === 'pglite' ? config.DATA_DIR : null, demoLogins),
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received, shutting down`);
    await closeGracefully(app, {
      drainMs: config.SHUTDOWN_DRAIN_MS,
      timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
      // The worker finishes the mail it is sending and hands back the rest of its claims at once.
      beforeClose: async () => {
        await worker?.stop();
        await inbound.stop();
      },
      log: (message) => app.log.info(message),
    });
    await closeMailPool();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * The worker's modules (mail transport, timers, digests) are loaded only when this process runs
 * the worker: a web-only instance (WORKER=false) neither loads nor keeps them in memory.
 */
async function startEmbeddedWorker(ctx: AppContext, intervalMs: number, log: FastifyBaseLogger) {
  const [{ workerTasks }, { startWorker }] = await Promise.all([
    import('./jobs/tasks'),
    import('./jobs/worker'),
  ]);
  return startWorker(ctx, workerTasks, { intervalMs, log: (msg, err) => log.error({ err }, msg) });
}

/** The banner is written in one piece, so a reader of the output never sees half of it. */
function startupBanner(
  url: string,
  embeddedDir: string | null,
  demoLogins: { email: string; role: string }[] | null,
) {
  const lines = [
    `\nGuichet is running at ${url} (database: ${embeddedDir ? `embedded, in ${embeddedDir}` : 'PostgreSQL'})`,
  ];
  if (demoLogins) {
    lines.push(`Demo logins (password for all: ${demoPassword}):`);
    for (const login of demoLogins) lines.push(`  ${login.email.padEnd(26)} ${login.role}`);
  }
  return lines.join('\n');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
