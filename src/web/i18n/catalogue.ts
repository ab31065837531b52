/**
 * Message catalogues, one JSON file per capability and locale (`tickets.he.json`), merged at
 * load. Engineers add their own files next to these without touching anyone else's: the glob
 * picks them up at build time.
 */
const files = import.meta.glob<Record<string, string>>('./*.json', { eager: true, import: 'default' });

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

function catalogueFor(locale: string): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [path, messages] of Object.entries(files)) {
    const match = /\/([\w-]+)\.([a-z]{2,3}(?:-[A-Za-z]+)?)\.json$/.exec(path);
    if (match && match[2] === locale) Object.assign(merged, messages);
  }
  return merged;
}

const cache = new Map<string, Record<string, string>>();

/**
 * All messages for a locale, with English underneath so a key someone has not translated yet
 * shows in English rather than as a raw id.
 */
export function messagesFor(locale: Locale): Record<string, string> {
  let messages = cache.get(locale);
  if (!messages) {
    messages = locale === defaultLocale ? catalogueFor(locale) : { ...catalogueFor(defaultLocale), ...catalogueFor(locale) };
    cache.set(locale, messages);
  }
  return messages;
}
