/**
 * Outbound SMTP through nodemailer. The transport comes from one URL setting
 * (`RAPPORT_SMTP_URL`, e.g. `smtps://user:pass@smtp.example.com:465` or
 * `smtp://relay.internal:25`), so any relay or provider with SMTP works the same way.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { ComposedEmail } from './compose.js';

export type MailTransport = Transporter;

/**
 * A transport for the URL. Pooled, so a burst of replies reuses connections instead of
 * opening one per message.
 */
export function createMailTransport(url: string): MailTransport {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  return nodemailer.createTransport({
    pool: true,
    maxConnections: 3,
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    // Opportunistic STARTTLS; `?tls=off` for a local relay that offers none, `?tls=required` to insist.
    ignoreTLS: u.searchParams.get('tls') === 'off',
    requireTLS: u.searchParams.get('tls') === 'required',
    tls: { rejectUnauthorized: u.searchParams.get('selfSigned') !== 'true' },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
}

export interface SendResult {
  accepted: string[];
  rejected: string[];
  /** The relay's final reply, e.g. "250 2.0.0 Ok: queued as ABC". */
  response: string;
}

/** Hands a composed message to the relay; throws on failure so the job retries it. */
export async function sendEmail(transport: MailTransport, email: ComposedEmail): Promise<SendResult> {
  const info = await transport.sendMail(email.mail);
  const asStrings = (list: unknown[] | undefined) =>
    (list ?? []).map((a) => (typeof a === 'string' ? a : (a as { address: string }).address));
  const result = { accepted: asStrings(info.accepted), rejected: asStrings(info.rejected), response: String(info.response ?? '') };
  if (result.accepted.length === 0) throw new Error(`Every recipient was refused: ${result.response}`);
  return result;
}
