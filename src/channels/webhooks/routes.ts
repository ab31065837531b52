/**
 * The messaging providers' webhooks. Each one checks the provider's signature or secret on the
 * raw bytes first and answers 401 to a forgery before reading anything; answers 200 only once
 * what it carried is committed (so the provider retries otherwise); and keeps a payload it cannot
 * read, signed but unexpected, as a reported failure instead of dropping it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { App } from '../../http/index.js';
import { problem } from '../../errors/index.js';
import { storeFailure } from '../failures/store.js';
import { channelSettings } from '../settings.js';
import { handleTwilioInbound, handleTwilioStatus } from '../sms/inbound.js';
import { EMPTY_TWIML } from '../sms/twilio.js';
import { TWILIO_STATUS_PATH, TWILIO_WEBHOOK_PATH } from '../sms/driver.js';
import { handleTelegramUpdate } from '../telegram/inbound.js';
import { handleWhatsappWebhook } from '../whatsapp/inbound.js';
import { parseForm, registerRawBodyParsers } from './body-parsers.js';
import { verifyTelegramSecret, verifyTwilioSignature, verifyWhatsappSignature } from './signatures.js';

const tags = ['channels'];
// Providers call these from their servers, authenticated by a signature, never by our cookie:
// the cross-site check (src/http/cross-site.ts) does not apply.
const config = { crossSite: true };

function forgery(reply: FastifyReply, detail: string) {
  return reply
    .status(401)
    .type('application/problem+json')
    .send({ type: 'about:blank', status: 401, title: 'Not signed in', detail });
}

/** A signed payload we could not read: kept raw for an admin, acknowledged so it is not retried forever. */
async function keepUnreadable(app: App, channel: string, request: FastifyRequest, err: unknown): Promise<void> {
  const { row, isNew } = await storeFailure(app.ctx.db, {
    channel,
    source: 'webhook',
    reason: 'unreadable-payload',
    detail: err instanceof ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : String(err),
    raw: request.rawBody ?? Buffer.from(JSON.stringify(request.body ?? null)),
    envelope: { contentType: request.headers['content-type'] ?? null },
  });
  if (isNew) await app.ctx.realtime.publish({ type: 'channel.inbound_failed', data: { failureId: row.id, channel, reason: 'unreadable-payload' } }).catch(() => undefined);
}

/** The URL Twilio signed: the public address of this route, query string included. */
function publicUrlOf(app: App, request: FastifyRequest): string {
  return `${app.ctx.config.publicUrl.replace(/\/+$/, '')}${request.url}`;
}

export default async function webhookRoutes(app: App) {
  registerRawBodyParsers(app as unknown as FastifyInstance);
  const settings = () => channelSettings(app.ctx.config);

  app.get('/api/v1/channels/whatsapp/webhook', {
    schema: { tags, summary: "WhatsApp Cloud API webhook verification (Meta's GET handshake)" },
  }, async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const expected = settings().whatsapp.verifyToken;
    if (q['hub.mode'] === 'subscribe' && expected && q['hub.verify_token'] && verifyTelegramSecret(q['hub.verify_token'], expected)) {
      return reply.type('text/plain').send(q['hub.challenge'] ?? '');
    }
    throw problem(403, 'The verify token does not match RAPPORT_WHATSAPP_VERIFY_TOKEN.');
  });

  app.post('/api/v1/channels/whatsapp/webhook', {
    config,
    schema: { tags, summary: 'WhatsApp Cloud API webhook (messages and statuses), signed with X-Hub-Signature-256' },
  }, async (request, reply) => {
    const secret = settings().whatsapp.appSecret;
    if (!secret || !verifyWhatsappSignature(request.rawBody ?? Buffer.alloc(0), request.headers['x-hub-signature-256'] as string | undefined, secret)) {
      return forgery(reply, 'The X-Hub-Signature-256 signature does not match this body.');
    }
    try {
      const result = await handleWhatsappWebhook(app.ctx, request.body);
      return { received: result.messages.length, statuses: result.statuses };
    } catch (err) {
      if (!(err instanceof ZodError)) throw err;
      await keepUnreadable(app, 'whatsapp', request, err);
      return { received: 0, statuses: 0, kept: true };
    }
  });

  app.post('/api/v1/channels/telegram/webhook', {
    config,
    schema: { tags, summary: 'Telegram Bot API webhook, authenticated by X-Telegram-Bot-Api-Secret-Token' },
  }, async (request, reply) => {
    const secret = settings().telegram.secret;
    if (!secret || !verifyTelegramSecret(request.headers['x-telegram-bot-api-secret-token'] as string | undefined, secret)) {
      return forgery(reply, 'The X-Telegram-Bot-Api-Secret-Token header does not match.');
    }
    try {
      const result = await handleTelegramUpdate(app.ctx, request.body);
      return { ok: true, outcome: result?.outcome ?? 'ignored' };
    } catch (err) {
      if (!(err instanceof ZodError)) throw err;
      await keepUnreadable(app, 'telegram', request, err);
      return { ok: true, outcome: 'kept' };
    }
  });

  const twilio = (handle: (form: Record<string, string | string[]>) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const token = settings().twilio.authToken;
      const form = (request.body ?? {}) as Record<string, string | string[]>;
      // Signed over the parameters as sent; the parsed body may have been cleaned of NULs since.
      const signed = request.rawBody ? parseForm(request.rawBody.toString('utf8')) : form;
      if (!token || !verifyTwilioSignature(publicUrlOf(app, request), signed, request.headers['x-twilio-signature'] as string | undefined, token)) {
        return forgery(reply, 'The X-Twilio-Signature signature does not match this request.');
      }
      await handle(form);
      return reply.type('text/xml').send(EMPTY_TWIML);
    };

  app.post(TWILIO_WEBHOOK_PATH, { config, schema: { tags, summary: 'Twilio incoming SMS webhook, signed with X-Twilio-Signature' } }, twilio((f) => handleTwilioInbound(app.ctx, f)));
  app.post(TWILIO_STATUS_PATH, { config, schema: { tags, summary: 'Twilio message status callback, signed with X-Twilio-Signature' } }, twilio((f) => handleTwilioStatus(app.ctx, f)));
}
