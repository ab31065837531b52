/**
 * The contract every outbound channel implements. Planning happens inside the ticket's
 * transaction when the agent replies — so a reply that cannot go out (no WhatsApp number, the
 * 24-hour window closed) is refused there and then, with the reason, instead of failing
 * silently later. Sending happens in a durable job, retried with back-off.
 */
import type { Tx } from '../../db/index.js';
import type { AppContext } from '../../http/index.js';
import { extensionPoint, type Registry } from '../../http/index.js';
import type { MessageRow, TicketRow } from '../../tickets/index.js';
import type { ChannelMessageRow } from './store.js';

export interface DeliveryPlan {
  /** Where the reply goes: email address, E.164 number, Telegram chat id, chat session id. */
  address: string;
  /** Assigned before sending when the channel lets us choose it (our email Message-ID). */
  externalId?: string | null;
  metadata?: Record<string, unknown>;
}

export interface SendOutcome {
  /** The provider's id for what was sent (wamid, Twilio SID, Telegram message id). */
  externalId: string | null;
  status?: 'sent' | 'delivered';
  metadata?: Record<string, unknown>;
}

/** A failure retrying cannot fix (invalid number, window closed, channel not configured). */
export class PermanentSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentSendError';
  }
}

export interface ChannelDriver {
  channel: string;
  plan(tx: Tx, ctx: AppContext, ticket: TicketRow, message: MessageRow): Promise<DeliveryPlan>;
  send(ctx: AppContext, row: ChannelMessageRow, ticket: TicketRow): Promise<SendOutcome>;
}

/** One driver per outbound channel, keyed by channel, in the app's registry. */
export const channelDrivers = extensionPoint<ChannelDriver>('channels.drivers');

export function driverFor(ctx: { registry: Registry }, channel: string): ChannelDriver | undefined {
  return ctx.registry.get(channelDrivers, channel);
}

export function deliverableChannels(ctx: { registry: Registry }): string[] {
  return ctx.registry.names(channelDrivers);
}
