import { describe, expect, it } from 'vitest';

// Shared by the translation tests of every namespace (main, portal, staff).

export type Tree = { [key: string]: string | Tree };

/** `{ a: { b: 'x' } }` → `a.b → x`. */
export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The keys the code asks for: a plural family (`a_one`, `a_other`) is asked for as `a`. */
export function keysAskedFor(table: Map<string, string>): Set<string> {
  const keys = new Set(table.keys());
  for (const key of table.keys()) {
    const plural = /^(.*)_(?:zero|one|two|few|many|other)$/.exec(key);
    if (plural?.[1]) keys.add(plural[1]);
  }
  return keys;
}

const placeholders = (value: string) => [...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/**
 * Declares the completeness tests of one namespace: French (the reference) has no empty value;
 * German and English have exactly its keys, none empty, with the same placeholders. Returns the
 * French keys for the namespace's own checks of the keys its code uses.
 */
export function describeCompleteness(name: string, tables: { fr: object; de: object; en: object }) {
  const reference = flatten(tables.fr as Tree);
  describe(`${name} translations`, () => {
    it('French, the reference, has no empty value', () => {
      expect([...reference].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    });

    for (const [language, tree] of Object.entries({ de: tables.de, en: tables.en })) {
      const table = flatten(tree as Tree);
      it(`${language} has every key of French, no other, none empty, the same placeholders`, () => {
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
  return reference;
}
