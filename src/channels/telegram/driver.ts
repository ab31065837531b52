/**
 * Telegram as an outbound channel: a bot may write to a private chat once the customer has
 * started it, so the recipient is the chat the customer wrote from (or their Telegram identity).
 */
import { problem } from '../../errors/index.js';
import { PermanentSendError, type ChannelDriver } from '../conversation/drivers.js';
import { latestInbound } from '../conversation/store.js';
import { latestIdentity } from '../identity/store.js';
import { channelSettings, type ChannelSettings } from '../settings.js';
import { sendTelegramText, type TelegramConfig } from './client.js';

export function telegramConfig(settings: ChannelSettings): TelegramConfig | null {
  return settings.telegram.botToken ? { apiUrl: settings.telegram.apiUrl, botToken: settings.telegram.botToken } : null;
}

export function telegramDriver(): ChannelDriver {
  return {
    channel: 'telegram',

    async plan(tx, ctx, ticket) {
      if (!telegramConfig(channelSettings(ctx.config))) {
        throw problem(422, 'Telegram is not connected to Rapport (see Channels → Telegram). Reply on another channel.', { code: 'channel_not_configured' });
      }
      const last = await latestInbound(tx, ticket.id, 'telegram');
      const chatId = last?.address ?? (ticket.contactId ? (await latestIdentity(tx, ticket.contactId, 'telegram'))?.value : null);
      if (!chatId) throw problem(422, 'This customer has not written to our Telegram bot, so the bot cannot write to them. Reply on another channel.', { code: 'no_recipient' });
      return { address: chatId };
    },

    async send(ctx, row) {
      const config = telegramConfig(channelSettings(ctx.config));
      if (!config) throw new PermanentSendError('Telegram is not connected');
      const id = await sendTelegramText(config, row.address!, (row.metadata as { bodyText: string }).bodyText);
      return { externalId: `${row.address}:${id}` };
    },
  };
}
