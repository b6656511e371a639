import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import { languageFromBrowser, pickLanguage } from './language';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (value: string) => [...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const reference = flatten(fr as Tree);
const others = { de: flatten(de as Tree), en: flatten(en as Tree) };

describe('translations', () => {
  it('French, the reference, has no empty value', () => {
    const empty = [...reference].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  for (const [language, table] of Object.entries(others)) {
    it(`${language} has every key of French and no other`, () => {
      const missing = [...reference.keys()].filter((k) => !table.has(k));
      const extra = [...table.keys()].filter((k) => !reference.has(k));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${language} has no empty value`, () => {
      const empty = [...table].filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(empty).toEqual([]);
    });

    it(`${language} uses the same placeholders as French`, () => {
      const differing = [...reference]
        .filter(
          ([k, v]) => table.has(k) && placeholders(v).join() !== placeholders(table.get(k) ?? '').join(),
        )
        .map(([k]) => k);
      expect(differing).toEqual([]);
    });
  }
});

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
    expect([...new Set(used)].filter((k) => !reference.has(k))).toEqual([]);
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
