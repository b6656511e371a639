import type { AppContext } from '../app/context';

/**
 * One unit of background work, run on every pass; it must be safe to run on several instances.
 * `stopping` is aborted when the worker is told to stop: a task holding leases hands back what it
 * has not started rather than working through it.
 */
export interface WorkerTask {
  name: string;
  run(ctx: AppContext, stopping?: AbortSignal): Promise<void>;
}

export interface Worker {
  stop(): Promise<void>;
}

/**
 * A loop that never overlaps itself: each pass is scheduled by a timeout after the previous one
 * ends, with jitter so several instances do not wake in step.
 */
export function startWorker(
  ctx: AppContext,
  tasks: WorkerTask[],
  options: { intervalMs: number; log?: (msg: string, err?: unknown) => void },
): Worker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const stopping = new AbortController();
  const log = options.log ?? (() => undefined);

  const pass = async () => {
    for (const task of tasks) {
      if (stopped) return;
      try {
        await task.run(ctx, stopping.signal);
      } catch (error) {
        log(`worker task ${task.name} failed`, error);
      }
    }
  };
  const schedule = () => {
    if (stopped) return;
    const jitter = Math.round(options.intervalMs * 0.2 * Math.random());
    timer = setTimeout(() => {
      current = pass().finally(schedule);
    }, options.intervalMs + jitter);
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      stopping.abort();
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
