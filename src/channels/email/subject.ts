/**
 * Subject lines: the reply/forward prefixes mail programs add in many languages, and the
 * ticket tag (`[#1234]`) Rapport puts in every subject it sends so a reply finds its ticket even
 * when the customer's mail program drops the threading headers.
 */

/**
 * Reply and forward prefixes, by the languages whose mail programs write them. Matched
 * case-insensitively, only when followed by a colon (ASCII or full-width), so a subject that
 * merely starts with one of these words ("Fw engine fault", "SV 40 pump") is left alone.
 */
const PREFIXES = [
  // English and the international defaults
  're', 'fw', 'fwd',
  // German: Antwort / Weitergeleitet
  'aw', 'wg',
  // Dutch: Antwoord / Doorsturen
  'antw', 'doorst',
  // Scandinavian: Svar / Vidarebefordrat / Videresendt
  'sv', 'vb', 'vs', 'vl',
  // Finnish: Vastaus / Välitetty
  'vast',
  // Polish: Odpowiedź / Prześlij dalej
  'odp', 'pd',
  // French: Transféré / Réponse
  'tr', 'réf', 'ref',
  // Spanish and Portuguese: Reenviado / Respuesta / Resposta / Encaminhado
  'rv', 'res', 'enc',
  // Italian: Riferimento / Inoltrato / Risposta
  'rif', 'i', 'r',
  // Turkish: Yanıt / İlet
  'ynt', 'ilt', 'İlt',
  // Czech and Slovak: Odpověď / Přeposlat
  'odp', 'fw',
  // Greek: Απάντηση / Σχετικά / Προώθηση
  'απ', 'σχετ', 'πρθ',
  // Russian and Ukrainian
  'отв', 'пер', 'вд',
  // Hebrew: reply, answer, forwarded, forward
  'תשובה', 'השב', 'הועבר', 'העבר',
  // Arabic: reply / forward
  'رد', 'إعادة توجيه', 'توجيه',
  // Chinese (simplified and traditional): reply / forward
  '回复', '答复', '回覆', '答覆', '转发', '轉寄', '轉發',
  // Japanese: reply / forward
  '返信', '転送',
  // Korean: reply / forward
  '회신', '답장', '전달',
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Longest first so "fwd" wins over "fw" and "הועבר" is not cut short.
const prefixAlternation = [...new Set(PREFIXES)]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');

/**
 * One prefix at the start of the subject, with an optional reply counter in any of the forms
 * mail programs use (`RE[2]:`, `Re(3):`, `Re^2:`), then a colon; bidi marks and spaces around it
 * are tolerated because Hebrew and Arabic clients emit them.
 */
const PREFIX_RE = new RegExp(
  `^[\\s\\u200e\\u200f\\u202a-\\u202e]*(?:${prefixAlternation})\\s*(?:\\[\\d+\\]|\\(\\d+\\)|\\^\\d+)?\\s*[:：][\\s\\u200e\\u200f]*`,
  'iu',
);

/** A bracketed ticket tag: `[#1234]`, `[Ticket#1234]`, `[Rapport #1234]`. */
const TAG_RE = /\[(?:[^\][#\n]{0,40}?)\s*#(\d{1,12})\]/u;

/**
 * Removes every leading reply/forward prefix ("Re: AW: RE[2]: Odp: תשובה: …"), however many a
 * long conversation has stacked up, so the ticket's subject and the thread stay readable.
 */
export function stripReplyPrefixes(subject: string): string {
  let s = subject.trim();
  for (;;) {
    const m = PREFIX_RE.exec(s);
    if (!m || m[0].length === 0) break;
    s = s.slice(m[0].length);
  }
  return s.trim();
}

/** True when the subject starts with a reply or forward prefix in any language we know. */
export function hasReplyPrefix(subject: string): boolean {
  return PREFIX_RE.test(subject.trim());
}

/**
 * The ticket number in a subject's tag (`[#1234]` → 1234), or null. Used as the second
 * threading rule, after Message-ID headers: some mail programs and forwarding paths lose
 * In-Reply-To/References, but people rarely edit the subject.
 */
export function extractTicketNumber(subject: string): number | null {
  const m = TAG_RE.exec(subject);
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** The tag Rapport writes into outgoing subjects for a ticket. */
export function ticketTag(ticketNumber: number): string {
  return `[#${ticketNumber}]`;
}

/**
 * A subject reduced to what the person wrote: no prefixes, no ticket tag, single spaces. This
 * is what a new ticket is titled, and what two subjects are compared by.
 */
export function normaliseSubject(subject: string): string {
  let s = stripReplyPrefixes(subject);
  s = s.replace(new RegExp(TAG_RE.source, 'gu'), ' ');
  // A tag may have sat in front of further prefixes ("[#12] Re: Re: help").
  s = stripReplyPrefixes(s);
  return s.replace(/\s+/gu, ' ').trim();
}

/**
 * The subject of a reply Rapport sends on a ticket: one "Re:" and the ticket tag, never a
 * growing stack of prefixes.
 */
export function replySubject(subject: string, ticketNumber: number): string {
  const base = normaliseSubject(subject);
  return `Re: ${base ? `${base} ` : ''}${ticketTag(ticketNumber)}`;
}
