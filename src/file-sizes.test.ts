/**
 * The size bar of ARCHITECTURE.md: no source file in src/ or web/src is longer than 350 lines; a
 * longer one is split into a folder of parts named after what each holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const MAX_LINES = 350;
const SOURCE = /\.(ts|tsx|css)$/;

function files(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return files(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

function longerThanTheBar(dir: string): string[] {
  return files(dir)
    .map((path) => ({ path, lines: readFileSync(join(root, path), 'utf8').split('\n').length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES)
    .map(({ path, lines }) => `${path}: ${lines} lines`);
}

describe('file sizes', () => {
  it(`no file in src/ is longer than ${MAX_LINES} lines`, () => {
    expect(longerThanTheBar('src')).toEqual([]);
  });

  it(`no file in web/src is longer than ${MAX_LINES} lines`, () => {
    expect(longerThanTheBar('web/src')).toEqual([]);
  });

  it('reads the source files of both trees (the bar is not met by reading nothing)', () => {
    expect(files('src')).toContain('src/main.ts');
    expect(files('web/src')).toContain('web/src/main.tsx');
  });
});
