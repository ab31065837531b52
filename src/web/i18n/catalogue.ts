/**
 * Message catalogues, one JSON file per capability and locale (`tickets.he.json`), merged at
 * load. Engineers add their own files next to these without touching anyone else's: the glob
 * picks them up at build time. They are loaded on demand, one locale at a time (the build puts
 * each locale's files in one chunk), so nobody downloads the languages they do not read.
 */
const files = import.meta.glob<Record<string, string>>('./*.json', { import: 'default' });

/** The languages the UI ships in. */
export const supportedLocales = ['en', 'he', 'pl'] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = 'en';

const rtlLanguages = new Set(['he', 'ar', 'fa', 'ur', 'yi']);

/** Which way the UI runs for a locale: Hebrew (and other RTL scripts) lay out right-to-left. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return rtlLanguages.has(locale.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** Narrows any string (stored preference, browser language tag) to a supported locale. */
export function toSupportedLocale(value: string | null | undefined): Locale | null {
  if (!value) return null;
  const base = value.split(/[-_]/)[0]!.toLowerCase();
  // `iw` is the legacy code some systems still send for Hebrew.
  const normalised = base === 'iw' ? 'he' : base;
  return (supportedLocales as readonly string[]).includes(normalised) ? (normalised as Locale) : null;
}

async function catalogueFor(locale: string): Promise<Record<string, string>> {
  const parts = await Promise.all(
    Object.entries(files)
      .filter(([path]) => /\/[\w-]+\.([a-z]{2,3}(?:-[A-Za-z]+)?)\.json$/.exec(path)?.[1] === locale)
      .map(([, load]) => load()),
  );
  return Object.assign({}, ...parts) as Record<string, string>;
}

const loaded = new Map<string, Record<string, string>>();
const loading = new Map<string, Promise<Record<string, string>>>();

/**
 * All messages for a locale, with English underneath so a key someone has not translated yet
 * shows in English rather than as a raw id. Fetched once per locale; a failed fetch may be retried.
 */
export function loadMessages(locale: Locale): Promise<Record<string, string>> {
  let pending = loading.get(locale);
  if (!pending) {
    pending = Promise.all([locale === defaultLocale ? {} : catalogueFor(defaultLocale), catalogueFor(locale)]).then(
      ([fallback, own]) => {
        const messages = { ...fallback, ...own };
        loaded.set(locale, messages);
        return messages;
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** The messages of a locale if they have arrived already (for rendering without a wait). */
export function loadedMessages(locale: Locale): Record<string, string> | undefined {
  return loaded.get(locale);
}
