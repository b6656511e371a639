// Compiles the server, the worker and the mail-parsing thread to JavaScript in dist/server/ (one
// file per program, shared code and what only the worker loads in chunks beside them). Run from
// TypeScript through tsx, a server keeps a second JavaScript engine in memory all its life, the
// loader thread that compiles each module: 60-100 MB of a web process's memory. Packages stay in
// node_modules. dist/server/ is two folders deep like src/http/ and src/db/, so the paths the code
// finds relative to itself (web/dist, drizzle/) are the same from both.
import { build } from 'esbuild';

const serverEntries = {
  main: 'src/main.ts',
  worker: 'src/jobs/worker-main.ts',
  'digest-worker': 'src/mail/inbound/digest-worker.ts',
};

export async function buildServer(outdir = 'dist/server') {
  await build({
    entryPoints: serverEntries,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer(process.argv[2]);
