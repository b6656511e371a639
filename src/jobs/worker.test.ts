import { describe, expect, it } from 'vitest';
import type { AppContext } from '../app/context';
import { startWorker } from './worker';

describe('the worker loop', () => {
  it('tells the running task to stop, and stop() waits for it to end', async () => {
    let taskStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      taskStarted = resolve;
    });
    const seen: string[] = [];
    const worker = startWorker(
      // The tasks below never read the context.
      {} as AppContext,
      [
        {
          name: 'holds-leases',
          run: async (_ctx, stopping) => {
            taskStarted();
            await new Promise<void>((resolve) => stopping?.addEventListener('abort', () => resolve()));
            seen.push('told to stop');
          },
        },
        { name: 'after', run: async () => void seen.push('next task ran') },
      ],
      { intervalMs: 1 },
    );
    await started;
    await worker.stop();
    expect(seen).toEqual(['told to stop']);
  });
});
