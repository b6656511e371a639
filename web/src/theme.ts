import { Badge, type CSSVariablesResolver, createTheme, type MantineColorSchemeManager } from '@mantine/core';

// Mantine's default primary shade (6) fails WCAG contrast with white text; 8 passes, and
// autoContrast picks a readable text colour on any filled component.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  autoContrast: true,
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif',
  components: {
    // A closed list of choices is not built: kept mounted (the library's default for a multiple
    // choice), each one was laid out and positioned under its field while the page first rendered.
    // A plain object, not Combobox.extend: importing the component here would put its code on
    // every page.
    Combobox: { defaultProps: { keepMounted: false } },
    // A badge says a status or an SLA state: it is never cut to "EN PAU…". It keeps its width in a
    // row, and wraps onto a second line rather than overflow a narrow screen.
    Badge: Badge.extend({
      styles: {
        root: { flexShrink: 0, height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%' },
        label: { overflow: 'visible', textOverflow: 'clip', whiteSpace: 'normal', lineHeight: 1.3 },
      },
    }),
  },
});

// The default "dimmed" grey and error red are too light for text on white (contrast about 3.3:1).
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});

// The portal is light only and never switches: the library's default manager would open the
// browser's local storage (a slow first access) on every page load just to read "light".
export const lightOnly: MantineColorSchemeManager = {
  get: () => 'light',
  set: () => {},
  subscribe: () => {},
  unsubscribe: () => {},
  clear: () => {},
};
