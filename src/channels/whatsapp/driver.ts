/**
 * WhatsApp as an outbound channel. A free-form reply is refused at once when the 24-hour
 * customer-service window is closed, telling the agent that only an approved template may be
 * sent now; a template (message metadata `template`) goes out at any time.
 */
import type { DbOrTx } from '../../db/index.js';
import { problem } from '../../errors/index.js';
import type { TicketRow } from '../../tickets/index.js';
import { PermanentSendError, type ChannelDriver } from '../conversation/drivers.js';
import { phoneRecipient } from '../conversation/recipient.js';
import { lastInboundFromContact } from '../conversation/store.js';
import { channelSettings, type ChannelSettings } from '../settings.js';
import { sendWhatsappTemplate, sendWhatsappText, type TemplateMessage, type WhatsappConfig } from './client.js';
import { whatsappWindow, type WindowState } from './window.js';

/** The Cloud API settings, or null when WhatsApp is not connected. */
export function whatsappConfig(settings: ChannelSettings): WhatsappConfig | null {
  const w = settings.whatsapp;
  return w.token && w.phoneNumberId ? { apiUrl: w.apiUrl, token: w.token, phoneNumberId: w.phoneNumberId } : null;
}

/** The window for a ticket's customer (closed when we know of no WhatsApp message from them). */
export async function windowForTicket(db: DbOrTx, ticket: TicketRow, now = new Date()): Promise<WindowState> {
  const last = ticket.contactId ? await lastInboundFromContact(db, ticket.contactId, 'whatsapp') : null;
  return whatsappWindow(last, now);
}

export function whatsappDriver(): ChannelDriver {
  return {
    channel: 'whatsapp',

    async plan(tx, ctx, ticket, message) {
      if (!whatsappConfig(channelSettings(ctx.config))) {
        throw problem(422, 'WhatsApp is not connected to Rapport (see Channels → WhatsApp). Reply on another channel.', { code: 'channel_not_configured' });
      }
      const to = await phoneRecipient(tx, ticket, 'whatsapp');
      if (!to) throw problem(422, 'This customer has no phone number for WhatsApp. Reply on another channel.', { code: 'no_recipient' });
      const template = (message.metadata as { template?: TemplateMessage } | null)?.template ?? null;
      if (!template) {
        const w = await windowForTicket(tx, ticket);
        if (!w.open) {
          const when = w.closesAt ? ` It closed at ${w.closesAt.toISOString()}.` : ' The customer has not written on WhatsApp yet.';
          throw problem(
            409,
            `WhatsApp's 24-hour customer-service window is closed, so only an approved message template may be sent.${when} Send a template, or reply on another channel.`,
            { code: 'whatsapp_window_closed', closesAt: w.closesAt?.toISOString() ?? null },
          );
        }
      }
      return { address: to, metadata: { template } };
    },

    async send(ctx, row) {
      const config = whatsappConfig(channelSettings(ctx.config));
      if (!config) throw new PermanentSendError('WhatsApp is not connected');
      const meta = row.metadata as { bodyText: string; template?: TemplateMessage | null };
      const wamid = meta.template
        ? await sendWhatsappTemplate(config, row.address!, meta.template)
        : await sendWhatsappText(config, row.address!, meta.bodyText);
      return { externalId: wamid };
    },
  };
}
