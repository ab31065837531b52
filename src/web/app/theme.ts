import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm indigo: serious enough for a support tool, distinct from the status colours.
const brand: MantineColorsTuple = [
  '#eef0ff', '#dcdefa', '#b5b9f0', '#8b92e7', '#6870df', '#515bdb', '#4550d9', '#3742c1', '#2f3aad', '#24329a',
];

/**
 * The Rapport look: compact controls and small type so a queue fits on one screen, neutral
 * greys so the status and priority colours carry the meaning.
 */
export const theme = createTheme({
  primaryColor: 'brand',
  colors: { brand },
  primaryShade: 6,
  defaultRadius: 'md',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, "Noto Sans", "Noto Sans Hebrew", Arial, sans-serif',
  headings: { fontWeight: '600' },
  fontSizes: { xs: '0.75rem', sm: '0.8125rem', md: '0.875rem', lg: '1rem', xl: '1.125rem' },
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm', allowDeselect: false } },
    Badge: { defaultProps: { radius: 'sm', tt: 'none', fw: 600 } },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    Paper: { defaultProps: { radius: 'md' } },
  },
});
