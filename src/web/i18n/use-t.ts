import { useCallback } from 'react';
import { useIntl } from 'react-intl';

type Values = Record<string, string | number | boolean | Date | null | undefined>;

/**
 * A short message formatter for plain-text strings (labels, placeholders, aria-labels).
 * Rich text with embedded elements should use `<FormattedMessage>` instead.
 */
export function useT(): (id: string, values?: Values) => string {
  const intl = useIntl();
  return useCallback((id: string, values?: Values) => String(intl.formatMessage({ id }, values)), [intl]);
}

/**
 * Translates an open-ended code (a channel name, an audit action) when the catalogue knows it,
 * and otherwise shows the code itself: other capabilities add channels the core cannot list.
 */
export function useCodeLabel(): (prefix: string, code: string) => string {
  const intl = useIntl();
  return useCallback(
    (prefix: string, code: string) => {
      const id = `${prefix}.${code}`;
      return id in intl.messages ? String(intl.formatMessage({ id })) : code.replace(/_/g, ' ');
    },
    [intl],
  );
}
