/**
 * The contract every outbound channel implements. Planning happens inside the ticket's
 * transaction when the agent replies — so a reply that cannot go out (no WhatsApp number, the
 * 24-hour window closed) is refused there and then, with the reason, instead of failing
 * silently later. Sending happens in a durable job, retried with back-off.
 */
import type { Tx } from '../../db/client.js';
import type { AppContext } from '../../http/context.js';
import type { MessageRow, TicketRow } from '../../tickets/store.js';
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

const drivers = new Map<string, ChannelDriver>();

/** Registers a channel's driver (keyed by channel: registering twice keeps one). */
export function registerDriver(driver: ChannelDriver): void {
  drivers.set(driver.channel, driver);
}

export function driverFor(channel: string): ChannelDriver | undefined {
  return drivers.get(channel);
}

export function deliverableChannels(): string[] {
  return [...drivers.keys()];
}
