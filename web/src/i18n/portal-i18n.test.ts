import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCompleteness, keysAskedFor } from './completeness';
import de from './portal.de.json';
import en from './portal.en.json';
import fr from './portal.fr.json';

const reference = describeCompleteness('portal', { fr, de, en });

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
    expect([...new Set(used.keys)].filter((k) => !keysAskedFor(reference).has(k))).toEqual([]);
  });

  it('every built key has a family in French', () => {
    const families = [...new Set(used.prefixes)];
    expect(families.filter((p) => ![...reference.keys()].some((k) => k.startsWith(`${p}.`)))).toEqual([]);
  });

  it('names every Flex movement kind (statuses and criticalities: src/i18n/ticket-labels)', () => {
    for (const k of ['credit', 'debit', 'adjustment']) expect(reference.has(`flex.kinds.${k}`)).toBe(true);
  });
});
