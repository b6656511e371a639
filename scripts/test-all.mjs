// `npm test`: every tier in turn — unit, integration (PGlite, then PostgreSQL when
// TEST_DATABASE_URL is set), heavy topology (tests starting their own clamd), and browser end-to-end in Chromium. Stops at the first red tier.
import { spawnSync } from 'node:child_process';

const tiers = [
  ['unit', ['run', 'test:unit']],
  ['integration', ['run', 'test:integration']],
  ['heavy topology', ['run', 'test:heavy']],
  ['end-to-end', ['run', 'test:e2e']],
];
const started = Date.now();
for (const [name, args] of tiers) {
  console.log(`\n##### ${name} tier #####`);
  const run = spawnSync('npm', args, { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`\n${name} tier failed.`);
    process.exit(run.status ?? 1);
  }
}
console.log(`\nAll tiers passed in ${Math.round((Date.now() - started) / 1000)} s.`);
