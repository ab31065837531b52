/**
 * What the agent may reply on, for one ticket: every channel with whether it works right now,
 * where it would go and, when it does not work, why (not connected, no address, WhatsApp's
 * window closed, voice only) — plus the default (channel-choice.ts) and the culture policy's
 * suggestion with its reason. The composer's channel picker shows exactly this.
 */
import { contactPolicy } from '../../culture/index.js';
import { getContact } from '../../customers/index.js';
import type { AppContext } from '../../http/index.js';
import { listMessages, type TicketRow } from '../../tickets/index.js';
import { isPresent, sessionForTicket } from '../chat/store.js';
import { emailThread } from '../email/driver.js';
import { senderFor } from '../email/store.js';
import { latestIdentity } from '../identity/store.js';
import { channelSettings } from '../settings.js';
import { twilioConfig } from '../sms/driver.js';
import { telegramConfig } from '../telegram/driver.js';
import { whatsappConfig, windowForTicket } from '../whatsapp/driver.js';
import { chooseReplyChannel, fromPolicyChannel, type Choice } from './channel-choice.js';
import { phoneRecipient } from './recipient.js';
import { latestInbound } from './store.js';

export type UnavailableReason = 'not_configured' | 'no_recipient' | 'window_closed' | 'voice_only';

export interface ReplyOption {
  channel: string;
  available: boolean;
  reason: UnavailableReason | null;
  address: string | null;
  /** WhatsApp: the customer-service window; outside it only a template may be sent. */
  window?: { open: boolean; closesAt: string | null };
  templateOnly?: boolean;
  /** Chat: whether the visitor is on the page (otherwise the answer goes by email). */
  visitorOnline?: boolean;
}

export interface ReplyOptions {
  options: ReplyOption[];
  default: string | null;
  defaultReason: Choice['reason'];
  lastUsed: string | null;
  policy: { channels: string[]; why: string | null } | null;
}

const WRITTEN_ALIASES: Record<string, string> = { portal: 'web' };

/** The reply options for a ticket (see the module comment). */
export async function replyOptions(ctx: AppContext, ticket: TicketRow): Promise<ReplyOptions> {
  const db = ctx.db;
  const settings = channelSettings(ctx.config);
  const contact = ticket.contactId ? await getContact(db, ticket.contactId) : null;
  const options: ReplyOption[] = [{ channel: 'web', available: true, reason: null, address: null }];

  const thread = await emailThread(db, ticket.id);
  const emailTo = thread.lastInbound?.address ?? (contact ? ((await latestIdentity(db, contact.id, 'email'))?.value ?? contact.emails[0] ?? null) : null);
  const sender = await senderFor(db, ticket.teamId, null, settings.mailFrom);
  options.push({
    channel: 'email',
    available: !!emailTo && !!settings.smtpUrl && !!sender,
    reason: !settings.smtpUrl || !sender ? 'not_configured' : emailTo ? null : 'no_recipient',
    address: emailTo,
  });

  const number = await phoneRecipient(db, ticket, 'whatsapp');
  const w = await windowForTicket(db, ticket);
  const waConfigured = !!whatsappConfig(settings);
  options.push({
    channel: 'whatsapp',
    available: waConfigured && !!number && w.open,
    reason: !waConfigured ? 'not_configured' : !number ? 'no_recipient' : w.open ? null : 'window_closed',
    address: number,
    window: { open: w.open, closesAt: w.closesAt?.toISOString() ?? null },
    templateOnly: waConfigured && !!number && !w.open,
  });

  const smsNumber = await phoneRecipient(db, ticket, 'sms');
  const smsConfigured = !!twilioConfig(settings);
  options.push({ channel: 'sms', available: smsConfigured && !!smsNumber, reason: !smsConfigured ? 'not_configured' : smsNumber ? null : 'no_recipient', address: smsNumber });

  const tgChat = (await latestInbound(db, ticket.id, 'telegram'))?.address ?? (contact ? (await latestIdentity(db, contact.id, 'telegram'))?.value : null) ?? null;
  const tgConfigured = !!telegramConfig(settings);
  options.push({ channel: 'telegram', available: tgConfigured && !!tgChat, reason: !tgConfigured ? 'not_configured' : tgChat ? null : 'no_recipient', address: tgChat });

  const session = await sessionForTicket(db, ticket.id);
  options.push({
    channel: 'chat',
    available: !!session,
    reason: session ? null : 'no_recipient',
    address: session?.id ?? null,
    visitorOnline: session ? isPresent(session, settings.chatAwaySeconds) : false,
  });

  options.push({ channel: 'phone', available: false, reason: 'voice_only', address: number });

  const messages = await listMessages(db, ticket.id, 500, undefined, false);
  const usedByCustomer = [
    ...new Set(
      messages
        .filter((m) => m.kind === 'message' && m.direction === 'inbound')
        .reverse()
        .map((m) => WRITTEN_ALIASES[m.channel] ?? m.channel),
    ),
  ];

  let policy: ReplyOptions['policy'] = null;
  if (contact) {
    try {
      const p = await contactPolicy(db, contact.id);
      if (p) policy = { channels: p.policy.channels.value.map(fromPolicyChannel), why: p.policy.channels.why };
    } catch {
      policy = null; // the culture engine is advice; a reply never waits for it
    }
  }
  const choice = chooseReplyChannel({ usedByCustomer, policyChannels: policy?.channels ?? [], options });
  return { options, default: choice.channel, defaultReason: choice.reason, lastUsed: usedByCustomer[0] ?? null, policy };
}
