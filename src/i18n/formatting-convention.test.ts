import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Dates, times and numbers become text only in src/i18n/format.ts. The domain keeps two Intl
// formatters of its own: they compute Zurich wall-clock parts, they format nothing for people
// (and the domain imports nothing of ours). The page's warm-up script makes one so that the
// browser loads its date data before the first paint; it shows nothing either.
const root = join(import.meta.dirname, '..', '..');
const allowed = new Set([
  'src/i18n/format.ts',
  'src/domain/calendar/zoned-time.ts',
  'src/domain/tickets/auto-close-oracle.ts',
  'src/http/intl-warm-up.ts',
]);
const adHoc = /toLocale(?:Date|Time)?String\(|new Intl\.(?:DateTimeFormat|NumberFormat|RelativeTimeFormat)\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('one formatting module', () => {
  it('is the only place, in the server and the web client, that turns dates and numbers into text', () => {
    const offenders = [...sources(join(root, 'src')), ...sources(join(root, 'web', 'src'))]
      .map((path) => relative(root, path))
      .filter((path) => !allowed.has(path))
      .filter((path) => adHoc.test(readFileSync(join(root, path), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
