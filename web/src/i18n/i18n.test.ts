import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCompleteness, keysAskedFor } from './completeness';
import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import { languageFromBrowser, pickLanguage } from './language';

const reference = describeCompleteness('main', { fr, de, en });

/** Every literal key the code asks for: t('a.b') and navigation labels. */
function keysUsedInCode(dir: string): string[] {
  const keys: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) keys.push(...keysUsedInCode(path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
      const source = readFileSync(path, 'utf8');
      for (const m of source.matchAll(/\bt\(\s*'([\w.]+)'/g)) keys.push(m[1] ?? '');
      for (const m of source.matchAll(/\blabel: '(\w+\.[\w.]+)'/g)) keys.push(m[1] ?? '');
    }
  }
  return keys;
}

describe('keys used by the code', () => {
  it('all exist in French (and so, by the tests above, in every language)', () => {
    const used = keysUsedInCode(join(import.meta.dirname, '..'));
    expect(used.length).toBeGreaterThan(50);
    expect([...new Set(used)].filter((k) => !keysAskedFor(reference).has(k))).toEqual([]);
  });
});

describe('language choice', () => {
  it('prefers the signed-in user, then the cookie, then the browser, then French', () => {
    expect(pickLanguage({ userLanguage: 'en', cookie: 'de', browser: ['fr-CH'] })).toBe('en');
    expect(pickLanguage({ userLanguage: null, cookie: 'de', browser: ['en-US'] })).toBe('de');
    expect(pickLanguage({ cookie: 'xx', browser: ['it-CH', 'de-CH', 'en'] })).toBe('de');
    expect(pickLanguage({ browser: ['it', 'es'] })).toBe('fr');
    expect(pickLanguage({})).toBe('fr');
  });

  it('reads the base of browser tags', () => {
    expect(languageFromBrowser(['EN-gb'])).toBe('en');
    expect(languageFromBrowser([])).toBeUndefined();
  });
});
