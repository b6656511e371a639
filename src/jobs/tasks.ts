import { purgeExpiredSessions } from '../app/auth/sessions';
import { dispatchOutbox } from '../mail/dispatch';
import type { WorkerTask } from './worker';

/** Everything the worker does on each pass, in order. */
export const workerTasks: WorkerTask[] = [
  { name: 'purge-sessions', run: (ctx) => purgeExpiredSessions(ctx.db, ctx.clock.now()) },
  {
    name: 'dispatch-outbox',
    run: async (ctx) => {
      await dispatchOutbox(ctx);
    },
  },
];
