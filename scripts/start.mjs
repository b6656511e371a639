// `npm start`: builds the web client and the server when they are missing or older than their
// sources, then runs the server on its embedded defaults (or whatever the environment configures).
// `npm run worker` (this script with `worker`) runs the worker alone the same way.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer } from './build-server.mjs';

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    return Math.max(max, time);
  }, 0);

const program = process.argv[2] === 'worker' ? 'worker' : 'main';
const built = 'web/dist/index.html';
if (
  program === 'main' &&
  (!existsSync(built) ||
    statSync(built).mtimeMs < Math.max(newest('web/src'), statSync('web/index.html').mtimeMs))
) {
  console.log('Building the web client …');
  const build = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const compiled = `dist/server/${program}.mjs`;
if (!existsSync(compiled) || statSync(compiled).mtimeMs < newest('src')) {
  console.log('Building the server …');
  await buildServer();
}
// Compiled, not through tsx: see scripts/build-server.mjs.
const server = spawn(process.execPath, ['--enable-source-maps', compiled], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
