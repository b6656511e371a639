import { type CSSVariablesResolver, createTheme } from '@mantine/core';

// Mantine's default primary shade (6) fails WCAG contrast with white text; 8 passes, and
// autoContrast picks a readable text colour on any filled component.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 5 },
  autoContrast: true,
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif',
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
