/**
 * The channels' settings, read from the environment once at start-up through their own schema
 * (DEVELOPING.md: capability settings live with the capability). Provider credentials stay in
 * the environment, never in the database; provider base URLs are settings so tests and
 * on-premise gateways can point the clients elsewhere.
 */
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const schema = z.object({
  RAPPORT_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  RAPPORT_SMTP_HOST: z.string().default('0.0.0.0'),
  RAPPORT_SMTP_ENABLED: bool.default(true),
  RAPPORT_SMTP_MAX_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  RAPPORT_SMTP_URL: z.string().url().optional(),
  RAPPORT_MAIL_FROM: z.string().email().optional(),
  RAPPORT_IMAP_POLL_SECONDS: z.coerce.number().int().min(5).default(60),
  RAPPORT_WHATSAPP_API_URL: z.string().url().default('https://graph.facebook.com/v21.0'),
  RAPPORT_WHATSAPP_TOKEN: optional,
  RAPPORT_WHATSAPP_PHONE_NUMBER_ID: optional,
  RAPPORT_WHATSAPP_APP_SECRET: optional,
  RAPPORT_WHATSAPP_VERIFY_TOKEN: optional,
  RAPPORT_TELEGRAM_API_URL: z.string().url().default('https://api.telegram.org'),
  RAPPORT_TELEGRAM_BOT_TOKEN: optional,
  RAPPORT_TELEGRAM_SECRET: optional,
  RAPPORT_TWILIO_API_URL: z.string().url().default('https://api.twilio.com'),
  RAPPORT_TWILIO_ACCOUNT_SID: optional,
  RAPPORT_TWILIO_AUTH_TOKEN: optional,
  RAPPORT_TWILIO_FROM: optional,
  RAPPORT_CHAT_AWAY_SECONDS: z.coerce.number().int().min(5).default(60),
});

export interface ChannelSettings {
  smtp: { enabled: boolean; port: number; host: string; maxBytes: number };
  /** Outbound relay URL; without it email replies wait (queued) and the admin page says why. */
  smtpUrl: string | undefined;
  /** Sender when a ticket's team has no address of its own. */
  mailFrom: string | undefined;
  imapPollSeconds: number;
  whatsapp: { apiUrl: string; token?: string; phoneNumberId?: string; appSecret?: string; verifyToken?: string };
  telegram: { apiUrl: string; botToken?: string; secret?: string };
  twilio: { apiUrl: string; accountSid?: string; authToken?: string; from?: string };
  /** A chat visitor silent (socket closed) this long has left: replies go by email. */
  chatAwaySeconds: number;
}

/** Validates the channel settings; throws one error listing every bad one. */
export function loadChannelSettings(env: Record<string, string | undefined>): ChannelSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid channel settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    smtp: { enabled: e.RAPPORT_SMTP_ENABLED, port: e.RAPPORT_SMTP_PORT, host: e.RAPPORT_SMTP_HOST, maxBytes: e.RAPPORT_SMTP_MAX_BYTES },
    smtpUrl: e.RAPPORT_SMTP_URL,
    mailFrom: e.RAPPORT_MAIL_FROM,
    imapPollSeconds: e.RAPPORT_IMAP_POLL_SECONDS,
    whatsapp: {
      apiUrl: e.RAPPORT_WHATSAPP_API_URL.replace(/\/+$/, ''),
      token: e.RAPPORT_WHATSAPP_TOKEN,
      phoneNumberId: e.RAPPORT_WHATSAPP_PHONE_NUMBER_ID,
      appSecret: e.RAPPORT_WHATSAPP_APP_SECRET,
      verifyToken: e.RAPPORT_WHATSAPP_VERIFY_TOKEN,
    },
    telegram: { apiUrl: e.RAPPORT_TELEGRAM_API_URL.replace(/\/+$/, ''), botToken: e.RAPPORT_TELEGRAM_BOT_TOKEN, secret: e.RAPPORT_TELEGRAM_SECRET },
    twilio: {
      apiUrl: e.RAPPORT_TWILIO_API_URL.replace(/\/+$/, ''),
      accountSid: e.RAPPORT_TWILIO_ACCOUNT_SID,
      authToken: e.RAPPORT_TWILIO_AUTH_TOKEN,
      from: e.RAPPORT_TWILIO_FROM,
    },
    chatAwaySeconds: e.RAPPORT_CHAT_AWAY_SECONDS,
  };
}

const cache = new WeakMap<object, ChannelSettings>();

/** The settings for a running app (parsed once per config object). */
export function channelSettings(config: { env: Record<string, string | undefined> }): ChannelSettings {
  let s = cache.get(config);
  if (!s) {
    s = loadChannelSettings(config.env);
    cache.set(config, s);
  }
  return s;
}
