/**
 * Greetings and sign-offs in the customer's language and register, rendered for a person.
 * Browser-safe (no Node imports) so the reply composer can pre-fill with the same code.
 */
import { SALUTATIONS, type Gender, type LanguageSalutations, type TitleKey } from './data/salutations.js';
import type { Register, SalutationValue } from './types.js';

/**
 * The templates key for a language tag: exact ('en-IN'), Traditional Chinese for TW/HK/MO,
 * then the primary language; null when we have no templates for the language.
 */
export function salutationLanguageFor(tag: string): string | null {
  const norm = tag.replace('_', '-');
  const exact = Object.keys(SALUTATIONS).find((k) => k.toLowerCase() === norm.toLowerCase());
  if (exact) return exact;
  const [lang, ...rest] = norm.split('-');
  const lower = lang.toLowerCase();
  if (lower === 'zh' && rest.some((r) => /^(hant|tw|hk|mo)$/i.test(r))) return 'zh-Hant';
  return SALUTATIONS[lower] ? lower : null;
}

/** The salutation value for a language and register (templates + sign-off), English as fallback. */
export function buildSalutation(languageTag: string, register: Register, nameOverride?: string | null): SalutationValue & { fallback: boolean } {
  const key = salutationLanguageFor(languageTag);
  const lang = key ?? 'en';
  const s = SALUTATIONS[lang];
  const set = register === 'honorific' ? s.honorific ?? s.formal : s.formal;
  const templates = register === 'informal' ? { female: s.informal, male: s.informal, neutral: s.informal } : { ...set };
  return {
    language: lang,
    register,
    templates,
    signOff: s.signOff[register],
    ...(nameOverride ? { nameOverride } : {}),
    fallback: key === null,
  };
}

export interface PersonName {
  givenName?: string | null;
  surname?: string | null;
  fullName?: string | null;
  gender?: Gender | null;
  title?: TitleKey | null;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

function composeFullName(given: string | undefined, surname: string | undefined, lang: string): string | undefined {
  if (!given && !surname) return undefined;
  if (!given || !surname) return given ?? surname;
  const surnameFirst = /^(ja|zh|ko|hu|vi)/.test(lang);
  if (surnameFirst) return CJK.test(given + surname) ? `${surname}${given}` : `${surname} ${given}`;
  return `${given} ${surname}`;
}

/**
 * Applies the name the contact signs with: several tokens are a full name; one token is the
 * surname in a formal register when it is the record's surname, when the record has none, or
 * in surname-first languages (Japanese sign "田中"); otherwise it is the given name they go by.
 */
function applyNameOverride(person: PersonName, override: string | null | undefined, register: Register, lang: string): PersonName {
  if (!override?.trim()) return person;
  const tokens = override.trim().split(/\s+/);
  if (tokens.length > 1) return { ...person, fullName: override.trim(), givenName: tokens[0], surname: tokens[tokens.length - 1] };
  const t = tokens[0];
  const surnameFirst = /^(ja|zh|ko)/.test(lang);
  if (register !== 'informal' && (t === person.surname || !person.surname || surnameFirst)) return { ...person, surname: t, fullName: undefined };
  return { ...person, givenName: t, fullName: undefined };
}

function fill(template: string, vars: Record<string, string | undefined>, title: string | undefined): string | null {
  let missing = false;
  const out = template.replace(/\{(\w+)(?:\|([^}]*))?\}/g, (_m, key: string, dflt: string | undefined) => {
    if (key === 'title') return title ?? dflt ?? '';
    const v = vars[key];
    if (!v) missing = true;
    return v ?? '';
  });
  if (missing) return null;
  return out
    .split('\n')
    .map((l) => l.replace(/[ \t]{2,}/g, ' ').replace(/\s+([,:!،，：、])/g, '$1').trim())
    .join('\n');
}

export interface RenderedSalutation {
  greeting: string;
  opening: string | null;
  signOff: string;
}

/**
 * Renders the greeting for a person: the gendered template when gender is known, the neutral
 * one otherwise; falls back to the neutral, then the anonymous greeting when a needed name part
 * is missing, so the composer never shows an empty placeholder.
 */
export function renderSalutation(value: SalutationValue, person: PersonName): RenderedSalutation {
  const s: LanguageSalutations = SALUTATIONS[value.language] ?? SALUTATIONS.en;
  const p = applyNameOverride(person, value.nameOverride, value.register, value.language);
  const gender: Gender = p.gender ?? 'neutral';
  const given = p.givenName ?? undefined;
  const surname = p.surname ?? undefined;
  const vars = { givenName: given, surname, fullName: p.fullName ?? composeFullName(given, surname, value.language) };
  const titleForms = p.title ? s.titles[p.title] : undefined;
  const title = titleForms ? (gender === 'female' ? titleForms.female : titleForms.male) : undefined;
  const candidates = [value.templates[gender], value.templates.neutral];
  let greeting: string | null = null;
  for (const t of candidates) {
    greeting = fill(t, vars, title);
    if (greeting) break;
  }
  return {
    greeting: greeting ?? s.anonymous,
    opening: s.opening?.[value.register] ?? null,
    signOff: value.signOff,
  };
}

/**
 * The form of address an earlier reply on record already used for this person ("Szanowna Pani,"
 * → female), so the next reply greets them the same way instead of the generic plural form.
 * `firstLines` are the first lines of earlier replies, newest first; the first one that reads as
 * one of the gendered greetings (with or without the title) decides. Null when none does.
 */
export function addressFromEarlierGreeting(value: SalutationValue, person: PersonName, firstLines: readonly string[]): { gender: Gender; title: TitleKey | null } | null {
  const norm = (l: string) => l.toLowerCase().replace(/[\s,.:!،，：、]+/g, ' ').trim();
  const titles: (TitleKey | null)[] = [person.title ?? null, null, 'dr', 'prof', 'eng'];
  for (const line of firstLines) {
    const seen = norm(line);
    if (!seen) continue;
    for (const gender of ['female', 'male'] as const) {
      if (value.templates[gender] === value.templates.neutral) continue;
      for (const title of titles) {
        const greeting = norm(renderSalutation(value, { ...person, gender, title }).greeting);
        if (greeting && greeting !== norm(renderSalutation(value, { ...person, gender: 'neutral', title }).greeting) && seen === greeting) return { gender, title };
      }
    }
  }
  return null;
}

/**
 * A readable example of the greeting for explanations: the gendered pair with the title slot
 * shown by its default ("Szanowna Pani, / Szanowny Panie,"; "{surname}様").
 */
export function exampleGreeting(value: SalutationValue): string {
  const clean = (t: string) => t.replace(/\{title\|([^}]*)\}/g, '$1').replace(/\{title\}/g, '').replace(/[ \t]{2,}/g, ' ').replace(/\s+([,:!，：、])/g, '$1');
  const { female, male } = value.templates;
  return female === male ? clean(female) : `${clean(female)} / ${clean(male)}`;
}

const TITLE_PREFIXES: readonly [RegExp, TitleKey][] = [
  [/^(prof\.?|professor|prof\.?\s*dr\.?)\s/i, 'prof'],
  [/^(dr\.?|dra\.?|dott\.?(ssa)?|doktor|ד"ר|ד״ר|博士)\s/i, 'dr'],
  [/^(ing\.?|dipl\.?-ing\.?|inż\.?|eng\.?|er\.)\s/i, 'eng'],
];

/**
 * The academic or professional title a contact's name starts with ("Dr. Katrin Weber" → 'dr'),
 * so the greeting can keep it ("Sehr geehrte Frau Dr. Weber"). Null when the name has none.
 */
export function titleFromName(name: string | null | undefined): TitleKey | null {
  const n = (name ?? '').trim();
  for (const [re, key] of TITLE_PREFIXES) if (re.test(n)) return key;
  return null;
}

/** Words that open a greeting rather than name the person ("Dear", "Szanowna", "שלום רב"). */
const GREETING_WORDS = /^(?:dear|hi|hello|sehr geehrte[rs]?|guten tag|hallo|szanown[aiye]|cześć|שלום רב|שלום|尊敬的|estimad[oa](?:\/a|s)?|hola,?|prezad[oa](?:\(a\))?|olá,?|gentile|ciao|bonjour|αξιότιμ[ηε]|αγαπητέ\/ή|γεια σας|hyvä|hei|bästa|hej|geachte|beste|merhaba|уважаем(?:ая|ый)|здравствуйте,?|добрый день,?|تحية طيبة|مرحبًا|आदरणीय|नमस्ते)\s+/iu;

/**
 * The contact's name in the form the greeting addresses them, without the greeting word: "田中様",
 * "Pani" / "Panie" / "Państwo" (Polish formal address has no surname), "Ms Weber", "Anna". Macros
 * use it for `{{contact.name}}` so a canned reply names the person as the culture policy does.
 */
export function addressForm(value: SalutationValue, person: PersonName): string {
  const { greeting } = renderSalutation(value, person);
  const first = greeting.split(/[,，:：!！،]/)[0].replace(/(您好|你好)$/u, '').trim();
  const name = first.replace(GREETING_WORDS, '').trim();
  if (name) return name;
  // "Szanowni Państwo" alone: the last word is the form of address.
  const words = first.split(/\s+/);
  return words.length > 1 ? words[words.length - 1] : first;
}
