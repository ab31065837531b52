/**
 * Email as an outbound channel. Planning (inside the reply's transaction) fixes the recipient,
 * the sender (the team's address), our Message-ID and the In-Reply-To/References continuing the
 * customer's thread; sending composes the message in the ticket's language and hands it to the
 * SMTP relay. The Message-ID is stored before sending, so a retried send reuses it and the
 * customer's answer threads back whichever copy they reply to.
 */
import { attachmentsOf, getAttachment, type TicketRow } from '../../tickets/index.js';
import { getContact } from '../../customers/index.js';
import type { AppContext } from '../../http/index.js';
import { problem } from '../../errors/index.js';
import { PermanentSendError, type ChannelDriver } from '../conversation/drivers.js';
import { channelMessagesOfTicket, type ChannelMessageRow } from '../conversation/store.js';
import { latestIdentity } from '../identity/store.js';
import { channelSettings } from '../settings.js';
import { composeEmail, newMessageId, type OutboundAttachment } from './compose.js';
import { loopMarker, messageIdDomain } from './loop-marker.js';
import { createMailTransport, sendEmail, type MailTransport } from './sender.js';
import type { Registry } from '../../http/index.js';
import { nodeState } from '../node-state.js';
import { senderFor } from './store.js';
import type { DbOrTx } from '../../db/index.js';

/** One pooled transport per relay URL, shared by every send of this app. */
export function transportFor(ctx: { registry: Registry }, url: string): MailTransport {
  const transports = nodeState(ctx).transports;
  let t = transports.get(url);
  if (!t) {
    t = createMailTransport(url);
    transports.set(url, t);
  }
  return t;
}

/** Closes the pooled transports (shutdown, end of a test file). */
export function closeTransports(ctx: { registry: Registry }): void {
  const transports = nodeState(ctx).transports;
  for (const t of transports.values()) t.close();
  transports.clear();
}

interface EmailPlanMetadata {
  from: { address: string; name: string };
  cc: { address: string; name: string }[];
  inReplyTo: string | null;
  references: string[];
  attachmentIds: string[];
}

/** The thread of a ticket as the mail programs see it: every Message-ID, oldest first. */
export async function emailThread(db: DbOrTx, ticketId: string) {
  const history = await channelMessagesOfTicket(db, ticketId, 'email');
  const ids = history.filter((h) => h.externalId).map((h) => h.externalId!);
  const lastInbound = [...history].reverse().find((h) => h.direction === 'inbound') ?? null;
  const last = history[history.length - 1] ?? null;
  return { ids, lastInbound, last };
}

async function recipientFor(db: DbOrTx, ticket: TicketRow, lastInbound: ChannelMessageRow | null): Promise<string | null> {
  if (lastInbound?.address) return lastInbound.address;
  if (!ticket.contactId) return null;
  const identity = await latestIdentity(db, ticket.contactId, 'email');
  if (identity) return identity.value;
  return (await getContact(db, ticket.contactId))?.emails[0] ?? null;
}

export function emailDriver(): ChannelDriver {
  return {
    channel: 'email',

    async plan(tx, ctx, ticket, message) {
      const thread = await emailThread(tx, ticket.id);
      const to = await recipientFor(tx, ticket, thread.lastInbound);
      if (!to) throw problem(422, 'This customer has no email address. Add one to the contact, or reply on another channel.');
      const receivedVia = (thread.lastInbound?.metadata as { mailbox?: string } | null)?.mailbox ?? null;
      const from = await senderFor(tx, ticket.teamId, receivedVia, channelSettings(ctx.config).mailFrom);
      if (!from) {
        throw problem(422, 'No sender address for this team: add a mailbox for the team (Channels → Email) or set RAPPORT_MAIL_FROM.');
      }
      const inboundMeta = (thread.lastInbound?.metadata ?? {}) as { cc?: { address: string; name: string }[] };
      const files = await attachmentsOf(tx, [message.id]);
      const metadata: EmailPlanMetadata = {
        from,
        cc: (inboundMeta.cc ?? []).filter((c) => c.address !== to),
        inReplyTo: thread.lastInbound?.externalId ?? thread.last?.externalId ?? null,
        references: thread.ids,
        attachmentIds: files.map((f) => f.id),
      };
      return {
        address: to,
        externalId: newMessageId(ticket.number, messageIdDomain(ctx.config, from.address)),
        metadata: metadata as unknown as Record<string, unknown>,
      };
    },

    async send(ctx: AppContext, row, ticket) {
      const url = channelSettings(ctx.config).smtpUrl;
      if (!url) throw new PermanentSendError('outbound email is not configured (set RAPPORT_SMTP_URL)');
      const meta = row.metadata as unknown as EmailPlanMetadata & { bodyText: string; bodyHtml: string | null };
      const attachments: OutboundAttachment[] = [];
      for (const id of meta.attachmentIds ?? []) {
        const a = await getAttachment(ctx.db, id);
        if (a) {
          attachments.push({
            filename: a.attachment.filename,
            contentType: a.attachment.contentType,
            content: Buffer.from(a.attachment.content, 'base64'),
            cid: a.attachment.contentId,
          });
        }
      }
      const composed = composeEmail({
        ticket: { number: ticket.number, subject: ticket.subject, language: ticket.language },
        from: meta.from,
        to: [{ address: row.address!, name: '' }],
        cc: meta.cc,
        bodyText: meta.bodyText,
        bodyHtml: meta.bodyHtml,
        inReplyTo: meta.inReplyTo,
        references: meta.references,
        messageIdDomain: messageIdDomain(ctx.config, meta.from.address),
        attachments,
        loopMarker: loopMarker(ctx.config),
      });
      // Keep the Message-ID chosen at planning time: retries must not mint new ones.
      composed.mail.messageId = `<${row.externalId}>`;
      const result = await sendEmail(transportFor(ctx, url), composed);
      return { externalId: row.externalId, metadata: { relay: result.response, accepted: result.accepted, rejected: result.rejected } };
    },
  };
}
