/**
 * Offline language detection of a customer's message, restricted to the languages we can
 * greet in. Restricting franc's candidates matters: unrestricted, short English texts come
 * back as Low German or Scots.
 */
import { franc } from 'franc';

const TO_ISO1: Readonly<Record<string, string>> = {
  eng: 'en', deu: 'de', pol: 'pl', heb: 'he', jpn: 'ja', cmn: 'zh', kor: 'ko', spa: 'es', por: 'pt',
  ita: 'it', fra: 'fr', fin: 'fi', hin: 'hi', arb: 'ar', swe: 'sv', nld: 'nl', tur: 'tr', rus: 'ru', ell: 'el',
};
const CANDIDATES = Object.keys(TO_ISO1);

/** Shortest text worth guessing at; below it a guess is noise. */
export const MIN_DETECT_LENGTH = 20;

/** ISO 639-1 language of a text, or null when it is too short or unrecognised. */
export function detectLanguage(text: string): string | null {
  const clean = text.replace(/https?:\/\/\S+|\S+@\S+/g, ' ').trim();
  if (clean.length < MIN_DETECT_LENGTH) return null;
  const code = franc(clean, { only: CANDIDATES, minLength: MIN_DETECT_LENGTH });
  return TO_ISO1[code] ?? null;
}
