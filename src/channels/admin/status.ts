/**
 * The channels overview an admin sees first: which channels are connected, what to paste into
 * each provider's console (webhook URLs), whether the SMTP receiver is listening, and how many
 * inbound failures wait for a look.
 */
import type { AppContext } from '../../http/index.js';
import { listWidgets } from '../chat/store.js';
import { openFailureCount } from '../failures/store.js';
import { mailboxCount } from '../email/store.js';
import type { Registry } from '../../http/index.js';
import { nodeState } from '../node-state.js';
import { channelSettings } from '../settings.js';
import { TWILIO_STATUS_PATH, TWILIO_WEBHOOK_PATH, twilioConfig } from '../sms/driver.js';
import { telegramConfig } from '../telegram/driver.js';
import { whatsappConfig } from '../whatsapp/driver.js';

/** Recorded by the SMTP listener so the admin page can tell whether mail can come in by SMTP. */
export function setSmtpListening(ctx: { registry: Registry }, state: { port: number } | null): void {
  nodeState(ctx).smtpListening = state;
}

export interface ChannelStatus {
  channel: string;
  connected: boolean;
  detail: Record<string, string | number | boolean | null>;
}

export async function channelsStatus(ctx: AppContext): Promise<{ channels: ChannelStatus[]; openFailures: number }> {
  const s = channelSettings(ctx.config);
  const smtpListening = nodeState(ctx).smtpListening;
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  const widgets = await listWidgets(ctx.db, 200);
  return {
    openFailures: await openFailureCount(ctx.db),
    channels: [
      {
        channel: 'email',
        connected: !!s.smtpUrl || !!smtpListening,
        detail: {
          outbound: s.smtpUrl ? new URL(s.smtpUrl).host : null,
          smtpReceiverPort: smtpListening?.port ?? null,
          configuredPort: s.smtp.port,
          mailboxes: await mailboxCount(ctx.db),
          defaultFrom: s.mailFrom ?? null,
        },
      },
      { channel: 'chat', connected: widgets.some((w) => w.active), detail: { widgets: widgets.length, script: `${base}/widget.js`, example: `${base}/chat/example` } },
      {
        channel: 'whatsapp',
        connected: !!whatsappConfig(s) && !!s.whatsapp.appSecret,
        detail: {
          webhookUrl: `${base}/api/v1/channels/whatsapp/webhook`,
          verifyTokenSet: !!s.whatsapp.verifyToken,
          appSecretSet: !!s.whatsapp.appSecret,
          phoneNumberId: s.whatsapp.phoneNumberId ?? null,
          apiUrl: s.whatsapp.apiUrl,
        },
      },
      {
        channel: 'telegram',
        connected: !!telegramConfig(s) && !!s.telegram.secret,
        detail: { webhookUrl: `${base}/api/v1/channels/telegram/webhook`, secretSet: !!s.telegram.secret, apiUrl: s.telegram.apiUrl },
      },
      {
        channel: 'sms',
        connected: !!twilioConfig(s),
        detail: { webhookUrl: `${base}${TWILIO_WEBHOOK_PATH}`, statusCallbackUrl: `${base}${TWILIO_STATUS_PATH}`, from: s.twilio.from ?? null, apiUrl: s.twilio.apiUrl },
      },
      { channel: 'phone', connected: true, detail: { eventsUrl: `${base}/api/v1/calls/events` } },
    ],
  };
}
