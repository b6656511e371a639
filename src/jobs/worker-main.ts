import { instanceSecret } from '../app/settings';
import { composeContext } from '../composition';
import { type Config, ConfigError, loadConfig, publicUrl } from '../config';
import { DataDirLockedError } from '../db/data-dir-lock';
import { openConfiguredDatabase } from '../db/open';
import { type Clock, systemClock } from '../domain/clock';
import { transportFor } from '../mail/transport';
import { keepRunningOnStrayRejections } from '../process-guards';
import { workerTasks } from './tasks';
import { startWorker } from './worker';

/**
 * `npm run worker`: the background worker alone (timers and mail delivery), for deployments that
 * run it apart from the HTTP servers. Any number may run against one PostgreSQL database.
 */
async function main() {
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    console.log(
      `worker: no DATABASE_URL, opening the embedded database in ${config.DATA_DIR}. It admits one process at a time: ` +
        'with the embedded database the server runs the worker itself; run standalone workers against PostgreSQL.',
    );
  }
  keepRunningOnStrayRejections((message, reason) => console.error(`worker: ${message}:`, reason));
  const database = await openConfiguredDatabase(config, (error) =>
    console.error(`worker: database connection lost (${error.message}); reconnecting on the next query`),
  );
  const clock = clockFor(config);
  const secret = await instanceSecret(database.db, config.SESSION_SECRET ?? '', clock.now());
  const ctx = composeContext({
    db: database.db,
    clock,
    config: { ...config, secret },
    publicUrl: publicUrl(config),
  });
  const worker = startWorker(ctx, workerTasks, {
    intervalMs: config.WORKER_INTERVAL_MS,
    log: (msg, err) => console.error(`worker: ${msg}`, err),
  });
  console.log(
    `worker: started (database: ${database.engine}, every ${config.WORKER_INTERVAL_MS} ms, mail: ${config.SMTP_URL ? 'SMTP' : 'mail store'})`,
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`worker: ${signal} received, finishing the current pass`);
    await worker.stop();
    transportFor(ctx.config).close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** The system clock; under test only, a clock that starts at GUICHET_FAKE_NOW and runs on. */
function clockFor(config: Config): Clock {
  if (!config.GUICHET_FAKE_NOW) return systemClock;
  const offset = Date.parse(config.GUICHET_FAKE_NOW) - Date.now();
  console.log(`worker: TEST CLOCK, starting at ${config.GUICHET_FAKE_NOW}`);
  return { now: () => new Date(Date.now() + offset) };
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
