/**
 * A verified Twilio SMS webhook into the conversation (the sender's number is the contact's
 * identity, shared with calls and WhatsApp), and Twilio's status callbacks into delivery status.
 */
import type { AppContext } from '../../http/index.js';
import { addMessage } from '../../tickets/index.js';
import { ingestMessage, type IngestResult } from '../conversation/ingest.js';
import { advanceStatusByExternalId, findByExternalId } from '../conversation/store.js';
import { normalisePhone } from '../phone/normalise.js';
import { teamForChannel } from '../routing.js';
import { channelSettings } from '../settings.js';
import { twilioConfig } from './driver.js';
import { downloadTwilioMedia, readTwilioInbound, readTwilioStatus, type FormFields } from './twilio.js';

/** Stores an incoming SMS/MMS; null when the form is not an incoming message. */
export async function handleTwilioInbound(ctx: AppContext, form: FormFields): Promise<IngestResult | null> {
  const sms = readTwilioInbound(form);
  if (!sms) return null;
  const dup = await findByExternalId(ctx.db, 'sms', sms.sid);
  if (dup) return { outcome: 'duplicate', ticketId: dup.ticketId, messageId: dup.messageId, contactId: dup.contactId };
  const phone = normalisePhone(sms.from);
  const config = twilioConfig(channelSettings(ctx.config));
  const attachments = [];
  for (const [i, media] of sms.media.entries()) {
    const content = await downloadTwilioMedia(config, media.url);
    if (content) attachments.push({ filename: `mms-${i + 1}.${media.contentType.split('/')[1] ?? 'bin'}`, contentType: media.contentType, content });
  }
  return ingestMessage(ctx, {
    channel: 'sms',
    externalId: sms.sid,
    identity: { kind: 'phone', value: sms.from, country: sms.fromCountry ?? phone?.country ?? null },
    subject: sms.body.split('\n')[0].slice(0, 120) || 'SMS',
    bodyText: sms.body || (sms.media.length ? `[${sms.media.length} attachment(s)]` : ''),
    attachments,
    metadata: { sms: { to: sms.to, media: sms.media.length } },
    teamId: await teamForChannel(ctx.db, 'sms'),
    placement: { kind: 'continue' },
  });
}

/** Applies a status callback; a failure is written on the ticket for the agent. */
export async function handleTwilioStatus(ctx: AppContext, form: FormFields): Promise<boolean> {
  const s = readTwilioStatus(form);
  if (!s?.status) return false;
  const moved = await advanceStatusByExternalId(ctx.db, 'sms', s.sid, s.status, s.error);
  if (moved && s.status === 'failed') {
    const row = await findByExternalId(ctx.db, 'sms', s.sid);
    if (row) {
      await addMessage({ db: ctx.db, realtime: ctx.realtime, registry: ctx.registry, actorUserId: null, actorLabel: 'sms' }, row.ticketId, {
        kind: 'event', direction: 'internal', channel: 'internal', author: { name: 'SMS' },
        bodyText: `The SMS to ${row.address} was not delivered${s.error ? ` (${s.error})` : ''}.`,
        metadata: { event: 'delivery_failed', channel: 'sms', address: row.address, replyMessageId: row.messageId, reason: s.error },
      });
    }
  }
  return moved;
}
