/**
 * Starts the inbound SMTP receiver for a running Rapport (called from main.ts, so tests and
 * tools that start Rapport in-process do not grab port 2525; tests start it with port 0).
 * It is closed with the HTTP app, before the database, so no message is half-stored.
 */
import type { App, AppContext } from '../../http/index.js';
import { setSmtpListening } from '../admin/status.js';
import { channelSettings } from '../settings.js';
import { ingestEmail } from './ingest.js';
import { startSmtpReceiver, type SmtpReceiver } from './smtp-receiver.js';
import { isOurAddress } from './store.js';

/** Starts the receiver for this app's context on the configured (or given) port. */
export async function startEmailReceiver(
  ctx: AppContext,
  options: { port?: number; host?: string; logger?: App['log'] } = {},
): Promise<SmtpReceiver> {
  const settings = channelSettings(ctx.config);
  return startSmtpReceiver({
    port: options.port ?? settings.smtp.port,
    host: options.host ?? settings.smtp.host,
    maxBytes: settings.smtp.maxBytes,
    name: new URL(ctx.config.publicUrl).hostname,
    logger: options.logger,
    acceptRecipient: (address) => isOurAddress(ctx.db, address),
    deliver: async (raw, envelope) => {
      await ingestEmail(ctx, raw, { kind: 'smtp', mailFrom: envelope.mailFrom, rcptTo: envelope.rcptTo, remoteAddress: envelope.remoteAddress });
    },
  });
}

/**
 * For main.ts: starts the receiver unless switched off (RAPPORT_SMTP_ENABLED=false) and makes
 * `rapport.stop()` close it first (before the database), so shutdown never half-stores a
 * message: a sender cut off mid-transaction got no 250 and retries. A port already in use is
 * reported, not fatal: the web app and the other channels keep working meanwhile.
 */
export async function startSmtpFromMain(rapport: { app: App; ctx: AppContext; stop(): Promise<void> }): Promise<void> {
  const settings = channelSettings(rapport.ctx.config);
  if (!settings.smtp.enabled) return;
  try {
    const receiver = await startEmailReceiver(rapport.ctx, { logger: rapport.app.log });
    setSmtpListening(rapport.ctx, { port: receiver.port });
    const stopRapport = rapport.stop.bind(rapport);
    rapport.stop = async () => {
      setSmtpListening(rapport.ctx, null);
      await receiver.close();
      await stopRapport();
    };
    console.log(`Receiving email by SMTP on port ${receiver.port}`);
  } catch (err) {
    rapport.app.log.error({ err }, `SMTP receiver could not listen on port ${settings.smtp.port}; inbound email by SMTP is off`);
  }
}
