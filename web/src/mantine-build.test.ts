import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { mantineLazyDefaults, mantineQuietMounts } from '../mantine-build';

const library = join(dirname(createRequire(import.meta.url).resolve('@mantine/core')), '..', 'esm');
const file = join(library, 'core/MantineProvider/MantineCssVariables/remove-default-variables.mjs');

function transformed(code: string, id = file, plugin = mantineLazyDefaults()): string {
  const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
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
      /no longer has the text/,
    );
  });
});

describe("the component library's popovers and portals", () => {
  it('record their target and their mounting in a transition', () => {
    const [popover, portal] = mantineQuietMounts();
    const files = {
      popover: join(library, 'components/Popover/Popover.mjs'),
      portal: join(library, 'components/Portal/Portal.mjs'),
    };
    const popoverCode = transformed(readFileSync(files.popover, 'utf8'), files.popover, popover);
    expect(popoverCode).toMatch(
      /startTransition\(\(\) => \{\s*setTargetNode\(node\);\s*popover\.floating\.refs\.setReference\(node\);\s*\}\);/,
    );
    expect(popoverCode).toContain('import { startTransition, useCallback, useRef, useState } from "react";');
    const portalCode = transformed(readFileSync(files.portal, 'utf8'), files.portal, portal);
    expect(portalCode).toContain('startTransition(() => setMounted(true));');
    expect(portalCode).not.toMatch(/^\s*setMounted\(true\);/m);
  });
});
