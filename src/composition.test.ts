import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { installEffects, installedEffects } from './app/effects';
import { afterChangeEffects, composeContext } from './composition';

const names = (list: readonly { name: string }[]) => list.map((effect) => effect.name);

/** Every place that builds an application context: each must go through composeContext. */
const compositionRoots = [
  'src/main.ts',
  'src/jobs/worker-main.ts',
  'src/seed-main.ts',
  'test/support/app.ts',
  'bench/app.ts',
];

describe('after-change effects', () => {
  it('are refused until the composition root installs them, so no process runs with none', () => {
    expect(() => installedEffects()).toThrow(/composeContext/);
    composeContext({} as Parameters<typeof composeContext>[0]);
    expect(installedEffects()).toBe(afterChangeEffects);
  });

  it('run in one explicit order: SLA due times, R9 timers, webhooks, live notice; warnings after each recompute', () => {
    expect(names(afterChangeEffects.afterTicketChange)).toEqual([
      'recomputeSlaAfterChange',
      'scheduleTicketTimers',
      'queueTicketWebhooks',
      'publishTicketChange',
    ]);
    expect(names(afterChangeEffects.afterSlaRecompute)).toEqual(['armSlaWarnings']);
    expect(names(afterChangeEffects.afterSlaWarning)).toEqual(['queueSlaWebhooks']);
  });

  it('cannot be replaced by a different list in the same process', () => {
    installEffects(afterChangeEffects);
    expect(() =>
      installEffects({
        afterTicketChange: afterChangeEffects.afterTicketChange.slice(1),
        afterSlaRecompute: [],
        afterSlaWarning: [],
      }),
    ).toThrow(/different list/);
  });

  it.each(compositionRoots)('are what %s builds its context with', (file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).toMatch(/composeContext\(/);
    expect(source).not.toMatch(/:\s*AppContext\s*=\s*\{/);
  });
});
