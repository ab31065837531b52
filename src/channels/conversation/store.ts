/**
 * Queries over `channel_messages`: what crossed which channel, under which provider id. Email
 * threading, idempotency on provider ids, "the channel the customer last used", WhatsApp's
 * 24-hour window and delivery status all read from here.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.js';
import { newId } from '../../db/index.js';
import { channelMessages, channelStatuses } from '../schema.js';

export type ChannelMessageRow = typeof channelMessages.$inferSelect;
export type ChannelStatus = (typeof channelStatuses)[number];

export interface NewChannelMessage {
  channel: string;
  direction: 'inbound' | 'outbound';
  externalId: string | null;
  ticketId: string;
  messageId: string | null;
  contactId: string | null;
  address: string | null;
  status: ChannelStatus;
  metadata?: Record<string, unknown>;
}

/** Records one crossing; a second record of the same provider id is ignored (returns null). */
export async function recordChannelMessage(db: DbOrTx, input: NewChannelMessage): Promise<ChannelMessageRow | null> {
  const [row] = await db
    .insert(channelMessages)
    .values({ id: newId(), ...input, metadata: input.metadata ?? {} })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function findByExternalId(db: DbOrTx, channel: string, externalId: string): Promise<ChannelMessageRow | null> {
  const [row] = await db
    .select()
    .from(channelMessages)
    .where(and(eq(channelMessages.channel, channel), eq(channelMessages.externalId, externalId)));
  return row ?? null;
}

export async function getChannelMessage(db: DbOrTx, id: string): Promise<ChannelMessageRow | null> {
  const [row] = await db.select().from(channelMessages).where(eq(channelMessages.id, id));
  return row ?? null;
}

/** The outbound record of a ticket message, if it went out on a channel. */
export async function outboundFor(db: DbOrTx, messageId: string): Promise<ChannelMessageRow | null> {
  const [row] = await db
    .select()
    .from(channelMessages)
    .where(and(eq(channelMessages.messageId, messageId), eq(channelMessages.direction, 'outbound')));
  return row ?? null;
}

/**
 * Tickets for email Message-IDs we received or sent: the index the threading resolver asks
 * "which ticket is this a reply to?".
 */
export async function ticketIdsByEmailMessageIds(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ externalId: channelMessages.externalId, ticketId: channelMessages.ticketId })
    .from(channelMessages)
    .where(and(eq(channelMessages.channel, 'email'), inArray(channelMessages.externalId, ids)));
  return new Map(rows.map((r) => [r.externalId!, r.ticketId]));
}

/** A ticket's channel history, oldest first (threading headers, delivery status in the timeline). */
export async function channelMessagesOfTicket(db: DbOrTx, ticketId: string, channel?: string): Promise<ChannelMessageRow[]> {
  const where = channel
    ? and(eq(channelMessages.ticketId, ticketId), eq(channelMessages.channel, channel))
    : eq(channelMessages.ticketId, ticketId);
  return db.select().from(channelMessages).where(where).orderBy(asc(channelMessages.createdAt), asc(channelMessages.id)).limit(1000);
}

/** The latest inbound crossing on a ticket (any channel, or one channel). */
export async function latestInbound(db: DbOrTx, ticketId: string, channel?: string): Promise<ChannelMessageRow | null> {
  const conditions = [eq(channelMessages.ticketId, ticketId), eq(channelMessages.direction, 'inbound')];
  if (channel) conditions.push(eq(channelMessages.channel, channel));
  const [row] = await db
    .select()
    .from(channelMessages)
    .where(and(...conditions))
    .orderBy(desc(channelMessages.createdAt))
    .limit(1);
  return row ?? null;
}

/** When the contact last wrote to us on a channel (WhatsApp's customer-service window). */
export async function lastInboundFromContact(db: DbOrTx, contactId: string, channel: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: channelMessages.createdAt })
    .from(channelMessages)
    .where(and(eq(channelMessages.contactId, contactId), eq(channelMessages.channel, channel), eq(channelMessages.direction, 'inbound')))
    .orderBy(desc(channelMessages.createdAt))
    .limit(1);
  return row?.at ?? null;
}

/** Moves an outbound record on (sent with the provider's id, failed with the reason …). */
export async function updateChannelMessage(
  db: DbOrTx,
  id: string,
  patch: { status: ChannelStatus; externalId?: string | null; error?: string | null; metadata?: Record<string, unknown> },
): Promise<ChannelMessageRow | null> {
  const [row] = await db
    .update(channelMessages)
    .set({
      status: patch.status,
      ...(patch.externalId !== undefined ? { externalId: patch.externalId } : {}),
      ...(patch.error !== undefined ? { error: patch.error } : {}),
      ...(patch.metadata ? { metadata: sql`${channelMessages.metadata} || ${JSON.stringify(patch.metadata)}::jsonb` } : {}),
      updatedAt: new Date(),
    })
    .where(eq(channelMessages.id, id))
    .returning();
  return row ?? null;
}

const statusRank: Record<ChannelStatus, number> = { received: 0, queued: 1, sent: 2, delivered: 3, read: 4, failed: 5 };

/**
 * A provider's status callback (WhatsApp statuses, Twilio status callbacks). Only ever moves a
 * message forward: callbacks arrive out of order, and "delivered" after "read" must not win.
 */
export async function advanceStatusByExternalId(db: DbOrTx, channel: string, externalId: string, status: ChannelStatus, error?: string | null): Promise<boolean> {
  const row = await findByExternalId(db, channel, externalId);
  if (!row || row.direction !== 'outbound') return false;
  if (statusRank[status] <= statusRank[row.status] && status !== 'failed') return false;
  await updateChannelMessage(db, row.id, { status, ...(error ? { error } : {}) });
  return true;
}
