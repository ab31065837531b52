/**
 * SMS through Twilio: reading its webhook (form-encoded, as Twilio documents it), answering it
 * with an empty TwiML response, and sending through the REST API (`Messages.json`, HTTP Basic
 * with the account SID and auth token). The API base URL is a setting for tests and proxies.
 */
import { PermanentSendError } from '../conversation/drivers.js';
import { toE164 } from '../phone/normalise.js';

export interface TwilioConfig {
  apiUrl: string;
  accountSid: string;
  authToken: string;
  /** A sending number (E.164) or a Messaging Service SID (MG…). */
  from: string;
}

export type FormFields = Record<string, string | string[] | undefined>;

const field = (f: FormFields, name: string): string | undefined => {
  const v = f[name];
  return Array.isArray(v) ? v[0] : v;
};

export interface TwilioInbound {
  sid: string;
  from: string;
  to: string;
  body: string;
  fromCountry: string | null;
  media: { url: string; contentType: string }[];
}

/** Reads an incoming-message webhook; null when it is not one (a status callback, a voice call). */
export function readTwilioInbound(f: FormFields): TwilioInbound | null {
  const sid = field(f, 'MessageSid') ?? field(f, 'SmsMessageSid');
  const fromRaw = field(f, 'From');
  if (!sid || !fromRaw || field(f, 'MessageStatus')) return null;
  const from = toE164(fromRaw);
  if (!from) return null;
  const count = Number(field(f, 'NumMedia') ?? '0');
  const media: TwilioInbound['media'] = [];
  for (let i = 0; i < Math.min(count, 10); i++) {
    const url = field(f, `MediaUrl${i}`);
    if (url) media.push({ url, contentType: field(f, `MediaContentType${i}`) ?? 'application/octet-stream' });
  }
  return {
    sid,
    from,
    to: toE164(field(f, 'To') ?? '') ?? field(f, 'To') ?? '',
    body: field(f, 'Body') ?? '',
    fromCountry: field(f, 'FromCountry') ?? null,
    media,
  };
}

export interface TwilioStatus {
  sid: string;
  status: 'sent' | 'delivered' | 'read' | 'failed' | null;
  error: string | null;
}

/** Reads a status callback (MessageStatus) into our status words. */
export function readTwilioStatus(f: FormFields): TwilioStatus | null {
  const sid = field(f, 'MessageSid');
  const s = field(f, 'MessageStatus');
  if (!sid || !s) return null;
  const map: Record<string, TwilioStatus['status']> = { sent: 'sent', delivered: 'delivered', read: 'read', undelivered: 'failed', failed: 'failed' };
  const code = field(f, 'ErrorCode');
  return { sid, status: map[s] ?? null, error: code ? `Twilio error ${code}` : null };
}

/** The empty TwiML answer: "received, nothing to say automatically". */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** Sends an SMS; returns Twilio's message SID. */
export async function sendTwilioSms(config: TwilioConfig, to: string, body: string, statusCallback?: string): Promise<string> {
  const form = new URLSearchParams({ To: to, Body: body.slice(0, 1600) });
  if (config.from.startsWith('MG')) form.set('MessagingServiceSid', config.from);
  else form.set('From', config.from);
  if (statusCallback) form.set('StatusCallback', statusCallback);
  let res: Response;
  try {
    res = await fetch(`${config.apiUrl}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form.toString(),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (err) {
    throw new Error(`Twilio API unreachable: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const json = (await res.json().catch(() => ({}))) as { sid?: string; code?: number; message?: string };
  if (res.ok && json.sid) return json.sid;
  const text = `Twilio ${res.status}${json.code ? ` (error ${json.code})` : ''}: ${json.message ?? res.statusText}`;
  if (res.status >= 400 && res.status < 500 && res.status !== 429) throw new PermanentSendError(text);
  throw new Error(text);
}

/** Downloads MMS media (Twilio may require the account's credentials for media URLs). */
export async function downloadTwilioMedia(config: TwilioConfig | null, url: string): Promise<Buffer | null> {
  try {
    const headers: Record<string, string> = {};
    if (config) headers.authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(60_000) });
    return res.ok ? Buffer.from(await res.arrayBuffer()) : null;
  } catch {
    return null;
  }
}
