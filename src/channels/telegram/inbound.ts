/**
 * A verified Telegram update into the conversation. If the customer shares their own phone
 * number (Telegram's contact button, which Telegram marks with their user id), their Telegram
 * chat joins the contact who owns that number, so the person who called and WhatsApped us
 * yesterday is the same person writing now. Any other contact card is only a claim: the agent is
 * told, nothing is joined.
 */
import type { AppContext } from '../../http/index.js';
import { getContact } from '../../customers/index.js';
import { updateTicket } from '../../tickets/index.js';
import { ingestMessage, recentOpenTicket, type IngestResult } from '../conversation/ingest.js';
import { noteIdentityClaim } from '../identity/claim.js';
import { linkIdentity } from '../identity/commands.js';
import { contactOwning, findIdentity, resolveContact } from '../identity/store.js';
import { toE164 } from '../phone/normalise.js';
import { teamForChannel } from '../routing.js';
import { channelSettings } from '../settings.js';
import { downloadTelegramFile } from './client.js';
import { telegramConfig } from './driver.js';
import { readTelegramUpdate } from './payload.js';

/** A contact card's number in E.164 (Telegram sends it without the leading +), or null. */
const cardPhone = (raw: string | null) => (raw ? toE164(raw.startsWith('+') ? raw : `+${raw}`) : null);

/** Processes one verified update; null when the update carried nothing for the help desk. */
export async function handleTelegramUpdate(ctx: AppContext, body: unknown): Promise<IngestResult | null> {
  const m = readTelegramUpdate(body);
  if (!m) return null;
  const identity = {
    kind: 'telegram' as const,
    value: m.chatId,
    name: m.name,
    label: m.username ? `@${m.username}` : m.name,
    language: m.languageCode,
  };

  let contactId: string | null = null;
  const phone = cardPhone(m.sharedPhone);
  if (phone) {
    const ownerId = await contactOwning(ctx.db, 'phone', phone);
    const before = await findIdentity(ctx.db, 'telegram', m.chatId);
    contactId = await ctx.db.transaction(async (tx) => {
      const id = ownerId ?? (await resolveContact(tx, { ...identity, channel: 'telegram' })).contactId;
      await linkIdentity(tx, id, { kind: 'telegram', value: m.chatId, label: identity.label, channel: 'telegram' });
      await linkIdentity(tx, id, { kind: 'phone', value: phone, channel: 'telegram' });
      return id;
    });
    // The case opened before we knew who this was follows the person to their real record.
    if (before && before.contactId !== contactId) {
      const open = await recentOpenTicket(ctx, before.contactId);
      if (open) await updateTicket({ db: ctx.db, realtime: ctx.realtime, registry: ctx.registry, actorUserId: null, actorLabel: 'telegram' }, open, { contactId }, { summary: 'Telegram user shared their phone number' });
    }
  }

  const config = telegramConfig(channelSettings(ctx.config));
  const content = m.file && config ? await downloadTelegramFile(config, m.file.fileId) : null;
  const result = await ingestMessage(ctx, {
    channel: 'telegram',
    externalId: m.externalId,
    identity,
    contactId,
    subject: m.text.split('\n')[0].slice(0, 120),
    bodyText: m.text,
    attachments: m.file && content ? [{ filename: m.file.filename, contentType: m.file.mimeType, content }] : undefined,
    metadata: { telegram: { updateId: m.updateId, edited: m.edited, fileId: m.file?.fileId ?? null, fileDownloaded: !!content } },
    language: m.languageCode,
    teamId: await teamForChannel(ctx.db, 'telegram'),
    placement: { kind: 'continue' },
    at: m.at.getTime() <= Date.now() ? m.at : undefined,
  });
  await noteClaimedPhone(ctx, m.claimedPhone, result);
  return result;
}

/** A forwarded contact card naming a number another contact owns: tell the agent. */
async function noteClaimedPhone(ctx: AppContext, claimed: string | null, result: IngestResult): Promise<void> {
  const phone = cardPhone(claimed);
  if (!phone || result.outcome === 'duplicate') return;
  const owner = await contactOwning(ctx.db, 'phone', phone);
  if (!owner || owner === result.contactId) return;
  const contact = await getContact(ctx.db, owner);
  await noteIdentityClaim(ctx, result.ticketId, { channel: 'telegram', claimed: phone, contactId: owner, contactName: contact?.name ?? null, key: result.messageId ?? 'card' });
}
