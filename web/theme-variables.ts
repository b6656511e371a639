import {
  type ConvertCSSVariablesInput,
  convertCssVariables,
  DEFAULT_THEME,
  deepMerge,
  defaultCssVariablesResolver,
  mergeMantineTheme,
} from '@mantine/core';
import type { Plugin } from 'vite';
import { cssVariablesResolver, theme } from './src/theme.ts';

const id = 'virtual:theme-variables.css';

/**
 * The theme's CSS variables (colours, shades, fonts, radius) as a stylesheet made by the build. The
 * component library's provider otherwise computes them in the browser on every page load, in one
 * render of about 25 ms, a tenth of a second on a phone, before the first screen can show; the
 * provider is told not to (`withCssVariables={false}`, web/src/app.tsx). Only what differs from
 * the library's own variables (its default stylesheet has those) is written, as the provider does.
 */
export function themeVariables(): Plugin {
  return {
    name: 'guichet-theme-variables',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (resolved) => (resolved === `\0${id}` ? themeVariablesCss() : null),
  };
}

export function themeVariablesCss(): string {
  const merged = mergeMantineTheme(DEFAULT_THEME, theme);
  const own: ConvertCSSVariablesInput = deepMerge(
    defaultCssVariablesResolver(merged),
    cssVariablesResolver(merged),
  );
  const library = defaultCssVariablesResolver(DEFAULT_THEME);
  const changed = (values: Record<string, string>, defaults: Record<string, string>) =>
    Object.fromEntries(Object.entries(values).filter(([name, value]) => defaults[name] !== value));
  return convertCssVariables(
    {
      variables: changed(own.variables, library.variables),
      light: changed(own.light, library.light),
      dark: changed(own.dark, library.dark),
    },
    ':root',
  );
}
