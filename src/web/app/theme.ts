import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm indigo: serious enough for a support tool, distinct from the status colours.
const brand: MantineColorsTuple = [
  '#eef0ff', '#dcdefa', '#b5b9f0', '#8b92e7', '#6870df', '#515bdb', '#4550d9', '#3742c1', '#2f3aad', '#24329a',
];

const typedInput = { input: { dir: 'auto' } };

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
  // Every field a person types into takes its direction from what is typed (`dir="auto"` on the
  // <input>/<textarea> itself): a Hebrew reply in the English UI, or a Latin e-mail address in
  // the Hebrew one, both read right. Mantine's own `dir` prop lands on the wrapper <div>, where
  // it does nothing for the text and, with no text to go by, turns the field's icons to LTR.
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm', attributes: typedInput } },
    Textarea: { defaultProps: { attributes: typedInput } },
    Autocomplete: { defaultProps: { attributes: typedInput } },
    // TagsInput hands props it does not know (here `dir`) to its typing field, not to a wrapper.
    TagsInput: { defaultProps: { dir: 'auto' } },
    PasswordInput: { defaultProps: { attributes: { innerInput: { dir: 'auto' } } } },
    Select: { defaultProps: { size: 'sm', allowDeselect: false, attributes: typedInput } },
    Badge: { defaultProps: { radius: 'sm', tt: 'none', fw: 600 } },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    Paper: { defaultProps: { radius: 'md' } },
  },
});
