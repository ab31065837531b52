/**
 * Recognises mail that no person wrote: out-of-office replies, bounces and delivery reports,
 * read receipts, abuse feedback, bulk and mailing-list mail. Such mail must never open a ticket
 * or provoke an auto-reply of ours — that is how two robots end up mailing each other forever.
 * The signals are the ones RFC 3834 (Auto-Submitted), RFC 3464 (DSN), RFC 8098 (MDN), RFC 5965
 * (ARF), RFC 2369/2919 (List-*) and the de-facto Precedence / X-Auto* headers define.
 */

export type AutomationKind =
  | 'bounce'
  | 'delivery-report'
  | 'read-receipt'
  | 'feedback-report'
  | 'auto-reply'
  | 'loop'
  | 'junk'
  | 'bulk'
  | 'list';

export interface AutomationInput {
  /** Header values by lower-case name, as raw unfolded strings. */
  headers: Record<string, string[]>;
  /** The From address (header). */
  from?: string | null;
  /** The SMTP envelope sender (MAIL FROM); an empty string is the null sender `<>`. */
  envelopeFrom?: string | null;
  subject?: string | null;
  /** X-Loop values that mark mail Rapport itself sent (e.g. this installation's host name). */
  ownLoopMarkers?: string[];
}

export interface AutomationVerdict {
  automated: boolean;
  kind: AutomationKind | null;
  /** Human-readable evidence, for the timeline and for an admin asking "why no ticket?". */
  reasons: string[];
  /** A new ticket may be opened from this message. */
  mayOpenTicket: boolean;
  /** Rapport may send an automatic acknowledgement in answer. */
  mayAutoReply: boolean;
}

const NO_TICKET: ReadonlySet<AutomationKind> = new Set([
  'bounce',
  'delivery-report',
  'read-receipt',
  'feedback-report',
  'auto-reply',
  'loop',
  'junk',
]);

/** Stronger kinds first: a bounce that also has Precedence: bulk is a bounce. */
const RANK: AutomationKind[] = [
  'loop',
  'bounce',
  'delivery-report',
  'feedback-report',
  'read-receipt',
  'auto-reply',
  'junk',
  'bulk',
  'list',
];

const AUTO_REPLY_SUBJECT =
  /^\s*(automatic reply|auto[- ]?reply|autoreply|out of (the )?office|automatische antwort|abwesenheitsnotiz|odpowiedź automatyczna|automatyczna odpowiedź|poza biurem|réponse automatique|absence|respuesta automática|fuera de la oficina|risposta automatica|autosvar|automatisch antwoord|afwezigheidsmelding|תשובה אוטומטית|מענה אוטומטי|自動返信|自動応答|不在|自动回复|自動回覆)\s*[:：]/iu;

const BOUNCE_SUBJECT =
  /^\s*(undeliverable|undelivered mail returned to sender|delivery status notification \((failure|delay)\)|mail delivery failed|returned mail|delivery failure|failure notice|unzustellbar|nicht zustellbar|niedostarczalne|non remis|no se puede entregar)\b/iu;

function first(headers: Record<string, string[]>, name: string): string | undefined {
  return headers[name]?.[0];
}

function localPart(address: string | null | undefined): string {
  if (!address) return '';
  const at = address.lastIndexOf('@');
  return (at >= 0 ? address.slice(0, at) : address).trim().toLowerCase();
}

/**
 * Parses `type/subtype; a=b; c="d;e"` into a lower-case type and its parameters (names lower
 * case, values as written). Quoted values may contain semicolons, so this is a small scanner
 * rather than a split.
 */
export function parseContentType(value: string | undefined): { type: string; params: Record<string, string> } {
  if (!value) return { type: '', params: {} };
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '"') {
      quoted = !quoted;
    } else if (ch === '\\' && quoted && i + 1 < value.length) {
      cur += value[++i];
    } else if (ch === ';' && !quoted) {
      parts.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  parts.push(cur);
  const params: Record<string, string> = {};
  for (const p of parts.slice(1)) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim();
  }
  return { type: parts[0].trim().toLowerCase(), params };
}

/**
 * Classifies a message as automated or not, and says whether it may open a ticket and whether
 * we may answer it automatically. Bulk and list mail may still open a ticket (a person can write
 * through a list), but is never auto-answered.
 */
export function classifyAutomation(input: AutomationInput): AutomationVerdict {
  const h = input.headers;
  const found = new Map<AutomationKind, string[]>();
  const add = (kind: AutomationKind, reason: string) => {
    found.set(kind, [...(found.get(kind) ?? []), reason]);
  };
  let suppressAutoReply = false;

  const ct = parseContentType(first(h, 'content-type'));
  if (ct.type === 'multipart/report') {
    const rt = (ct.params['report-type'] ?? '').toLowerCase();
    if (rt === 'disposition-notification') add('read-receipt', 'Content-Type multipart/report; report-type=disposition-notification');
    else if (rt === 'feedback-report') add('feedback-report', 'Content-Type multipart/report; report-type=feedback-report');
    else add('delivery-report', `Content-Type multipart/report; report-type=${rt || '(none)'}`);
  } else if (ct.type === 'message/delivery-status') {
    add('delivery-report', 'Content-Type message/delivery-status');
  }

  if (h['x-failed-recipients']) add('bounce', 'X-Failed-Recipients header');
  const lp = localPart(input.from);
  if (lp === 'mailer-daemon' || lp === 'mailer_daemon') add('bounce', 'sender is MAILER-DAEMON');

  const nullSender =
    input.envelopeFrom === '' || (h['return-path'] ?? []).some((v) => v.trim() === '<>' || v.trim() === '');
  if (nullSender) {
    suppressAutoReply = true; // RFC 3834 §2: never answer the null sender.
    if (lp === 'postmaster') add('bounce', 'null sender from postmaster');
  }
  const subject = input.subject ?? '';
  // A customer may well write "Undeliverable parcel": the subject only counts from a system sender.
  if (BOUNCE_SUBJECT.test(subject) && (nullSender || lp === 'postmaster' || lp.startsWith('mailer'))) {
    add('bounce', 'bounce subject from a null or system sender');
  }

  const autoSubmitted = first(h, 'auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && !autoSubmitted.startsWith('no')) add('auto-reply', `Auto-Submitted: ${autoSubmitted}`);
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponder', 'x-auto-reply', 'x-autogenerated']) {
    const v = first(h, name)?.trim().toLowerCase();
    if (v !== undefined && v !== 'no' && v !== 'false') add('auto-reply', `${name} header`);
  }
  const suppress = first(h, 'x-auto-response-suppress')?.toLowerCase() ?? '';
  if (/\b(all|oof|autoreply)\b/.test(suppress)) suppressAutoReply = true;
  if (AUTO_REPLY_SUBJECT.test(subject)) add('auto-reply', 'auto-reply subject');

  const precedence = first(h, 'precedence')?.trim().toLowerCase();
  if (precedence === 'auto_reply') add('auto-reply', 'Precedence: auto_reply');
  else if (precedence === 'junk') add('junk', 'Precedence: junk');
  else if (precedence === 'bulk') add('bulk', 'Precedence: bulk');
  else if (precedence === 'list') add('list', 'Precedence: list');
  if (h['list-id'] || h['list-unsubscribe']) add('list', 'List-Id/List-Unsubscribe header');

  const markers = (input.ownLoopMarkers ?? []).map((m) => m.toLowerCase());
  const loops = (h['x-loop'] ?? []).map((v) => v.trim().toLowerCase());
  if (loops.some((v) => markers.includes(v))) add('loop', 'X-Loop names this installation');
  else if (loops.length > 0) suppressAutoReply = true;

  const kind = RANK.find((k) => found.has(k)) ?? null;
  const reasons = kind ? RANK.flatMap((k) => found.get(k) ?? []) : [];
  return {
    automated: kind !== null,
    kind,
    reasons,
    mayOpenTicket: kind === null || !NO_TICKET.has(kind),
    mayAutoReply: kind === null && !suppressAutoReply,
  };
}
