import { purgeExpiredSessions } from '../app/auth/sessions';
import { sweepAbandonedUploadsHourly } from '../app/files/abandoned-uploads';
import { pruneLiveEvents } from '../app/live/hub';
import { sendDailyDigests } from '../app/notifications/daily-digest';
import { refreshPlannerStatistics } from '../app/operations/planner-statistics';
import { applyTicketRetention } from '../app/personal-data/retention';
import { runDueTimers } from '../app/timers/index';
import { dispatchWebhooks } from '../app/webhooks/dispatch-webhooks';
import { dispatchOutbox } from '../mail/dispatch';
import type { WorkerTask } from './worker';

/** Everything the worker does on each pass, in order: timers first, so their mails leave at once. */
export const workerTasks: WorkerTask[] = [
  { name: 'purge-sessions', run: (ctx) => purgeExpiredSessions(ctx.db, ctx.clock.now()) },
  { name: 'prune-live-events', run: (ctx) => pruneLiveEvents(ctx.db, ctx.clock.now()) },
  {
    name: 'ticket-timers',
    run: async (ctx) => {
      // The embedded database has one connection, which a batch holds for its transaction: smaller
      // batches there keep the requests waiting behind one short (a batch of 500 holds it for most
      // of a second, one of 100 for a fraction).
      await runDueTimers(ctx, ctx.config.DATABASE_URL ? {} : { batchSize: 100 });
    },
  },
  {
    name: 'staff-digests',
    run: async (ctx) => {
      await sendDailyDigests(ctx);
    },
  },
  {
    name: 'dispatch-outbox',
    run: async (ctx, stopping) => {
      await dispatchOutbox(ctx, stopping ? { signal: stopping } : {});
    },
  },
  {
    name: 'dispatch-webhooks',
    run: async (ctx, stopping) => {
      await dispatchWebhooks(ctx, stopping ? { signal: stopping } : {});
    },
  },
  {
    name: 'ticket-retention',
    run: async (ctx) => {
      await applyTicketRetention(ctx);
    },
  },
  {
    name: 'sweep-abandoned-uploads',
    run: async (ctx) => {
      await sweepAbandonedUploadsHourly(ctx);
    },
  },
  {
    name: 'planner-statistics',
    run: async (ctx) => {
      await refreshPlannerStatistics(ctx);
    },
  },
];
