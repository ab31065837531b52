/**
 * Web chat as an outbound channel. The agent's answer goes to the visitor's open sockets; if the
 * visitor has left, it goes by email together with the transcript, in the ticket's email thread
 * (our Message-ID is recorded, so their email reply lands on the same ticket).
 */
import type { AppContext } from '../../http/index.js';
import { problem } from '../../errors/index.js';
import { listMessages, type TicketRow } from '../../tickets/index.js';
import { getContact } from '../../customers/index.js';
import type { ChannelDriver, SendOutcome } from '../conversation/drivers.js';
import { recordChannelMessage, updateChannelMessage, type ChannelMessageRow } from '../conversation/store.js';
import { composeEmail } from '../email/compose.js';
import { emailThread, transportFor } from '../email/driver.js';
import { loopMarker, messageIdDomain } from '../email/loop-marker.js';
import { sendEmail } from '../email/sender.js';
import { senderFor } from '../email/store.js';
import { channelSettings } from '../settings.js';
import { publishChatEvent } from './fanout.js';
import { forEvent, presentChatMessages } from './present.js';
import { userNames } from '../../users/index.js';
import { getSession, isPresent, sessionForTicket, type SessionRow } from './store.js';
import { transcriptBody } from './transcript.js';

async function emailTranscript(ctx: AppContext, row: ChannelMessageRow, ticket: TicketRow, session: SessionRow, to: string): Promise<Record<string, unknown>> {
  const settings = channelSettings(ctx.config);
  if (!settings.smtpUrl) return { emailFallback: 'not sent: outbound email is not configured' };
  const thread = await emailThread(ctx.db, ticket.id);
  const from = await senderFor(ctx.db, ticket.teamId, null, settings.mailFrom);
  if (!from) return { emailFallback: 'not sent: no sender address for the team' };
  const rows = await listMessages(ctx.db, ticket.id, 500, undefined, false);
  const history = presentChatMessages(rows, await userNames(ctx.db, rows.map((r) => r.authorUserId ?? '')));
  const language = ticket.language ?? session.language;
  const composed = composeEmail({
    ticket: { number: ticket.number, subject: ticket.subject, language },
    from,
    to: [{ address: to, name: session.name ?? '' }],
    bodyText: transcriptBody(
      (row.metadata as { bodyText: string }).bodyText,
      history.map((m) => ({ from: m.from, author: m.author, text: m.text, at: new Date(m.at) })),
      language,
    ),
    inReplyTo: thread.last?.externalId ?? null,
    references: thread.ids,
    messageIdDomain: messageIdDomain(ctx.config, from.address),
    loopMarker: loopMarker(ctx.config),
  });
  // Recorded before sending: the customer's reply must find the ticket even if we crash right after.
  const copy = await recordChannelMessage(ctx.db, {
    channel: 'email',
    direction: 'outbound',
    externalId: composed.messageId,
    ticketId: ticket.id,
    messageId: null,
    contactId: ticket.contactId,
    address: to,
    status: 'queued',
    metadata: { transcriptFor: row.messageId, from },
  });
  const result = await sendEmail(transportFor(ctx, settings.smtpUrl), composed);
  if (copy) await updateChannelMessage(ctx.db, copy.id, { status: 'sent', metadata: { relay: result.response } });
  return { emailFallback: 'sent', emailMessageId: composed.messageId, emailTo: to };
}

export function chatDriver(): ChannelDriver {
  return {
    channel: 'chat',

    async plan(tx, _ctx, ticket) {
      const session = await sessionForTicket(tx, ticket.id);
      if (!session) throw problem(422, 'This ticket has no web chat. Reply on another channel.', { code: 'no_recipient' });
      return { address: session.id };
    },

    async send(ctx, row, ticket): Promise<SendOutcome> {
      const session = await getSession(ctx.db, row.address!);
      if (!session) return { externalId: null, metadata: { note: 'chat session no longer exists' } };
      const rows = (await listMessages(ctx.db, ticket.id, 500, undefined, false)).filter((m) => m.id === row.messageId);
      const [message] = presentChatMessages(rows, await userNames(ctx.db, rows.map((r) => r.authorUserId ?? '')));
      if (message) await publishChatEvent(ctx, { sessionId: session.id, event: { type: 'message', message: forEvent(message) } });
      if (isPresent(session, channelSettings(ctx.config).chatAwaySeconds)) return { externalId: null, status: 'sent', metadata: { via: 'socket' } };

      const email = session.email ?? (ticket.contactId ? (await getContact(ctx.db, ticket.contactId))?.emails[0] : null) ?? null;
      if (!email) return { externalId: null, metadata: { via: 'socket', awaiting: 'visitor' } };
      return { externalId: null, metadata: { via: 'email', ...(await emailTranscript(ctx, row, ticket, session, email)) } };
    },
  };
}
