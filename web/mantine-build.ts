import { join } from 'node:path';
import type { Plugin } from 'vite';

const root = new URL('.', import.meta.url).pathname;

/** Builds the component library with the app's `useId` (web/src/mantine-use-id.ts says why). */
export function mantineIds(): Plugin {
  const replacement = join(root, 'src', 'mantine-use-id.ts');
  return {
    name: 'guichet-mantine-ids',
    enforce: 'pre',
    resolveId(source, importer) {
      const libraryOwn = source === './use-id/use-id.mjs' && importer?.includes('@mantine/hooks');
      return libraryOwn ? replacement : null;
    },
  };
}

/** One change to a file of the component library, made as the build reads it. */
interface LibraryPatch {
  /** The plugin's name, for the build's messages. */
  name: string;
  file: RegExp;
  /** Each text to find, exactly once, and what replaces it. */
  replace: readonly (readonly [string, string])[];
}

/**
 * Applies a patch to the library's file as the build reads it. A library upgrade that changes a
 * patched line fails the build rather than silently bringing the cost back.
 */
function libraryPatch({ name, file, replace }: LibraryPatch): Plugin {
  return {
    name,
    enforce: 'pre',
    transform(code, id) {
      if (!file.test(id)) return null;
      let patched = code;
      for (const [from, to] of replace) {
        if (patched.split(from).length !== 2) {
          throw new Error(`${id} no longer has the text ${JSON.stringify(from)} that ${name} changes`);
        }
        patched = patched.replace(from, to);
      }
      return { code: patched, map: null };
    },
  };
}

/**
 * The provider's module computes the library's default CSS variables as it loads, about 10 ms (40 ms
 * on a phone) in the app's first task, for a function only called when the provider writes the
 * variables itself, which the app never asks it to (web/theme-variables.ts). They are computed on
 * that function's first call instead.
 */
export const mantineLazyDefaults = () =>
  libraryPatch({
    name: 'guichet-mantine-lazy-defaults',
    file: /@mantine[\\/]core[\\/]esm[\\/].*[\\/]remove-default-variables\.mjs$/,
    replace: [
      [
        'const defaultCssVariables = defaultCssVariablesResolver(DEFAULT_THEME);',
        'let computedDefaults;\n' +
          'const defaultCssVariables = new Proxy({}, { get: (_, part) => ' +
          '(computedDefaults ??= defaultCssVariablesResolver(DEFAULT_THEME))[part] });',
      ],
    ],
  });

/**
 * A popover (every select, menu and the notification bell has one) records its target element from
 * a ref, during the commit, and its portal records that it is mounted from a layout effect. A state
 * update there is rendered again at once, synchronously, and React then also runs every effect of
 * the new page in the same task: on the agent queue, with six selects, the first commit became one
 * long task. Made in a transition instead, these updates are rendered in a pass of their own that
 * yields to the browser; a closed popover shows nothing from them anyway.
 */
export const mantineQuietMounts = () => [
  libraryPatch({
    name: 'guichet-mantine-popover-targets',
    file: /@mantine[\\/]core[\\/]esm[\\/]components[\\/]Popover[\\/]Popover\.mjs$/,
    replace: [
      [
        '\t\tsetTargetNode(node);\n\t\tpopover.floating.refs.setReference(node);\n',
        '\t\tstartTransition(() => {\n\t\t\tsetTargetNode(node);\n\t\t\tpopover.floating.refs.setReference(node);\n\t\t});\n',
      ],
      [
        'import { useCallback, useRef, useState } from "react";',
        'import { startTransition, useCallback, useRef, useState } from "react";',
      ],
    ],
  }),
  libraryPatch({
    name: 'guichet-mantine-portal-mount',
    file: /@mantine[\\/]core[\\/]esm[\\/]components[\\/]Portal[\\/]Portal\.mjs$/,
    replace: [
      ['\t\tsetMounted(true);\n', '\t\tstartTransition(() => setMounted(true));\n'],
      [
        'import { useRef, useState } from "react";',
        'import { startTransition, useRef, useState } from "react";',
      ],
    ],
  }),
];
