import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { mantineLazyDefaults } from '../mantine-build';

const file = join(
  dirname(createRequire(import.meta.url).resolve('@mantine/core')),
  '..',
  'esm/core/MantineProvider/MantineCssVariables/remove-default-variables.mjs',
);

function transformed(code: string, id = file): string {
  const transform = mantineLazyDefaults().transform as (code: string, id: string) => { code: string } | null;
  const result = transform.call({} as ThisParameterType<NonNullable<Plugin['transform']>>, code, id);
  if (!result) throw new Error('the plugin left the file alone');
  return result.code;
}

/** Runs the module's body with stand-ins for its imports, and counts the defaults computed. */
function load(code: string) {
  let computed = 0;
  const body = code
    .replace(/^import .*$/gm, '')
    .replace(/export \{ removeDefaultVariables \};/, 'return removeDefaultVariables;');
  const resolver = () => {
    computed += 1;
    return { variables: { '--a': '1' }, light: { '--b': '2' }, dark: {} };
  };
  const removeDefaultVariables = new Function('keys', 'DEFAULT_THEME', 'defaultCssVariablesResolver', body)(
    Object.keys,
    {},
    resolver,
  ) as (input: Record<'variables' | 'light' | 'dark', Record<string, string>>) => unknown;
  return { removeDefaultVariables, computed: () => computed };
}

describe("the component library's default variables", () => {
  it('are computed when first needed, not as the library loads, with the same result', () => {
    const module = load(transformed(readFileSync(file, 'utf8')));
    expect(module.computed()).toBe(0);
    const input = { variables: { '--a': '1', '--c': '3' }, light: { '--b': '9' }, dark: {} };
    expect(module.removeDefaultVariables(input)).toEqual({
      variables: { '--c': '3' },
      light: { '--b': '9' },
      dark: {},
    });
    module.removeDefaultVariables(input);
    expect(module.computed()).toBe(1);
  });

  it('stop the build when the library changes the line made lazy', () => {
    expect(() => transformed('const defaultCssVariables = somethingElse();')).toThrow(
      /no longer has the line/,
    );
  });
});
