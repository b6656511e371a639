/**
 * Entry point of `npm run bench -- <what> [options]`:
 *   seed      fill the benchmark database (bench/seed-million.ts)
 *   latency   queue, ticket page and search latency through HTTP (bench/api-latency.ts)
 *   create    ticket creations per second (bench/create-throughput.ts)
 *   cpu       server CPU per request (read, list, reply, note, create) and RSS (bench/cpu-per-request.ts)
 *   rps       reading a ticket against a bare Fastify route, with autocannon (bench/rps-vs-bare.ts)
 *   noisy     company B's latency while company A bursts, rate limits off and on (bench/noisy-neighbour.ts)
 *   lighthouse  Lighthouse (mobile) on the sign-in page, portal home, a ticket page and the agent queue
 *             (bench/lighthouse.ts)
 *   uploads   the server's memory during parallel 100 MB uploads (bench/upload-memory.ts)
 *   timers    one worker fires 100,000 due reminders and closings, exactly once (bench/timers.ts)
 *   mixed     50 people signing in, reading, answering, searching and opening tickets at once, on
 *             PGlite by default (bench/mixed-load.ts)
 * The database is BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/guichet_bench).
 */
const scripts: Record<string, string> = {
  seed: './seed-million',
  latency: './api-latency',
  create: './create-throughput',
  cpu: './cpu-per-request',
  rps: './rps-vs-bare',
  noisy: './noisy-neighbour',
  lighthouse: './lighthouse',
  uploads: './upload-memory',
  timers: './timers',
  mixed: './mixed-load',
};

const [what, ...rest] = process.argv.slice(2);
const script = what ? scripts[what] : undefined;
if (!script) {
  console.error(
    `usage: npm run bench -- <${Object.keys(scripts).join('|')}> [options]  (see bench/README.md)`,
  );
  process.exit(2);
}
process.argv = [process.argv[0] ?? 'node', script, ...rest];
await import(script);

export {};
