/**
 * Turns a raw RFC 5322 message into the one shape the rest of Rapport works with, whether it
 * arrived by SMTP or IMAP. mailparser does the MIME work (character sets such as ISO-8859-8,
 * ISO-8859-2, ISO-2022-JP and Shift_JIS, encoded words, RFC 2231 file names, inline images);
 * this module adds the normalisation Rapport needs (bare Message-IDs, threading ids, unfolded
 * raw headers, quoted-reply split, automation verdict) and refuses input that is not a message,
 * with a typed error, so the caller can keep the raw bytes and report it instead of dropping it.
 * Its text is always storable (no U+0000, no lone surrogates): see db/storable.ts.
 */
import { createHash } from 'node:crypto';
import { convert as htmlToText } from 'html-to-text';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { storable } from '../../db/index.js';
import { classifyAutomation, type AutomationVerdict } from './auto-reply.js';
import { splitQuotedHtml, splitQuotedReply } from './quoted-reply.js';
import { normaliseMessageId, splitMessageIds } from './threading.js';

export interface EmailAddress {
  address: string;
  name: string;
}

export interface InboundAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
  /** Content-ID without brackets, for `cid:` references in the HTML body. */
  cid: string | null;
  /** Shown inside the body (an embedded image) rather than listed as a file. */
  inline: boolean;
  sha256: string;
}

export interface InboundEmail {
  /** Bare Message-ID (no brackets). Synthesised from the content when the sender omitted it. */
  messageId: string;
  messageIdSynthetic: boolean;
  inReplyTo: string[];
  references: string[];
  from: EmailAddress;
  replyTo: EmailAddress[];
  to: EmailAddress[];
  cc: EmailAddress[];
  subject: string;
  /** Full plain-text body (converted from HTML when the message had no text part). */
  text: string;
  html: string | null;
  /** The newly written part of the text body, without quoted history. */
  visibleText: string;
  quotedText: string;
  visibleHtml: string | null;
  attachments: InboundAttachment[];
  /** The Date header, or null when absent or unparseable. */
  date: Date | null;
  /** Raw header values by lower-case name, unfolded, in order of appearance. */
  headers: Record<string, string[]>;
  automation: AutomationVerdict;
  sizeBytes: number;
}

export type MalformedReason = 'empty' | 'too-large' | 'no-headers' | 'no-sender' | 'unparseable';

/**
 * Input that cannot be read as an email. Carries the reason so the caller can store the raw
 * message, report it to an admin and — over SMTP — still accept it rather than bounce it back
 * into a loop.
 */
export class MalformedEmailError extends Error {
  readonly reason: MalformedReason;
  constructor(reason: MalformedReason, detail: string) {
    super(`Malformed email (${reason}): ${detail}`);
    this.name = 'MalformedEmailError';
    this.reason = reason;
  }
}

export interface ParseOptions {
  /** SMTP MAIL FROM, when known; '' is the null sender. */
  envelopeFrom?: string | null;
  /** Refuse bigger messages (bytes). Default 50 MB. */
  maxBytes?: number;
  /** X-Loop values marking our own mail. */
  ownLoopMarkers?: string[];
}

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const HEADER_LINE = /^[!-9;-~]+[ \t]*:/;

function addresses(value: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const objs = value ? (Array.isArray(value) ? value : [value]) : [];
  const out: EmailAddress[] = [];
  const walk = (list: { address?: string; name: string; group?: { address?: string; name: string }[] }[]) => {
    for (const a of list) {
      if (a.group) walk(a.group);
      else if (a.address && a.address.includes('@')) out.push({ address: a.address.trim().toLowerCase(), name: a.name ?? '' });
    }
  };
  for (const o of objs) walk(o.value);
  return out;
}

/** Raw header values from mailparser's header lines, unfolded, keyed by lower-case name. */
function rawHeaders(mail: ParsedMail): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { key, line } of mail.headerLines) {
    const colon = line.indexOf(':');
    const value = (colon >= 0 ? line.slice(colon + 1) : '').replace(/\r?\n[ \t]+/g, ' ').trim();
    (out[key.toLowerCase()] ??= []).push(value);
  }
  return out;
}

function fallbackFilename(contentType: string, index: number): string {
  const sub = contentType.split('/')[1]?.split(/[+;]/)[0] ?? 'bin';
  return `attachment-${index + 1}.${sub.replace(/[^a-z0-9]/gi, '') || 'bin'}`;
}

/** Checks that the input at least starts like a message, before handing it to the parser. */
function precheck(raw: Buffer, maxBytes: number): Buffer {
  if (raw.length === 0 || raw.toString('latin1').trim() === '') throw new MalformedEmailError('empty', 'no content');
  if (raw.length > maxBytes) throw new MalformedEmailError('too-large', `${raw.length} bytes exceeds ${maxBytes}`);
  let body = raw;
  // An mbox "From " envelope line may precede the headers (exports, some IMAP servers' raw view).
  if (body.subarray(0, 5).toString('latin1') === 'From ') {
    const nl = body.indexOf(10);
    body = nl >= 0 ? body.subarray(nl + 1) : Buffer.alloc(0);
  }
  const firstLine = body.subarray(0, Math.min(body.length, 1000)).toString('latin1').split(/\r?\n/, 1)[0];
  if (!HEADER_LINE.test(firstLine)) throw new MalformedEmailError('no-headers', 'the first line is not a header field');
  return body;
}

/**
 * Parses a raw message. Throws MalformedEmailError for input that is not a usable message
 * (empty, oversized, no header section, no sender address); everything else — odd charsets,
 * broken MIME boundaries, missing Message-ID — is handled as well as possible, because a
 * customer's mail should never be refused for its client's sins.
 */
export async function parseEmail(raw: Buffer | string, options: ParseOptions = {}): Promise<InboundEmail> {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const source = precheck(bytes, options.maxBytes ?? DEFAULT_MAX_BYTES);

  let mail: ParsedMail;
  try {
    mail = await simpleParser(source, { keepCidLinks: true, skipTextToHtml: true, skipTextLinks: true });
  } catch (err) {
    throw new MalformedEmailError('unparseable', err instanceof Error ? err.message : String(err));
  }
  if (mail.headerLines.length === 0) throw new MalformedEmailError('no-headers', 'no header fields found');

  const from = addresses(mail.from)[0];
  if (!from) throw new MalformedEmailError('no-sender', 'no From address');

  const headers = rawHeaders(mail);
  const messageIdRaw = mail.messageId ? normaliseMessageId(mail.messageId) : '';
  const synthetic = messageIdRaw === '';
  const messageId = synthetic
    ? `${createHash('sha256').update(source).digest('hex').slice(0, 40)}@synthetic.rapport.invalid`
    : messageIdRaw;

  const html = typeof mail.html === 'string' && mail.html.trim() !== '' ? mail.html : null;
  // mailparser only derives text from a top-level HTML part; an HTML body inside
  // multipart/related (the usual shape when images are embedded) would leave it empty.
  let text = (mail.text ?? '').replace(/\r\n?/g, '\n');
  if (text.trim() === '' && html) text = htmlToText(html, { wordwrap: false, selectors: [{ selector: 'img', format: 'skip' }] });
  const textSplit = splitQuotedReply(text);
  const subject = (mail.subject ?? '').replace(/\s+/g, ' ').trim();

  const attachments: InboundAttachment[] = mail.attachments.map((a, i) => ({
    filename: a.filename?.trim() || fallbackFilename(a.contentType, i),
    contentType: a.contentType.toLowerCase(),
    size: a.size ?? a.content.length,
    content: a.content,
    cid: a.cid ? normaliseMessageId(a.cid) : null,
    inline: Boolean(a.related) || (a.contentDisposition === 'inline' && Boolean(a.cid)),
    sha256: createHash('sha256').update(a.content).digest('hex'),
  }));

  const date = headers['date'] && mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null;

  // A NUL byte, or a charset (utf-7, gb18030, an unknown one) that decodes to U+0000, must not
  // make the message unstorable: every text field is cleaned here; the attachments keep their bytes.
  return storable({
    messageId,
    messageIdSynthetic: synthetic,
    inReplyTo: splitMessageIds(mail.inReplyTo),
    references: splitMessageIds(mail.references),
    from,
    replyTo: addresses(mail.replyTo),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject,
    text,
    html,
    visibleText: textSplit.visible,
    quotedText: textSplit.quoted,
    visibleHtml: html ? splitQuotedHtml(html).visible : null,
    attachments,
    date,
    headers,
    automation: classifyAutomation({
      headers,
      from: from.address,
      envelopeFrom: options.envelopeFrom,
      subject,
      ownLoopMarkers: options.ownLoopMarkers,
    }),
    sizeBytes: bytes.length,
  });
}
