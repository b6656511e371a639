import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import de from './portal.de.json';
import en from './portal.en.json';
import fr from './portal.fr.json';

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

describe('portal translations', () => {
  it('French, the reference, has no empty value', () => {
    expect([...reference].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  for (const [language, table] of Object.entries(others)) {
    it(`${language} has every key of French, no other, none empty, same placeholders`, () => {
      const missing = [...reference.keys()].filter((k) => !table.has(k));
      const extra = [...table.keys()].filter((k) => !reference.has(k));
      const empty = [...table].filter(([, v]) => v.trim() === '').map(([k]) => k);
      const differing = [...reference]
        .filter(
          ([k, v]) => table.has(k) && placeholders(v).join() !== placeholders(table.get(k) ?? '').join(),
        )
        .map(([k]) => k);
      expect({ missing, extra, empty, differing }).toEqual({
        missing: [],
        extra: [],
        empty: [],
        differing: [],
      });
    });
  }
});

/** Literal `portal:` keys the code asks for, and the prefixes of keys it builds (`portal:status.label.${…}`). */
function usedInCode(dir: string): { keys: string[]; prefixes: string[] } {
  const keys: string[] = [];
  const prefixes: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = usedInCode(path);
      keys.push(...inner.keys);
      prefixes.push(...inner.prefixes);
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
      const source = readFileSync(path, 'utf8');
      for (const m of source.matchAll(/'portal:([\w.]+)'/g)) keys.push(m[1] ?? '');
      for (const m of source.matchAll(/`portal:([\w.]+)\.\$\{/g)) prefixes.push(m[1] ?? '');
    }
  }
  return { keys, prefixes };
}

describe('portal keys used by the code', () => {
  const used = usedInCode(join(import.meta.dirname, '..'));

  it('all exist in French (and so in every language)', () => {
    expect(used.keys.length).toBeGreaterThan(100);
    expect([...new Set(used.keys)].filter((k) => !reference.has(k))).toEqual([]);
  });

  it('every built key has a family in French', () => {
    const families = [...new Set(used.prefixes)];
    expect(families.filter((p) => ![...reference.keys()].some((k) => k.startsWith(`${p}.`)))).toEqual([]);
  });

  it('names every status, criticality and Flex movement kind', () => {
    for (const status of [
      'open',
      'qualified',
      'in_progress',
      'waiting_customer',
      'waiting_development',
      'transferred_development',
      'transferred_consulting',
      'closed',
    ]) {
      expect(reference.has(`status.label.${status}`) && reference.has(`status.next.${status}`)).toBe(true);
    }
    for (const c of ['critique', 'haute', 'moyenne', 'basse'])
      expect(reference.has(`criticality.${c}`)).toBe(true);
    for (const k of ['credit', 'debit', 'adjustment']) expect(reference.has(`flex.kinds.${k}`)).toBe(true);
  });
});
