import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { mantineIds, mantineLazyDefaults, mantineQuietMounts } from './mantine-build.ts';
import { themeVariables } from './theme-variables.ts';

const root = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root,
  plugins: [
    react(),
    mantineIds(),
    mantineLazyDefaults(),
    ...mantineQuietMounts(),
    themeVariables(),
    firstHeadings(),
    precompress(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // One stylesheet for the whole portal (all of it 21 kB compressed): each page's own file, added
    // while its page was being built, made the browser restyle the whole page once more.
    cssCodeSplit: false,
    // scripts/report-bundle.mjs reads the manifest to weigh what the first page loads.
    manifest: true,
    rolldownOptions: {
      // Required by the inlining below; the app's entry exports nothing.
      preserveEntrySignatures: false,
      output: {
        codeSplitting: {
          // The libraries every screen runs on (React, the router, i18next, TanStack Query, the
          // component library's core and hooks) travel in one file: left to the bundler they came
          // in a dozen, each a round trip on a phone. Components stay with the pages using them.
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|@tanstack[\\/](query-core|react-query)|@mantine[\\/]core[\\/]esm[\\/]core|@mantine[\\/]hooks|clsx|cookie|set-cookie-parser|use-sync-external-store)[\\/]|web[\\/]src[\\/]mantine-use-id/,
            },
          ],
          // Left alone, the bundler gives every module shared by two pages a file of its own: a
          // ticket page loaded about 50 files of 1 to 5 kB, each a round trip on a phone. Shared
          // pieces this small are copied into the files that use them instead (one runtime registry
          // keeps one state per module). Styles stay files: Vite emits a chunk's CSS once per copy.
          experimentalInlineCommonChunks: {
            maxSize: 40_000,
            exclude: /\.(css|scss|sass|less|styl|stylus|pcss|postcss|sss)(\?|$)/,
          },
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});

// The first screens whose heading the server paints with the page's frame (src/http/web-page.ts),
// and where their text is: the web client's own texts, one file per language and area ('' for the
// common texts). The server fills `{{name}}` with the signed-in person's name.
const headings = {
  login: { area: '', key: ['login', 'title'] },
  home: { area: '', key: ['home', 'welcome'] },
  queues: { area: 'staff', key: ['queue', 'title'] },
} as const;

/** Writes `.vite/first-headings.json`: each first screen's heading in each language. */
function firstHeadings(): Plugin {
  return {
    name: 'guichet-first-headings',
    apply: 'build',
    async generateBundle() {
      const texts: Record<string, Record<string, string>> = {};
      for (const [screen, { area, key }] of Object.entries(headings)) {
        const perLanguage: Record<string, string> = {};
        for (const language of ['fr', 'de', 'en']) {
          const file = join(root, 'src', 'i18n', `${area ? `${area}.` : ''}${language}.json`);
          let value: unknown = JSON.parse(await readFile(file, 'utf8'));
          for (const part of key) value = (value as Record<string, unknown>)[part];
          if (typeof value !== 'string') throw new Error(`${file} has no text at ${key.join('.')}`);
          perLanguage[language] = value;
        }
        texts[screen] = perLanguage;
      }
      this.emitFile({ type: 'asset', fileName: '.vite/first-headings.json', source: JSON.stringify(texts) });
    },
  };
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

// Text files only: pictures and fonts are already compressed.
const compressible = /\.(js|mjs|css|html|svg|json|txt|map)$/;
// Below this size a compressed sibling saves less than its own headers cost.
const minimumBytes = 1024;

/**
 * Writes a `.br` and a `.gz` sibling next to every text asset of the build, at the strongest
 * levels, so the server sends compressed bytes without compressing on each request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'guichet-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = await readdir(outDir, { recursive: true });
      await Promise.all(
        files.filter((file) => compressible.test(file)).map((file) => compressFile(join(outDir, file))),
      );
    },
  };
}

async function compressFile(path: string): Promise<void> {
  const bytes = await readFile(path);
  if (bytes.length < minimumBytes) return;
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzipAsync(bytes, { level: 9 }),
  ]);
  await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
}
