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

const defaultVariablesFile = /@mantine[\\/]core[\\/]esm[\\/].*[\\/]remove-default-variables\.mjs$/;
const eagerDefaults = 'const defaultCssVariables = defaultCssVariablesResolver(DEFAULT_THEME);';

/**
 * The provider's module computes the library's default CSS variables as it loads, about 10 ms (40 ms
 * on a phone) in the app's first task, for a function only called when the provider writes the
 * variables itself, which the app never asks it to (web/theme-variables.ts). The build makes that
 * computation happen on the function's first call instead; a library upgrade that changes the line
 * fails the build rather than silently keeping the cost.
 */
export function mantineLazyDefaults(): Plugin {
  return {
    name: 'guichet-mantine-lazy-defaults',
    enforce: 'pre',
    transform(code, id) {
      if (!defaultVariablesFile.test(id)) return null;
      if (!code.includes(eagerDefaults)) {
        throw new Error(`${id} no longer has the line web/mantine-build.ts makes lazy`);
      }
      const lazy =
        'let computedDefaults;\n' +
        'const defaultCssVariables = new Proxy({}, { get: (_, part) => ' +
        '(computedDefaults ??= defaultCssVariablesResolver(DEFAULT_THEME))[part] });';
      return { code: code.replace(eagerDefaults, lazy), map: null };
    },
  };
}
