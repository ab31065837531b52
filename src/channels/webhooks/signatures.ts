/**
 * Signature checks for the messaging providers' webhooks, exactly as each provider documents
 * them. A forged request must be refused before anything in it is trusted, so every comparison
 * here is constant-time (no byte-by-byte early exit an attacker could time).
 *
 * - WhatsApp Cloud API (Meta): `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body,
 *   keyed with the app secret>`. The raw bytes matter: re-serialised JSON would not match.
 * - Telegram Bot API: `X-Telegram-Bot-Api-Secret-Token` equals the secret_token given to
 *   setWebhook.
 * - Twilio: `X-Twilio-Signature: base64(HMAC-SHA1(auth token, full URL + for each POST
 *   parameter sorted by name: name + value))`.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Constant-time equality of two strings of any length (hashes first so lengths never leak). */
export function safeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db);
}

/** The X-Hub-Signature-256 value Meta sends for this body; used by the check and by test fakes. */
export function whatsappSignature(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * Verifies a WhatsApp Cloud API (Meta Graph) webhook delivery against the app secret.
 * Must be given the body bytes exactly as received.
 */
export function verifyWhatsappSignature(rawBody: Buffer | string, header: string | undefined, appSecret: string): boolean {
  if (!header || !appSecret) return false;
  const value = header.trim();
  if (!/^sha256=[0-9a-f]{64}$/i.test(value)) return false;
  return safeEqual(value.toLowerCase(), whatsappSignature(rawBody, appSecret));
}

/** Verifies Telegram's secret-token header against the secret registered with setWebhook. */
export function verifyTelegramSecret(header: string | undefined, secret: string): boolean {
  if (!header || !secret) return false;
  return safeEqual(header, secret);
}

export type FormParams = Record<string, string | string[] | undefined>;

/** The string Twilio signs: the full URL, then each parameter name and value, sorted by name. */
export function twilioSigningString(url: string, params: FormParams): string {
  // Code-unit order ("Unix-style case-sensitive sorting"), not locale order.
  const names = Object.keys(params).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let out = url;
  for (const name of names) {
    const v = params[name];
    if (v === undefined) continue;
    const values = Array.isArray(v) ? [...v].sort() : [v];
    for (const value of values) out += name + value;
  }
  return out;
}

/** The X-Twilio-Signature value for a request; used by the check and by test fakes. */
export function twilioSignature(url: string, params: FormParams, authToken: string): string {
  return createHmac('sha1', authToken).update(twilioSigningString(url, params), 'utf8').digest('base64');
}

/**
 * The URL forms Twilio may have signed: behind a proxy the default port may or may not have
 * been part of the configured webhook URL, so both spellings are tried (as Twilio's own
 * libraries do).
 */
function urlVariants(url: string): string[] {
  const out = new Set([url]);
  // URL() drops a default port, so look at the text itself.
  const m = /^(https?):\/\/([^/?#:]+)(:(\d+))?(.*)$/is.exec(url);
  if (m) {
    const [, scheme, host, , port, rest] = m;
    const defaultPort = scheme.toLowerCase() === 'https' ? '443' : '80';
    if (port === undefined) out.add(`${scheme}://${host}:${defaultPort}${rest}`);
    else if (port === defaultPort) out.add(`${scheme}://${host}${rest}`);
  }
  return [...out];
}

/**
 * Verifies a Twilio webhook (form-encoded POST). `url` must be the public URL Twilio was
 * configured with, including the query string.
 */
export function verifyTwilioSignature(
  url: string,
  params: FormParams,
  header: string | undefined,
  authToken: string,
): boolean {
  if (!header || !authToken) return false;
  let ok = false;
  // Check every variant (no early return) so timing does not reveal which form matched.
  for (const variant of urlVariants(url)) {
    if (safeEqual(header.trim(), twilioSignature(variant, params, authToken))) ok = true;
  }
  return ok;
}
