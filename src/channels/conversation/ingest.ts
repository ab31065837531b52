/**
 * The one way an inbound message from any channel becomes part of a conversation: resolve the
 * person (identity → contact), decide the ticket (continue a case or open one), append the
 * message through the tickets capability. Idempotent on the provider's id: a retried webhook, a
 * re-sent email or an IMAP message fetched twice is stored once — the unique index on
 * (channel, external id) of ticket messages decides, inside the ticket's own transaction.
 */
import { detectLanguage } from '../../culture/index.js';
import { isUniqueViolation, storable } from '../../db/index.js';
import type { AppContext } from '../../http/index.js';
import { addMessage, createTicket, linkTickets, type AttachmentInput } from '../../tickets/index.js';
import { getTicket, listTickets } from '../../tickets/index.js';
import { resolveContact, type IdentityInput } from '../identity/store.js';
import { findByExternalId } from './store.js';

export type Placement =
  /** Append to this ticket (email threading decided it). */
  | { kind: 'ticket'; ticketId: string }
  /** Open a new ticket, optionally linked to an older one (a reply to a closed case). */
  | { kind: 'new'; relatedTicketId?: string | null }
  /** Messaging: continue the contact's open case if there is a recent one, else open one. */
  | { kind: 'continue' };

export interface InboundMessage {
  channel: string;
  /** The provider's id: email Message-ID, WhatsApp wamid, `tg:<chat>:<message>`, Twilio SID … */
  externalId: string;
  identity: Omit<IdentityInput, 'channel'>;
  /** Where replies go when it differs from the identity (an email's Reply-To). */
  replyAddress?: string | null;
  /** Channel facts a reply needs later (the email's mailbox and Cc), kept on the channel record. */
  viaExtra?: Record<string, unknown>;
  /** Already-resolved contact (a chat visitor who gave their email). Skips identity resolution. */
  contactId?: string | null;
  subject: string;
  bodyText: string;
  bodyHtml?: string | null;
  attachments?: AttachmentInput[];
  /** Kept with the message (email headers, provider payload summary); `via` is added here. */
  metadata?: Record<string, unknown>;
  language?: string | null;
  teamId?: string | null;
  placement: Placement;
  /** When the customer sent it (provider timestamp); defaults to now. */
  at?: Date;
}

export interface IngestResult {
  outcome: 'created' | 'appended' | 'duplicate';
  ticketId: string;
  messageId: string | null;
  contactId: string | null;
}

/** A continued conversation older than this starts a new case instead. */
export const CONTINUE_WITHIN_DAYS = 7;

const OPEN = ['new', 'open', 'pending', 'on_hold'];

/** The contact's most recently active open ticket, if active within the window. */
export async function recentOpenTicket(ctx: Pick<AppContext, 'db'>, contactId: string, now = new Date()): Promise<string | null> {
  const [latest] = await listTickets(ctx.db, { contactId, status: OPEN }, 'updated_desc', 1);
  if (!latest) return null;
  const ageDays = (now.getTime() - latest.updatedAt.getTime()) / 86_400_000;
  return ageDays <= CONTINUE_WITHIN_DAYS ? latest.id : null;
}

async function duplicateOf(ctx: Pick<AppContext, 'db'>, channel: string, externalId: string): Promise<IngestResult | null> {
  const seen = await findByExternalId(ctx.db, channel, externalId);
  return seen ? { outcome: 'duplicate', ticketId: seen.ticketId, messageId: seen.messageId, contactId: seen.contactId } : null;
}

/**
 * Stores an inbound message (see the module comment). Resolves only once everything is
 * committed, so a caller may acknowledge the provider (SMTP 250, HTTP 200) right after.
 */
export async function ingestMessage(ctx: Pick<AppContext, 'db' | 'realtime' | 'registry'>, raw: InboundMessage): Promise<IngestResult> {
  // Every channel's text passes here: a NUL or a lone surrogate in it must not make it unstorable.
  const input = storable(raw);
  const dup = await duplicateOf(ctx, input.channel, input.externalId);
  if (dup) return dup;

  // Offline detection when the channel does not say: the reply footer, greetings and the
  // contact's record then speak the customer's language from the first message.
  const language = input.language ?? input.identity.language ?? detectLanguage(`${input.subject}\n${input.bodyText}`);
  let contactId = input.contactId ?? null;
  if (!contactId) {
    const resolved = await ctx.db.transaction((tx) => resolveContact(tx, { ...input.identity, language: input.identity.language ?? language, channel: input.channel }));
    contactId = resolved.contactId;
  }

  let ticketId: string | null = null;
  if (input.placement.kind === 'ticket') ticketId = input.placement.ticketId;
  else if (input.placement.kind === 'continue') ticketId = await recentOpenTicket(ctx, contactId);

  const message = {
    kind: 'message' as const,
    direction: 'inbound' as const,
    channel: input.channel,
    author: { contactId, name: input.identity.name ?? input.identity.label ?? null },
    bodyText: input.bodyText,
    bodyHtml: input.bodyHtml ?? null,
    externalId: input.externalId,
    attachments: input.attachments,
    metadata: { ...(input.metadata ?? {}), via: { ...(input.viaExtra ?? {}), address: input.replyAddress ?? input.identity.value, kind: input.identity.kind } },
    createdAt: input.at,
  };
  const command = { db: ctx.db, realtime: ctx.realtime, registry: ctx.registry, actorUserId: null, actorLabel: input.channel };

  try {
    if (ticketId && (await getTicket(ctx.db, ticketId))) {
      const { message: row } = await addMessage(command, ticketId, message);
      return { outcome: 'appended', ticketId, messageId: row.id, contactId };
    }
    const { ticket, message: row } = await createTicket(command, {
      subject: input.subject.trim().slice(0, 500) || input.bodyText.trim().split('\n')[0].slice(0, 120) || input.channel,
      channel: input.channel,
      contactId,
      teamId: input.teamId ?? null,
      language,
      createdAt: input.at,
      message,
    });
    if (input.placement.kind === 'new' && input.placement.relatedTicketId) {
      await linkTickets(command, ticket.id, input.placement.relatedTicketId).catch(() => undefined);
    }
    return { outcome: 'created', ticketId: ticket.id, messageId: row?.id ?? null, contactId };
  } catch (err) {
    // The same message committed by a concurrent delivery (an SMTP retry racing the first try).
    if (isUniqueViolation(err)) {
      const again = await duplicateOf(ctx, input.channel, input.externalId);
      if (again) return again;
    }
    throw err;
  }
}
