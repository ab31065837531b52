/**
 * Checks a draft reply against the customer's service policy before it is sent: an informal
 * greeting to an honorific or formal culture, T-form pronouns, a missing sign-off, no written
 * recap after a call where procedure demands one, going over the contact's head, blunt phrasing
 * in an indirect culture. Pure and browser-safe: the composer runs it on every keystroke.
 */
import {
  BLUNT_PHRASES, CALL_REFERENCES, FORMAL_GREETINGS, INFORMAL_GREETINGS, INFORMAL_PRONOUNS,
  NEUTRAL_GREETINGS, OVER_THE_HEAD, RECAP_MARKERS, SIGN_OFFS,
} from './data/reply-patterns.js';
import type { PolicyFieldName, ServicePolicy } from './types.js';

export type ReplyWarningCode =
  | 'informal-greeting' | 'casual-honorific-suffix' | 'informal-pronoun' | 'missing-greeting'
  | 'too-formal-greeting' | 'first-name-address' | 'missing-sign-off' | 'missing-recap'
  | 'over-the-head' | 'blunt-phrasing' | 'emoji' | 'language-mismatch';

export interface ReplyWarning {
  code: ReplyWarningCode;
  severity: 'warning' | 'info';
  /** The policy field the reply goes against. */
  field: PolicyFieldName;
  /** English message; the UI translates by `code` with `params`. */
  message: string;
  params: Record<string, string>;
}

export type ReplyPolicy = Pick<ServicePolicy, 'register' | 'tone' | 'procedure' | 'hierarchyCautions' | 'salutation'>;

export interface ReplyCheckOptions {
  /** The reply follows a phone call (the composer knows the last contact's channel). */
  afterCall?: boolean;
  contact?: { givenName?: string | null; surname?: string | null };
}

const SPACELESS = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-word, case-insensitive match; substring match for scripts written without spaces. */
export function containsPhrase(text: string, phrase: string): boolean {
  const t = text.toLowerCase();
  const p = phrase.toLowerCase();
  if (SPACELESS.test(p) || /[\s!,]$/.test(p)) return t.includes(p);
  return new RegExp(`(?<![\\p{L}\\p{M}])${escape(p)}(?![\\p{L}\\p{M}])`, 'iu').test(t);
}

/**
 * Like containsPhrase, but the phrase may be the stem of a longer word: the greeting lists hold
 * stems ("szanown" for Szanowna/Szanowny/Szanowni, "sehr geehrte" for geehrter, "estimad").
 */
export function containsStem(text: string, stem: string): boolean {
  const t = text.toLowerCase();
  const p = stem.toLowerCase();
  if (SPACELESS.test(p) || /[\s!,]$/.test(p)) return t.includes(p);
  return new RegExp(`(?<![\\p{L}\\p{M}])${escape(p)}`, 'iu').test(t);
}

function startsWithPhrase(line: string, phrase: string): boolean {
  const l = line.toLowerCase().trimStart();
  const p = phrase.toLowerCase();
  if (!l.startsWith(p)) return false;
  if (SPACELESS.test(p) || /[\s!,]$/.test(p)) return true;
  return !/[\p{L}\p{M}]/u.test(l.charAt(p.length));
}

function findFirst(text: string, phrases: readonly string[]): string | undefined {
  return phrases.find((p) => containsPhrase(text, p));
}

const SCRIPT_OF: Readonly<Record<string, RegExp>> = {
  he: /\p{Script=Hebrew}/u, ar: /\p{Script=Arabic}/u, ru: /\p{Script=Cyrillic}/u, el: /\p{Script=Greek}/u,
  hi: /\p{Script=Devanagari}/u, ja: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u,
  zh: /\p{Script=Han}/u, ko: /\p{Script=Hangul}/u,
};

function primary(tag: string): string {
  return tag.split(/[-_]/)[0].toLowerCase();
}

function warn(code: ReplyWarningCode, severity: ReplyWarning['severity'], field: PolicyFieldName, message: string, params: Record<string, string> = {}): ReplyWarning {
  return { code, severity, field, message: message.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m), params };
}

function checkGreeting(firstLine: string, policy: ReplyPolicy, locale: string | undefined, opts: ReplyCheckOptions, out: ReplyWarning[]): void {
  const register = policy.register.value;
  const lang = primary(policy.salutation.value.language);
  const formalCulture = register === 'formal' || register === 'honorific';
  // Only the customer's language, the reply's language and English: "hallo" or "hello" mean
  // different things in different languages, so a global list would misfire.
  const languages = [...new Set([lang, primary(locale ?? lang), 'en'])];
  const informal = languages.flatMap((l) => INFORMAL_GREETINGS[l] ?? []).find((g) => startsWithPhrase(firstLine, g));
  if (formalCulture && informal) {
    out.push(warn('informal-greeting', 'warning', 'register',
      'The greeting "{greeting}" is informal; this customer expects a {register} register, e.g. "{example}".',
      { greeting: firstLine.trimStart().slice(0, informal.trim().length), register, example: policy.salutation.value.templates.neutral }));
  }
  if (register === 'honorific' && lang === 'ja' && /さん/.test(firstLine) && !/様/.test(firstLine)) {
    out.push(warn('casual-honorific-suffix', 'warning', 'salutation', 'Use 様 (sama), not さん (san), when writing to this customer.'));
  }
  const hasFormal = FORMAL_GREETINGS.some((g) => containsStem(firstLine, g));
  const hasAny = hasFormal || !!informal || NEUTRAL_GREETINGS.some((g) => containsStem(firstLine, g))
    || (!!opts.contact?.surname && containsPhrase(firstLine, opts.contact.surname))
    || (!!opts.contact?.givenName && containsPhrase(firstLine, opts.contact.givenName));
  if (formalCulture && !hasAny) {
    out.push(warn('missing-greeting', 'warning', 'salutation', 'Start with a greeting: a {register} culture reads a reply without one as curt.', { register }));
  }
  if (register === 'informal' && hasFormal) {
    out.push(warn('too-formal-greeting', 'info', 'register', 'This customer is addressed informally, by first name; a formal greeting reads as distant.'));
  }
  const { givenName, surname } = opts.contact ?? {};
  if (formalCulture && !informal && givenName && surname && givenName !== surname
    && containsPhrase(firstLine, givenName) && !containsPhrase(firstLine, surname)) {
    out.push(warn('first-name-address', 'warning', 'salutation', 'Address them by surname ({surname}), not by first name, until they offer otherwise.', { surname }));
  }
}

/**
 * Returns the warnings for a draft reply, most important first. `locale` is the language the
 * reply is written in; when it differs from the customer's greeting language, that is flagged.
 */
export function checkReplyAgainstPolicy(text: string, policy: ReplyPolicy, locale?: string, opts: ReplyCheckOptions = {}): ReplyWarning[] {
  const out: ReplyWarning[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return out;
  const register = policy.register.value;
  const formalCulture = register === 'formal' || register === 'honorific';
  const lang = primary(policy.salutation.value.language);

  checkGreeting(lines[0], policy, locale, opts, out);

  if (formalCulture) {
    const pronouns = INFORMAL_PRONOUNS[primary(locale ?? lang)] ?? [];
    const body = lines.slice(1).join('\n');
    const found = findFirst(body, pronouns);
    if (found) {
      out.push(warn('informal-pronoun', 'warning', 'register', '"{word}" is the familiar form; use the polite form of address with this customer.', { word: found }));
    }
    const tail = lines.slice(-3).join('\n');
    if (lines.length > 1 && !findFirst(tail, SIGN_OFFS)) {
      out.push(warn('missing-sign-off', 'info', 'salutation', 'End with a sign-off, e.g. "{signOff}".', { signOff: policy.salutation.value.signOff }));
    }
  }

  const p = policy.procedure.value;
  const afterCall = opts.afterCall || !!findFirst(text, CALL_REFERENCES);
  const listItems = lines.filter((l) => /^([-*•–]|\d+[.)])\s+/.test(l)).length;
  if (p.writtenRecapAfterCall && afterCall && listItems < 2 && !findFirst(text, RECAP_MARKERS)) {
    out.push(warn('missing-recap', 'warning', 'procedure', 'After a call, this customer expects a written recap: what was agreed, who does what, by when.'));
  }

  if (policy.hierarchyCautions.value.includes('never-bypass-contact')) {
    const found = findFirst(text, OVER_THE_HEAD);
    if (found) {
      out.push(warn('over-the-head', 'warning', 'hierarchyCautions', 'Mentioning "{phrase}" goes over the contact\'s head; keep the contact in charge and give them results to show upward.', { phrase: found }));
    }
  }

  if (policy.tone.value.directness === 'indirect') {
    const found = findFirst(text, BLUNT_PHRASES);
    if (found) {
      out.push(warn('blunt-phrasing', 'warning', 'tone', '"{phrase}" is blunt for an indirect culture; soften it and offer a way forward.', { phrase: found }));
    }
  }

  if ((policy.tone.value.warmth === 'reserved' || register === 'honorific') && /\p{Extended_Pictographic}/u.test(text)) {
    out.push(warn('emoji', 'info', 'tone', 'Emoji read as unprofessional to a reserved or honorific culture.'));
  }

  const script = SCRIPT_OF[lang];
  if (locale && primary(locale) !== lang) {
    out.push(warn('language-mismatch', 'info', 'salutation', 'The reply is in {reply}; this customer reads {expected}.', { reply: primary(locale), expected: lang }));
  } else if (!locale && script && !script.test(text)) {
    out.push(warn('language-mismatch', 'info', 'salutation', 'The reply is not written in {expected}, the customer\'s language.', { expected: lang }));
  }

  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'warning' ? -1 : 1));
}
