/**
 * Inbound email, from the SMTP receiver or an IMAP poll, into the conversation:
 * parse → refuse loops → automated mail (bounces mark our reply failed, out-of-office notes go on
 * the ticket as events, nothing opens a ticket) → thread (Message-ID headers, then the subject's
 * ticket tag) → store through the generic ingest, idempotent on Message-ID. A message that cannot
 * be parsed, or parsed but could not be stored, or automated mail about no ticket of ours, is kept
 * raw and reported, and still counts as received (SMTP answers 250: a bounce back to the sender
 * would help nobody). Only our own mail coming back (a loop) is dropped.
 */
import { isUniqueViolation } from '../../db/index.js';
import type { AppContext } from '../../http/index.js';
import { Problem } from '../../errors/index.js';
import { addMessage } from '../../tickets/index.js';
import { getTicket, getTicketByNumber, type TicketRow } from '../../tickets/index.js';
import { findContactByEmail, getContact } from '../../customers/index.js';
import { ingestMessage, type IngestResult } from '../conversation/ingest.js';
import { advanceStatusByExternalId, channelMessagesOfTicket, findByExternalId, ticketIdsByEmailMessageIds } from '../conversation/store.js';
import { storeFailure } from '../failures/store.js';
import { organisationForEmail } from '../identity/new-contact.js';
import { findIdentity } from '../identity/store.js';
import { MalformedEmailError, parseEmail, type InboundEmail } from './parse.js';
import { keepOriginal } from './originals.js';
import { loopMarker } from './loop-marker.js';
import { ourAddresses, type OurAddress } from './store.js';
import { normaliseSubject } from './subject.js';
import { resolveThread, type ThreadTicket } from './threading.js';

export type EmailSource =
  | { kind: 'smtp'; mailFrom: string; rcptTo: string[]; remoteAddress?: string }
  | { kind: 'imap'; mailboxAddress: string; mailboxId: string };

export type EmailIngestResult =
  | (IngestResult & { kind: 'message' })
  | { kind: 'malformed'; failureId: string; reason: string }
  | { kind: 'automated'; automation: string; ticketId: string | null }
  | { kind: 'loop' };

type Ctx = Pick<AppContext, 'db' | 'realtime' | 'config' | 'registry'>;

const toThreadTicket = (t: TicketRow | null): ThreadTicket | null =>
  t && { id: t.id, number: t.number, status: t.status, mergedIntoId: t.mergedIntoId, contactId: t.contactId, organisationId: t.organisationId };

const sourceLabel = (s: EmailSource) => (s.kind === 'smtp' ? 'smtp' : `imap:${s.mailboxAddress}`);

async function reportMalformed(ctx: Ctx, raw: Buffer, source: EmailSource, reason: string, detail: string): Promise<EmailIngestResult> {
  const { row, isNew } = await storeFailure(ctx.db, { channel: 'email', source: sourceLabel(source), reason, detail, raw, envelope: { ...source } });
  if (isNew) {
    await ctx.realtime
      .publish({ type: 'channel.inbound_failed', data: { failureId: row.id, channel: 'email', reason } })
      .catch(() => undefined);
  }
  return { kind: 'malformed', failureId: row.id, reason };
}

/** Which of our addresses the message was for: the SMTP recipients, else the IMAP mailbox, else To/Cc. */
function routeOf(email: InboundEmail, source: EmailSource, ours: OurAddress[]): OurAddress | null {
  const byAddress = new Map(ours.map((o) => [o.address, o]));
  const candidates =
    source.kind === 'smtp'
      ? source.rcptTo
      : [source.mailboxAddress, ...(email.headers['delivered-to'] ?? []), ...email.to.map((a) => a.address), ...email.cc.map((a) => a.address)];
  for (const c of candidates) {
    const hit = byAddress.get(c.trim().toLowerCase());
    if (hit) return hit;
  }
  return null;
}

/** The Message-ID of our mail that a bounce reports on, read from the returned headers. */
export function bouncedMessageIds(email: InboundEmail): string[] {
  const texts = [email.text, ...email.attachments.filter((a) => /rfc822|delivery-status/.test(a.contentType)).map((a) => a.content.toString('utf8'))];
  const ids = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/^Message-ID:\s*<([^>\s]+)>/gim)) ids.add(m[1]);
  return [...ids];
}

async function handleAutomated(ctx: Ctx, email: InboundEmail, threadTicketId: string | null): Promise<EmailIngestResult> {
  const kind = email.automation.kind!;
  const command = { db: ctx.db, realtime: ctx.realtime, registry: ctx.registry, actorUserId: null, actorLabel: 'email' };
  if (kind === 'bounce' || kind === 'delivery-report') {
    for (const id of bouncedMessageIds(email)) {
      const ours = await findByExternalId(ctx.db, 'email', id);
      if (!ours || ours.direction !== 'outbound') continue;
      const status = /Status:\s*(\d\.\d+\.\d+)/i.exec(email.text)?.[1] ?? '';
      const permanent = kind === 'bounce' || status.startsWith('5');
      if (!permanent) continue; // a delay notice: the relay is still trying
      await advanceStatusByExternalId(ctx.db, 'email', id, 'failed', `bounced by ${email.from.address}${status ? ` (${status})` : ''}`);
      await addMessage(command, ours.ticketId, {
        kind: 'event', direction: 'internal', channel: 'email', externalId: email.messageId, author: { name: 'Rapport' },
        bodyText: `The email to ${ours.address ?? 'the customer'} bounced${status ? ` (${status})` : ''}: ${email.subject}`,
        metadata: { event: 'email_bounced', bouncedMessageId: id, from: email.from.address, address: ours.address, status: status || null, subject: email.subject },
      }).catch(ignoreDuplicate);
      return { kind: 'automated', automation: kind, ticketId: ours.ticketId };
    }
  }
  if (threadTicketId && kind === 'auto-reply') {
    await addMessage(command, threadTicketId, {
      kind: 'event', direction: 'internal', channel: 'email', externalId: email.messageId, author: { name: email.from.name || email.from.address },
      bodyText: `Automatic reply from ${email.from.address}: ${email.visibleText.slice(0, 500)}`,
      metadata: { event: 'auto_reply', from: email.from.address, subject: email.subject, excerpt: email.visibleText.slice(0, 500) },
    }).catch(ignoreDuplicate);
  }
  return { kind: 'automated', automation: kind, ticketId: threadTicketId };
}

function ignoreDuplicate(err: unknown): void {
  if (isUniqueViolation(err)) return;
  throw err;
}

/** A subject tag only counts for someone we know belongs to the case: the contact, a colleague, a participant. */
async function senderBelongsTo(ctx: Ctx, senderAddress: string, ticket: ThreadTicket): Promise<boolean> {
  const identity = await findIdentity(ctx.db, 'email', senderAddress);
  const contact = identity ? await getContact(ctx.db, identity.contactId) : await findContactByEmail(ctx.db, senderAddress);
  if (contact && contact.id === ticket.contactId) return true;
  if (contact?.organisationId && contact.organisationId === ticket.organisationId) return true;
  if (!contact && ticket.organisationId && (await organisationForEmail(ctx.db, senderAddress)) === ticket.organisationId) return true;
  const history = await channelMessagesOfTicket(ctx.db, ticket.id, 'email');
  return history.some((h) => h.address === senderAddress);
}

/**
 * Whether storing failed for a reason that passes (the database unreachable or shutting down, a
 * deadlock, a serialization failure, a lock timeout): then the sender should retry (451). Any
 * other failure would fail the same way on every retry, so the message is kept raw instead.
 */
export function isTransientFailure(err: unknown): boolean {
  if (err instanceof Problem) return false; // our own refusal: the same on every retry
  const e = err as { code?: unknown; cause?: { code?: unknown }; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : '';
  // SQLSTATE classes 08 connection, 40 rollback, 53 resources, 57 operator intervention, 58 system; 55P03 lock timeout.
  if (/^(08|40|53|57|58)[0-9A-Z]{3}$/.test(code) || code === '55P03') return true;
  if (/^E[A-Z]{3,}$/.test(code)) return true; // ECONNREFUSED, ECONNRESET, ETIMEDOUT, EPIPE …
  // pg and PGlite say so only in words: "Connection terminated", "PGlite is closed", a pool ended.
  return /connection terminated|connection error|is closed|after calling end|timeout exceeded/i.test(typeof e?.message === 'string' ? e.message : '');
}

/** Ingests one raw email (see the module comment). Resolves only after everything is committed. */
export async function ingestEmail(ctx: Ctx, raw: Buffer, source: EmailSource): Promise<EmailIngestResult> {
  let email: InboundEmail;
  try {
    email = await parseEmail(raw, { envelopeFrom: source.kind === 'smtp' ? source.mailFrom : null, ownLoopMarkers: [loopMarker(ctx.config)] });
  } catch (err) {
    if (err instanceof MalformedEmailError) return reportMalformed(ctx, raw, source, err.reason, err.message);
    return reportMalformed(ctx, raw, source, 'unparseable', err instanceof Error ? err.message : String(err));
  }
  try {
    const result = await storeEmail(ctx, email, source);
    // The original goes with the message, before the sender hears 250: should this fail, the
    // sender retries, the message is found as a duplicate and its original is kept then.
    if (result.kind === 'message' && result.messageId) await keepOriginal(ctx.db, result.messageId, raw);
    // An automated message about nothing of ours (a report on mail we never sent, an auto-reply
    // outside any thread) opens no ticket; it was answered 250, so it is kept raw for an admin
    // rather than dropped unseen.
    if (result.kind === 'automated' && !result.ticketId) {
      return reportMalformed(ctx, raw, source, 'automated-unmatched', `${result.automation} about no ticket of ours, from ${email.from.address}`);
    }
    return result;
  } catch (err) {
    // A message that parsed but cannot be stored (input nobody foresaw) would get 451 on every
    // retry and be lost in the end: keep its bytes for an admin instead. If even that fails, the
    // database is down and the sender's retry (451) is right.
    if (isTransientFailure(err)) throw err;
    return reportMalformed(ctx, raw, source, 'unstorable', err instanceof Error ? err.message : String(err));
  }
}

async function storeEmail(ctx: Ctx, email: InboundEmail, source: EmailSource): Promise<EmailIngestResult> {
  const ours = await ourAddresses(ctx.db);
  if (email.automation.kind === 'loop' || ours.some((o) => o.address === email.from.address)) return { kind: 'loop' };

  const lookup = {
    ticketIdsByMessageIds: (ids: string[]) => ticketIdsByEmailMessageIds(ctx.db, ids),
    ticketById: async (id: string) => toThreadTicket(await getTicket(ctx.db, id)),
    ticketByNumber: async (n: number) => toThreadTicket(await getTicketByNumber(ctx.db, n)),
  };
  const decision = await resolveThread(email, lookup, { acceptSubjectMatch: (t) => senderBelongsTo(ctx, email.from.address, t) });

  if (!email.automation.mayOpenTicket) {
    return handleAutomated(ctx, email, decision.kind === 'existing' ? decision.ticketId : null);
  }

  const route = routeOf(email, source, ours);
  const ourSet = new Set(ours.map((o) => o.address));
  const replyTo = email.replyTo.find((a) => !ourSet.has(a.address));
  const language = email.headers['content-language']?.[0]?.split(',')[0]?.trim().toLowerCase() || null;
  const result = await ingestMessage(ctx, {
    channel: 'email',
    externalId: email.messageId,
    identity: { kind: 'email', value: email.from.address, name: email.from.name || null, language },
    replyAddress: replyTo?.address ?? email.from.address,
    viaExtra: { mailbox: route?.address ?? null, cc: email.cc.filter((a) => !ourSet.has(a.address)) },
    subject: normaliseSubject(email.subject) || email.subject,
    bodyText: email.visibleText,
    bodyHtml: email.visibleHtml,
    attachments: email.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content, contentId: a.cid })),
    language,
    teamId: route?.teamId ?? null,
    placement: decision.kind === 'existing' ? { kind: 'ticket', ticketId: decision.ticketId } : { kind: 'new', relatedTicketId: decision.relatedTicketId },
    metadata: {
      email: {
        messageId: email.messageId,
        subject: email.subject,
        // The sender's clock, kept for the record; the timeline orders by when we received it.
        date: email.date?.toISOString() ?? null,
        from: email.from,
        to: email.to,
        cc: email.cc.filter((a) => !ourSet.has(a.address)),
        replyTo: email.replyTo,
        mailbox: route?.address ?? null,
        threadedBy: decision.kind === 'existing' ? decision.via : null,
        quotedText: email.quotedText.slice(0, 20_000),
        automation: email.automation.kind,
        mayAutoReply: email.automation.mayAutoReply,
        source: sourceLabel(source),
      },
    },
  });
  return { kind: 'message', ...result };
}
