/**
 * Reads a Telegram Bot API webhook Update (the documented `Update` object) into one inbound
 * message, or null for updates that are not a customer writing (a bot, a channel post, a
 * callback). Edits arrive as their own updates and are kept as new messages marked "edited":
 * the record shows what the customer said and when.
 */
import { z } from 'zod';

const user = z.object({ id: z.number(), is_bot: z.boolean().optional(), first_name: z.string().optional(), last_name: z.string().optional(), username: z.string().optional(), language_code: z.string().optional() }).loose();
const file = z.object({ file_id: z.string(), file_unique_id: z.string().optional(), file_size: z.number().optional() }).loose();

const message = z
  .object({
    message_id: z.number(),
    from: user.optional(),
    chat: z.object({ id: z.number(), type: z.string() }).loose(),
    date: z.number(),
    edit_date: z.number().optional(),
    text: z.string().optional(),
    caption: z.string().optional(),
    photo: z.array(file.extend({ width: z.number().optional(), height: z.number().optional() })).optional(),
    document: file.extend({ file_name: z.string().optional(), mime_type: z.string().optional() }).optional(),
    voice: file.extend({ mime_type: z.string().optional() }).optional(),
    video: file.extend({ mime_type: z.string().optional(), file_name: z.string().optional() }).optional(),
    contact: z.object({ phone_number: z.string(), first_name: z.string().optional(), user_id: z.number().optional() }).loose().optional(),
    location: z.object({ latitude: z.number(), longitude: z.number() }).loose().optional(),
    sticker: z.object({ emoji: z.string().optional() }).loose().optional(),
  })
  .loose();

export const telegramUpdateSchema = z.object({ update_id: z.number(), message: message.optional(), edited_message: message.optional() }).loose();

export interface TelegramFile {
  fileId: string;
  filename: string;
  mimeType: string;
}

export interface TelegramInbound {
  updateId: number;
  /** Stable id for idempotency: chat, message and (for edits) the edit time. */
  externalId: string;
  chatId: string;
  name: string | null;
  username: string | null;
  languageCode: string | null;
  at: Date;
  text: string;
  edited: boolean;
  file: TelegramFile | null;
  /**
   * The sender's own phone number: a contact card Telegram marks as the sender's (its `user_id`
   * is the sender's). Telegram verified that number when the account was made, so it is proof.
   */
  sharedPhone: string | null;
  /** The number on any other contact card: anyone can forward anyone's card, so never proof. */
  claimedPhone: string | null;
}

/** The message in an update, or null when there is nothing for the help desk. */
export function readTelegramUpdate(body: unknown): TelegramInbound | null {
  const u = telegramUpdateSchema.parse(body);
  const m = u.message ?? u.edited_message;
  if (!m || m.chat.type !== 'private' || m.from?.is_bot) return null;
  const edited = !u.message;
  const photo = m.photo?.length ? m.photo[m.photo.length - 1] : null; // the largest size comes last
  let fileInfo: TelegramFile | null = null;
  if (photo) fileInfo = { fileId: photo.file_id, filename: `photo-${m.message_id}.jpg`, mimeType: 'image/jpeg' };
  else if (m.document) fileInfo = { fileId: m.document.file_id, filename: m.document.file_name ?? `document-${m.message_id}`, mimeType: m.document.mime_type ?? 'application/octet-stream' };
  else if (m.voice) fileInfo = { fileId: m.voice.file_id, filename: `voice-${m.message_id}.ogg`, mimeType: m.voice.mime_type ?? 'audio/ogg' };
  else if (m.video) fileInfo = { fileId: m.video.file_id, filename: m.video.file_name ?? `video-${m.message_id}.mp4`, mimeType: m.video.mime_type ?? 'video/mp4' };

  const ownCard = !!m.contact && !!m.from && m.contact.user_id === m.from.id;
  const ownContact = ownCard ? m.contact!.phone_number : null;
  let text = m.text ?? m.caption ?? '';
  if (!text) {
    if (m.contact) text = `[shared contact: ${m.contact.first_name ?? ''} ${m.contact.phone_number}]`.replace(/\s+/g, ' ');
    else if (m.location) text = `[location] (${m.location.latitude}, ${m.location.longitude})`;
    else if (m.sticker) text = `[sticker ${m.sticker.emoji ?? ''}]`.trim();
    else if (fileInfo) text = `[${fileInfo.filename}]`;
    else text = '[message]';
  }
  const name = [m.from?.first_name, m.from?.last_name].filter(Boolean).join(' ') || null;
  return {
    updateId: u.update_id,
    externalId: `${m.chat.id}:${m.message_id}${edited ? `:edit:${m.edit_date ?? u.update_id}` : ''}`,
    chatId: String(m.chat.id),
    name,
    username: m.from?.username ?? null,
    languageCode: m.from?.language_code ?? null,
    at: new Date((edited && m.edit_date ? m.edit_date : m.date) * 1000),
    text: edited ? `${text}\n\n(edited)` : text,
    edited,
    file: fileInfo,
    sharedPhone: ownContact,
    claimedPhone: m.contact && !ownCard ? m.contact.phone_number : null,
  };
}
