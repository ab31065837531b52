/**
 * Validation of country codes coming from URLs and records, so the API can answer 400 for a
 * malformed code and 404 for a well-formed code that no country has.
 */
import { ISO_COUNTRY_CODES } from './data/iso-countries.js';

export type CountryCodeCheck =
  | { ok: true; code: string }
  | { ok: false; reason: 'malformed' | 'unknown'; message: string };

/**
 * Normalises (trim, upper-case) and checks an ISO 3166-1 alpha-2 code. Alpha-3 codes and
 * names are rejected as malformed rather than guessed, because guessing hides client bugs.
 */
export function checkCountryCode(input: string): CountryCodeCheck {
  const code = input.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) {
    return { ok: false, reason: 'malformed', message: `"${input}" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. "IL").` };
  }
  if (!ISO_COUNTRY_CODES.has(code)) {
    return { ok: false, reason: 'unknown', message: `No country has the ISO 3166-1 alpha-2 code "${code}".` };
  }
  return { ok: true, code };
}

/** True when the code is an assigned ISO alpha-2 country code (already upper-case). */
export function isKnownCountry(code: string): boolean {
  return ISO_COUNTRY_CODES.has(code);
}

/** The country's name in the given UI locale, falling back to the code itself. */
export function countryName(code: string, locale = 'en'): string {
  try {
    let names = regionNames.get(locale);
    if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })));
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

const regionNames = new Map<string, Intl.DisplayNames>();
