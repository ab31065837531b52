/**
 * Language facts the profile and the salutation rules need: the languages business is done
 * in where CLDR's single "likely language" would mislead, politeness distinctions in pronouns
 * (WALS 45A), grammaticalised honorifics, and name order (CLDR person-name defaults).
 */

/**
 * Countries where customer service runs in more than the CLDR likely language, or in a
 * different one (India: English is the business language; CLDR's likely language is Hindi).
 * Everything else uses `Intl.Locale('und-XX').maximize()`.
 */
export const COUNTRY_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  IN: ['en-IN', 'hi-IN'],
  CH: ['de-CH', 'fr-CH', 'it-CH'],
  BE: ['nl-BE', 'fr-BE'],
  CA: ['en-CA', 'fr-CA'],
  SG: ['en-SG', 'zh-SG', 'ms-SG', 'ta-SG'],
  IL: ['he-IL', 'ar-IL', 'en'],
  LU: ['fr-LU', 'de-LU', 'lb-LU'],
  FI: ['fi-FI', 'sv-FI'],
  ZA: ['en-ZA', 'af-ZA', 'zu-ZA'],
  PH: ['en-PH', 'fil-PH'],
  MY: ['ms-MY', 'en-MY', 'zh-MY'],
  HK: ['zh-HK', 'en-HK'],
  PK: ['en-PK', 'ur-PK'],
  NG: ['en-NG'],
  KE: ['en-KE', 'sw-KE'],
  IE: ['en-IE', 'ga-IE'],
  MT: ['en-MT', 'mt-MT'],
  CY: ['el-CY', 'tr-CY'],
  AE: ['ar-AE', 'en'],
  QA: ['ar-QA', 'en'],
  UA: ['uk-UA', 'ru-UA'],
  BY: ['ru-BY', 'be-BY'],
  KZ: ['kk-KZ', 'ru-KZ'],
};

export type PronounPoliteness = 'none' | 'binary' | 'multiple' | 'avoid';

/**
 * WALS feature 45A per language (Helmbrecht). Languages not listed were not coded there; the
 * entries for cs, sk, uk, bg, hr, sr, sl, lt, lv, et, ca, be, kk, uz (binary T–V in their
 * grammars) are our addition.
 */
export const PRONOUN_POLITENESS: Readonly<Record<string, PronounPoliteness>> = {
  de: 'binary', fr: 'binary', es: 'binary', it: 'binary', pt: 'binary', pl: 'binary',
  ru: 'binary', fi: 'binary', el: 'binary', tr: 'binary', nl: 'binary', sv: 'binary',
  nb: 'binary', no: 'binary', da: 'binary', fa: 'binary', zh: 'binary',
  cs: 'binary', sk: 'binary', uk: 'binary', bg: 'binary', hr: 'binary', sr: 'binary',
  sl: 'binary', lt: 'binary', lv: 'binary', et: 'binary', ca: 'binary', be: 'binary',
  kk: 'binary', uz: 'binary',
  hi: 'multiple', hu: 'multiple', ro: 'multiple', tl: 'multiple', fil: 'multiple', ta: 'multiple', ur: 'multiple',
  ja: 'avoid', ko: 'avoid', th: 'avoid', vi: 'avoid', id: 'avoid', ms: 'avoid', my: 'avoid',
  he: 'none', en: 'none', ar: 'none',
};

/**
 * Languages whose grammar encodes honorific speech levels (Japanese keigo, Korean jondaemal):
 * a formal register there is a different verb morphology, not just a different greeting.
 */
export const HONORIFIC_GRAMMAR: ReadonlySet<string> = new Set(['ja', 'ko']);

/** CLDR 48 personNamesDefaults: languages that write the surname first. */
export const SURNAME_FIRST_LANGUAGES: ReadonlySet<string> = new Set([
  'hu', 'ja', 'km', 'ko', 'mn', 'si', 'ta', 'te', 'vi', 'yue', 'zh',
]);

/** Primary language subtag of a BCP 47 tag ('en-IN' → 'en'). */
export function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0].toLowerCase();
}
