/**
 * The delivery job: sends one planned outbound message through its channel's driver. A
 * temporary failure throws, so the job queue retries with back-off; a permanent one (or the last
 * attempt) marks the message failed and writes an event on the ticket, so the agent sees that
 * the customer did not get the reply and can choose another channel.
 */
import type { AppContext } from '../../http/index.js';
import { addMessage } from '../../tickets/index.js';
import { getTicket } from '../../tickets/index.js';
import { driverFor, PermanentSendError } from './drivers.js';
import { getChannelMessage, updateChannelMessage, type ChannelMessageRow } from './store.js';

const MAX_ATTEMPTS = 6;

async function reportFailure(ctx: AppContext, row: ChannelMessageRow, reason: string): Promise<void> {
  await updateChannelMessage(ctx.db, row.id, { status: 'failed', error: reason });
  await addMessage({ db: ctx.db, realtime: ctx.realtime, registry: ctx.registry, actorUserId: null, actorLabel: row.channel }, row.ticketId, {
    kind: 'event',
    direction: 'internal',
    channel: 'internal',
    author: { name: 'Rapport' },
    bodyText: `Not delivered by ${row.channel} to ${row.address ?? 'the customer'}: ${reason}`,
    metadata: { event: 'delivery_failed', channel: row.channel, address: row.address, channelMessageId: row.id, replyMessageId: row.messageId, reason },
  });
  await ctx.realtime
    .publish({ type: 'channel.delivery_failed', data: { ticketId: row.ticketId, messageId: row.messageId, channel: row.channel, reason } })
    .catch(() => undefined);
}

/** Runs one delivery (the `channels.deliver` job handler). */
export async function deliverOutbound(ctx: AppContext, id: string, attempt: number): Promise<void> {
  const row = await getChannelMessage(ctx.db, id);
  if (!row || row.direction !== 'outbound' || row.status !== 'queued') return; // already handled
  const ticket = await getTicket(ctx.db, row.ticketId);
  const driver = driverFor(ctx, row.channel);
  if (!ticket || !driver) {
    await updateChannelMessage(ctx.db, row.id, { status: 'failed', error: 'ticket or channel no longer exists' });
    return;
  }
  try {
    const outcome = await driver.send(ctx, row, ticket);
    await updateChannelMessage(ctx.db, row.id, {
      status: outcome.status ?? 'sent',
      ...(outcome.externalId ? { externalId: outcome.externalId } : {}),
      error: null,
      metadata: { ...(outcome.metadata ?? {}), sentAt: new Date().toISOString() },
    });
    await ctx.realtime
      .publish({ type: 'channel.delivered', data: { ticketId: row.ticketId, messageId: row.messageId, channel: row.channel } })
      .catch(() => undefined);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    if (err instanceof PermanentSendError || attempt >= MAX_ATTEMPTS) {
      await reportFailure(ctx, row, reason);
      return;
    }
    await updateChannelMessage(ctx.db, row.id, { status: 'queued', error: `attempt ${attempt}: ${reason}` });
    throw err;
  }
}
