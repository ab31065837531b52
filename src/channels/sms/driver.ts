/**
 * SMS as an outbound channel (Twilio). The recipient is the number the customer texted from;
 * delivery reports come back on the status callback and move the message to delivered/failed.
 */
import { problem } from '../../errors/index.js';
import { PermanentSendError, type ChannelDriver } from '../conversation/drivers.js';
import { phoneRecipient } from '../conversation/recipient.js';
import { channelSettings, type ChannelSettings } from '../settings.js';
import { sendTwilioSms, type TwilioConfig } from './twilio.js';

export const TWILIO_WEBHOOK_PATH = '/api/v1/channels/sms/twilio';
export const TWILIO_STATUS_PATH = '/api/v1/channels/sms/twilio/status';

export function twilioConfig(settings: ChannelSettings): TwilioConfig | null {
  const t = settings.twilio;
  return t.accountSid && t.authToken && t.from ? { apiUrl: t.apiUrl, accountSid: t.accountSid, authToken: t.authToken, from: t.from } : null;
}

export function smsDriver(): ChannelDriver {
  return {
    channel: 'sms',

    async plan(tx, ctx, ticket) {
      if (!twilioConfig(channelSettings(ctx.config))) {
        throw problem(422, 'SMS is not connected to Rapport (see Channels → SMS). Reply on another channel.', { code: 'channel_not_configured' });
      }
      const to = await phoneRecipient(tx, ticket, 'sms');
      if (!to) throw problem(422, 'This customer has no phone number for SMS. Reply on another channel.', { code: 'no_recipient' });
      return { address: to };
    },

    async send(ctx, row) {
      const config = twilioConfig(channelSettings(ctx.config));
      if (!config) throw new PermanentSendError('SMS is not connected');
      const sid = await sendTwilioSms(config, row.address!, (row.metadata as { bodyText: string }).bodyText, `${ctx.config.publicUrl}${TWILIO_STATUS_PATH}`);
      return { externalId: sid };
    },
  };
}
