import { useMemo } from 'react';
import { useIntl } from 'react-intl';

/**
 * Country and language names in the UI language from the browser's CLDR data ("Japonia",
 * "יפן"), so no catalogue has to list every country.
 */
export function useDisplayNames(): { region(code: string | null | undefined): string; language(code: string): string } {
  const { locale } = useIntl();
  return useMemo(() => {
    const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    const safe = (fn: () => string | undefined, code: string) => {
      try {
        return fn() ?? code;
      } catch {
        return code; // an invalid code from imported data should not break the page
      }
    };
    return {
      region: (code) => (code ? safe(() => regions.of(code.toUpperCase()), code) : ''),
      language: (code) => safe(() => languages.of(code), code),
    };
  }, [locale]);
}
