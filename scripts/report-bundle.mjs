// Weighs the JavaScript the browser loads for the first page, gzip-compressed, from Vite's build
// manifest: the entry chunk, the app it starts once the page's frame is painted (web/src/main.tsx)
// and its routes, the sign-in page and the French texts, with everything they import statically
// (other pages excluded). The server preloads the same set with the page (src/http/web-page.ts).
// Fails the build above the budget of DESIGN.md (200 kB compressed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'web/dist';
const budget = 200 * 1000;

const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length === 0) {
  console.error('report-bundle: no entry chunk in the manifest');
  process.exit(1);
}

const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) visit(next);
};
const firstPage = ['src/app.tsx', 'src/routes.tsx', 'src/pages/LoginPage.tsx', 'src/i18n/fr.json'];
for (const key of [...entries.map(([key]) => key), ...firstPage.filter((key) => key in manifest)]) visit(key);

const rows = [...seen]
  .map((key) => manifest[key].file)
  .filter((file) => file.endsWith('.js'))
  .map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const total = rows.reduce((sum, row) => sum + row.gzip, 0);
console.log('\nFirst-page JavaScript (entry, app, sign-in page, texts and their static imports):');
for (const row of rows)
  console.log(`  ${row.file.padEnd(48)} ${kb(row.raw).padStart(10)}  gzip ${kb(row.gzip).padStart(9)}`);
console.log(
  `  ${'total'.padEnd(48)} ${''.padStart(10)}  gzip ${kb(total).padStart(9)}  (budget ${kb(budget)})\n`,
);
if (total > budget) {
  console.error(
    `report-bundle: the first page loads ${kb(total)} of compressed JavaScript, above ${kb(budget)}.`,
  );
  process.exit(1);
}
