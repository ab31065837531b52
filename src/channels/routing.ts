/**
 * Which team receives new conversations from each messaging channel (email routes by mailbox,
 * chat by widget, then by the chat route; a customer's portal request by the portal route). Unset means no team: the ticket lands in the unassigned queue.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { channelRoutes } from './schema.js';

export const routedChannels = ['whatsapp', 'telegram', 'sms', 'phone', 'chat', 'portal'] as const;

export async function teamForChannel(db: DbOrTx, channel: string): Promise<string | null> {
  const [row] = await db.select().from(channelRoutes).where(eq(channelRoutes.channel, channel));
  return row?.teamId ?? null;
}

export async function listChannelRoutes(db: DbOrTx): Promise<{ channel: string; teamId: string | null }[]> {
  const rows = await db.select().from(channelRoutes);
  const byChannel = new Map(rows.map((r) => [r.channel, r.teamId]));
  return routedChannels.map((channel) => ({ channel, teamId: byChannel.get(channel) ?? null }));
}

export async function setChannelRoute(db: DbOrTx, channel: string, teamId: string | null): Promise<void> {
  await db
    .insert(channelRoutes)
    .values({ channel, teamId, updatedAt: new Date() })
    .onConflictDoUpdate({ target: channelRoutes.channel, set: { teamId, updatedAt: new Date() } });
}
