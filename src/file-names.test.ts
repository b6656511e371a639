/**
 * The file-name convention of ARCHITECTURE.md: kebab-case everywhere in src/ and web/src, except
 * the web client's React components (PascalCase, `.tsx`) and hooks (named after the hook, `useX`).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const COMPONENT = /^[A-Z][A-Za-z0-9]*$/;
const HOOK = /^use[A-Z][A-Za-z0-9]*$/;

function entries(dir: string): Array<{ path: string; name: string; folder: boolean }> {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    const self = { path, name: entry.name, folder: entry.isDirectory() };
    return entry.isDirectory() ? [self, ...entries(path)] : [self];
  });
}

/** A file's name without its endings (`.test`, `.property`, `.ts` …). */
const stem = (name: string) => name.split('.')[0] ?? name;

function misnamed(dir: string, web: boolean): string[] {
  return entries(dir)
    .filter(({ name, folder }) => {
      if (folder) return !KEBAB.test(name);
      const base = stem(name);
      if (KEBAB.test(base)) return false;
      if (web && name.endsWith('.tsx') && COMPONENT.test(base)) return false;
      return !(web && HOOK.test(base));
    })
    .map(({ path }) => path);
}

describe('file names', () => {
  it('are kebab-case in src/', () => {
    expect(misnamed('src', false)).toEqual([]);
  });

  it('are kebab-case in web/src, but for React components (PascalCase) and hooks (useX)', () => {
    expect(misnamed('web/src', true)).toEqual([]);
  });
});
