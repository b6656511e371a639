// Runs the integration tier once on embedded PGlite and once on PostgreSQL (TEST_DATABASE_URL).
import { spawnSync } from 'node:child_process';

const extra = process.argv.slice(2);
const engines = ['pglite'];
if (process.env.TEST_DATABASE_URL) engines.push('postgres');
else
  console.log('integration: TEST_DATABASE_URL is not set, so the PostgreSQL run is left out (CI sets it).');

let failed = false;
for (const engine of engines) {
  console.log(`\n=== integration tier on ${engine === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'} ===`);
  const run = spawnSync('npx', ['vitest', 'run', '--project', 'integration', ...extra], {
    stdio: 'inherit',
    env: { ...process.env, GUICHET_TEST_DB: engine },
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
