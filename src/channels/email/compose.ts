/**
 * Builds an outgoing email for a ticket: our own Message-ID (stored, so the customer's reply
 * threads back by In-Reply-To), In-Reply-To and References continuing the customer's thread,
 * the ticket tag in the subject (the fallback when a mail program drops the headers), the team's
 * address as sender, and the framing text in the ticket's language. Pure: sending is sender.ts.
 */
import { randomBytes } from 'node:crypto';
import type { SendMailOptions } from 'nodemailer';
import { isRtl, outboundStrings } from './outbound-strings.js';
import type { EmailAddress } from './parse.js';
import { replySubject, ticketTag } from './subject.js';
import { normaliseMessageId } from './threading.js';

export interface OutboundAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  cid?: string | null;
}

export interface OutboundEmailInput {
  ticket: { number: number; subject: string; language: string | null };
  from: EmailAddress;
  to: EmailAddress[];
  cc?: EmailAddress[];
  bodyText: string;
  bodyHtml?: string | null;
  /** The message being answered (bare id), usually the customer's latest email on the ticket. */
  inReplyTo?: string | null;
  /** The thread so far, oldest first (bare ids). */
  references?: string[];
  /** Domain for our Message-IDs (the team address's domain or the public host). */
  messageIdDomain: string;
  attachments?: OutboundAttachment[];
  /** Set for mail no person wrote (acknowledgements, transcripts): RFC 3834 Auto-Submitted. */
  autoSubmitted?: 'auto-replied' | 'auto-generated';
  /** X-Loop value identifying this installation, so our own mail never opens a ticket here. */
  loopMarker?: string;
  /** A subject to use instead of "Re: <ticket subject>" (e.g. the chat transcript). */
  subjectOverride?: string;
}

export interface ComposedEmail {
  /** Bare Message-ID we assigned; store it so replies thread. */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  mail: SendMailOptions;
}

/** References kept: the thread root plus the most recent ids (RFC 5322 §3.6.4 allows trimming). */
const MAX_REFERENCES = 20;

/** A fresh Message-ID for a ticket, readable in logs and unique without coordination. */
export function newMessageId(ticketNumber: number, domain: string): string {
  return `rapport.${ticketNumber}.${Date.now().toString(36)}.${randomBytes(6).toString('hex')}@${domain}`;
}

/** The References header for a reply: the thread, plus the message answered, trimmed in the middle. */
export function buildReferences(references: string[], inReplyTo: string | null): string[] {
  const ids: string[] = [];
  for (const id of [...references, ...(inReplyTo ? [inReplyTo] : [])].map(normaliseMessageId)) {
    if (id && !ids.includes(id)) ids.push(id);
  }
  if (ids.length <= MAX_REFERENCES) return ids;
  return [ids[0], ...ids.slice(ids.length - (MAX_REFERENCES - 1))];
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text as simple HTML paragraphs, for when the agent wrote no HTML. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

const bracket = (id: string) => `<${id}>`;
const formatAddress = (a: EmailAddress) => ({ name: a.name, address: a.address });

/** Composes the reply; see the module comment for what goes into it and why. */
export function composeEmail(input: OutboundEmailInput): ComposedEmail {
  const strings = outboundStrings(input.ticket.language);
  const messageId = newMessageId(input.ticket.number, input.messageIdDomain);
  const inReplyTo = input.inReplyTo ? normaliseMessageId(input.inReplyTo) : null;
  const references = buildReferences(input.references ?? [], inReplyTo);
  const tag = ticketTag(input.ticket.number);
  const subject = input.subjectOverride
    ? `${input.subjectOverride} ${tag}`
    : replySubject(input.ticket.subject, input.ticket.number);
  const footer = strings.footer.replace('{ticket}', tag);
  const lang = input.ticket.language ?? 'en';
  const dir = isRtl(lang) ? 'rtl' : 'ltr';

  const text = `${input.bodyText.trim()}\n\n-- \n${footer}\n`;
  const bodyHtml = input.bodyHtml?.trim() ? input.bodyHtml : textToHtml(input.bodyText);
  const html =
    `<!doctype html><html lang="${escapeHtml(lang)}" dir="${dir}"><head><meta charset="utf-8"></head>` +
    `<body dir="${dir}"><div>${bodyHtml}</div>` +
    `<hr style="border:none;border-top:1px solid #ddd"><p style="color:#666;font-size:12px">${escapeHtml(footer)}</p>` +
    `</body></html>`;

  const headers: Record<string, string> = { 'Content-Language': lang };
  if (input.autoSubmitted) headers['Auto-Submitted'] = input.autoSubmitted;
  if (input.loopMarker) headers['X-Loop'] = input.loopMarker;

  const mail: SendMailOptions = {
    messageId: bracket(messageId),
    from: formatAddress(input.from),
    to: input.to.map(formatAddress),
    cc: input.cc?.length ? input.cc.map(formatAddress) : undefined,
    subject,
    text,
    html,
    headers,
    inReplyTo: inReplyTo ? bracket(inReplyTo) : undefined,
    references: references.length ? references.map(bracket) : undefined,
    attachments: input.attachments?.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
      cid: a.cid ?? undefined,
    })),
  };
  return { messageId, inReplyTo, references, subject, mail };
}
