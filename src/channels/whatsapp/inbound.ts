/**
 * A verified WhatsApp webhook delivery into the conversation: each customer message lands on
 * the contact who owns the number (the same person who calls or texts from it) and continues
 * their open case; each delivery status moves our sent message forward. Meta retries a delivery
 * it got no 200 for, and a wamid already stored is skipped, so a retry stores nothing twice.
 */
import type { AppContext } from '../../http/index.js';
import { addMessage } from '../../tickets/index.js';
import { ingestMessage, type IngestResult } from '../conversation/ingest.js';
import { advanceStatusByExternalId, findByExternalId } from '../conversation/store.js';
import { normalisePhone } from '../phone/normalise.js';
import { teamForChannel } from '../routing.js';
import { channelSettings } from '../settings.js';
import { downloadWhatsappMedia } from './client.js';
import { whatsappConfig } from './driver.js';
import { readWhatsappWebhook } from './payload.js';

export interface WhatsappWebhookResult {
  messages: IngestResult[];
  statuses: number;
}

/** Processes one verified delivery; resolves when everything in it is committed. */
export async function handleWhatsappWebhook(ctx: AppContext, body: unknown): Promise<WhatsappWebhookResult> {
  const { messages, statuses } = readWhatsappWebhook(body);
  const config = whatsappConfig(channelSettings(ctx.config));
  const teamId = await teamForChannel(ctx.db, 'whatsapp');
  const results: IngestResult[] = [];
  for (const m of messages) {
    const phone = normalisePhone(`+${m.waId}`);
    if (!phone) continue;
    const seen = await findByExternalId(ctx.db, 'whatsapp', m.wamid);
    if (seen) {
      results.push({ outcome: 'duplicate', ticketId: seen.ticketId, messageId: seen.messageId, contactId: seen.contactId });
      continue;
    }
    const file = m.media && config ? await downloadWhatsappMedia(config, m.media.mediaId) : null;
    results.push(
      await ingestMessage(ctx, {
        channel: 'whatsapp',
        externalId: m.wamid,
        identity: { kind: 'phone', value: phone.e164, name: m.profileName, label: m.profileName, country: phone.country },
        subject: m.text.split('\n')[0].slice(0, 120),
        bodyText: m.text,
        attachments: file
          ? [{ filename: m.media!.filename ?? `${m.type}-${m.wamid.slice(-8)}.${file.contentType.split('/')[1]?.split(';')[0] ?? 'bin'}`, contentType: file.contentType, content: file.content }]
          : undefined,
        metadata: { whatsapp: { type: m.type, mediaId: m.media?.mediaId ?? null, mediaDownloaded: !!file, replyTo: m.replyTo, phoneNumberId: m.phoneNumberId } },
        teamId,
        placement: { kind: 'continue' },
        at: m.at.getTime() <= Date.now() ? m.at : undefined,
      }),
    );
  }
  let advanced = 0;
  for (const s of statuses) {
    const moved = await advanceStatusByExternalId(ctx.db, 'whatsapp', s.wamid, s.status, s.error);
    if (!moved) continue;
    advanced++;
    if (s.status === 'failed') {
      const row = await findByExternalId(ctx.db, 'whatsapp', s.wamid);
      if (row) {
        await addMessage({ db: ctx.db, realtime: ctx.realtime, registry: ctx.registry, actorUserId: null, actorLabel: 'whatsapp' }, row.ticketId, {
          kind: 'event',
          direction: 'internal',
          channel: 'internal',
          author: { name: 'WhatsApp' },
          bodyText: `WhatsApp could not deliver the message to ${row.address}: ${s.error ?? 'failed'}${s.error?.startsWith('131047') ? ' — the 24-hour window had closed; send an approved template or use another channel.' : ''}`,
          metadata: { event: 'delivery_failed', channel: 'whatsapp', address: row.address, replyMessageId: row.messageId, reason: s.error, windowClosed: !!s.error?.startsWith('131047') },
        });
      }
    }
  }
  return { messages: results, statuses: advanced };
}
