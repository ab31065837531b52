/**
 * The formality-of-address rule: which register to write in, derived from power distance,
 * uncertainty avoidance and the grammar of the customer's language — not from a per-country
 * answer table. The few places where practice contradicts the rule are curated separately.
 */
import { HONORIFIC_GRAMMAR, PRONOUN_POLITENESS, primaryLanguage } from '../data/languages.js';
import { explain, type Explanation } from '../explanations.js';
import type { Formality } from '../types.js';

export interface FormalityInput {
  pdi: number;
  uai: number;
  language: string;
}

/** Name of a language in English for explanations ('ja' → 'Japanese'). */
export function languageName(tag: string, locale = 'en'): string {
  try {
    let names = languageNames.get(locale);
    if (!names) languageNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'language' })));
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

const languageNames = new Map<string, Intl.DisplayNames>();

/**
 * Derives register, title use and when informal address is acceptable:
 * honorific where the language grammaticalises honorifics and PDI ≥ 50; formal where PDI ≥ 50,
 * or where the language has a T–V distinction and UAI ≥ 65; informal where PDI ≤ 40; formal
 * in between. Returns the explanation with the numbers that decided it.
 */
export function deriveFormality({ pdi, uai, language }: FormalityInput): { value: Formality; explanation: Explanation } {
  const lang = primaryLanguage(language);
  const name = languageName(lang);
  const politeness = PRONOUN_POLITENESS[lang];
  if (HONORIFIC_GRAMMAR.has(lang) && pdi >= 50) {
    return {
      value: { register: 'honorific', useTitles: true, informalWhen: 'never' },
      explanation: explain('register.honorific', { language: name, languageCode: lang, pdi }),
    };
  }
  if (pdi >= 50) {
    return {
      value: { register: 'formal', useTitles: true, informalWhen: 'customer-initiates' },
      explanation: explain('register.formal-pdi', { pdi }),
    };
  }
  if ((politeness === 'binary' || politeness === 'multiple') && uai >= 65) {
    return {
      value: { register: 'formal', useTitles: true, informalWhen: 'customer-initiates' },
      explanation: explain('register.formal-tv', { language: name, languageCode: lang, uai }),
    };
  }
  if (pdi <= 40) {
    return {
      value: { register: 'informal', useTitles: false, informalWhen: 'default' },
      explanation: explain('register.informal', { pdi, language: name, languageCode: lang }),
    };
  }
  return {
    value: { register: 'formal', useTitles: false, informalWhen: 'customer-initiates' },
    explanation: explain('register.formal-middle', { pdi }),
  };
}
