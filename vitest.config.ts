import { defineConfig } from 'vitest/config';

// Two tiers: pure unit tests next to the code they test, and integration tests over a real
// database (PGlite or PostgreSQL, chosen by GUICHET_TEST_DB; see scripts/test-integration.mjs).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
          environment: 'node',
          // Property tests run hundreds of cases; on a loaded two-core machine that takes seconds.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        // Tests that start heavier outside programs of their own (ClamAV's clamd, whole installations
        // backed up and restored) or that watch the API's responsiveness while it works hard: one
        // file at a time, so no other test's work is counted as the server's.
        test: {
          name: 'heavy',
          include: ['test/heavy/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
