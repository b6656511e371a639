import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const webSource = join(import.meta.dirname);
const stylesDir = join(import.meta.dirname, '../../node_modules/@mantine/core/styles');

/** Every value imported from @mantine/core by the web client's sources. */
function mantineImports(dir: string): Set<string> {
  const names = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const [, list = ''] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@mantine\/core'/g)) {
      for (const item of list.split(',')) {
        const name = item.trim().split(/\s+as\s+/)[0] ?? '';
        if (name && !name.startsWith('type ')) names.add(name);
      }
    }
  }
  return names;
}

describe("the component library's styles", () => {
  it('are imported for every component the web client uses', () => {
    const imported = readFileSync(join(webSource, 'mantine-styles.ts'), 'utf8');
    const missing = [...mantineImports(webSource)].filter(
      (name) =>
        existsSync(join(stylesDir, `${name}.css`)) &&
        !imported.includes(`'@mantine/core/styles/${name}.css'`),
    );
    expect(missing).toEqual([]);
  });

  it('name files the library has', () => {
    const imported = readFileSync(join(webSource, 'mantine-styles.ts'), 'utf8');
    const files = [...imported.matchAll(/'@mantine\/core\/styles\/([\w-]+\.css)'/g)].map((m) => m[1] ?? '');
    expect(files.length).toBeGreaterThan(40);
    expect(files.filter((file) => !existsSync(join(stylesDir, file)))).toEqual([]);
  });

  it("come in the order of the library's full stylesheet, so equal rules override as they do there", () => {
    const full = readFileSync(join(stylesDir, '..', 'styles.css'), 'utf8');
    const imported = readFileSync(join(webSource, 'mantine-styles.ts'), 'utf8');
    const components = [...imported.matchAll(/'@mantine\/core\/styles\/([A-Z]\w*)\.css'/g)].map(
      (m) => m[1] ?? '',
    );
    // Where a component's first class appears in the full stylesheet.
    const place = (name: string) => {
      const firstClass = /\.(m_[0-9a-f]+)/.exec(readFileSync(join(stylesDir, `${name}.css`), 'utf8'))?.[1];
      return full.indexOf(`.${firstClass}`);
    };
    const places = components.map(place);
    expect(places.every((at) => at >= 0)).toBe(true);
    expect(components).toEqual([...components].sort((a, b) => place(a) - place(b)));
  });
});
