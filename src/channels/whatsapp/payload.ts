/**
 * Reads a WhatsApp Cloud API webhook delivery (Meta's documented `whatsapp_business_account`
 * payload) into plain inbound messages and delivery statuses. Unknown fields and message types
 * are tolerated — Meta adds them over time — and a type we cannot show is still recorded as a
 * message saying so, never dropped.
 */
import { z } from 'zod';

const media = z.object({ id: z.string(), mime_type: z.string().optional(), caption: z.string().optional(), filename: z.string().optional(), sha256: z.string().optional() }).loose();

const message = z
  .object({
    from: z.string(),
    id: z.string(),
    timestamp: z.string(),
    type: z.string(),
    text: z.object({ body: z.string() }).loose().optional(),
    image: media.optional(),
    document: media.optional(),
    audio: media.optional(),
    video: media.optional(),
    sticker: media.optional(),
    location: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() }).loose().optional(),
    button: z.object({ text: z.string(), payload: z.string().optional() }).loose().optional(),
    interactive: z
      .object({
        type: z.string(),
        button_reply: z.object({ id: z.string(), title: z.string() }).loose().optional(),
        list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }).loose().optional(),
      })
      .loose()
      .optional(),
    reaction: z.object({ message_id: z.string(), emoji: z.string().optional() }).loose().optional(),
    context: z.object({ id: z.string().optional(), from: z.string().optional() }).loose().optional(),
  })
  .loose();

const status = z
  .object({
    id: z.string(),
    status: z.string(),
    timestamp: z.string(),
    recipient_id: z.string().optional(),
    errors: z.array(z.object({ code: z.number(), title: z.string().optional(), message: z.string().optional() }).loose()).optional(),
  })
  .loose();

export const whatsappWebhookSchema = z
  .object({
    object: z.string(),
    entry: z.array(
      z
        .object({
          id: z.string(),
          changes: z.array(
            z
              .object({
                field: z.string(),
                value: z
                  .object({
                    messaging_product: z.string().optional(),
                    metadata: z.object({ display_phone_number: z.string().optional(), phone_number_id: z.string() }).loose().optional(),
                    contacts: z.array(z.object({ wa_id: z.string(), profile: z.object({ name: z.string().optional() }).loose().optional() }).loose()).optional(),
                    messages: z.array(message).optional(),
                    statuses: z.array(status).optional(),
                  })
                  .loose(),
              })
              .loose(),
          ),
        })
        .loose(),
    ),
  })
  .loose();

export interface WhatsappMedia {
  mediaId: string;
  mimeType: string | null;
  filename: string | null;
}

export interface WhatsappInbound {
  wamid: string;
  /** The customer's number as WhatsApp gives it (digits, no +). */
  waId: string;
  profileName: string | null;
  phoneNumberId: string | null;
  at: Date;
  type: string;
  text: string;
  media: WhatsappMedia | null;
  /** The wamid the customer replied to, if any. */
  replyTo: string | null;
}

export interface WhatsappStatus {
  wamid: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  at: Date;
  error: string | null;
}

function describe(m: z.infer<typeof message>): { text: string; media: WhatsappMedia | null } {
  const asMedia = (x: z.infer<typeof media> | undefined): WhatsappMedia | null =>
    x ? { mediaId: x.id, mimeType: x.mime_type ?? null, filename: x.filename ?? null } : null;
  switch (m.type) {
    case 'text':
      return { text: m.text?.body ?? '', media: null };
    case 'image':
    case 'video':
    case 'audio':
    case 'sticker':
    case 'document': {
      const x = m[m.type as 'image'];
      return { text: x?.caption ?? `[${m.type}${x?.filename ? `: ${x.filename}` : ''}]`, media: asMedia(x) };
    }
    case 'location': {
      const l = m.location;
      return { text: l ? `[location] ${[l.name, l.address].filter(Boolean).join(', ')} (${l.latitude}, ${l.longitude})`.trim() : '[location]', media: null };
    }
    case 'button':
      return { text: m.button?.text ?? '[button]', media: null };
    case 'interactive':
      return { text: m.interactive?.button_reply?.title ?? m.interactive?.list_reply?.title ?? '[interactive reply]', media: null };
    case 'reaction':
      return { text: `[reaction ${m.reaction?.emoji ?? ''}]`.trim(), media: null };
    default:
      return { text: `[${m.type} message — not shown by WhatsApp's API]`, media: null };
  }
}

const statuses = new Set(['sent', 'delivered', 'read', 'failed']);

/** Messages and statuses in one webhook delivery (Meta batches several). */
export function readWhatsappWebhook(body: unknown): { messages: WhatsappInbound[]; statuses: WhatsappStatus[] } {
  const parsed = whatsappWebhookSchema.parse(body);
  const messages: WhatsappInbound[] = [];
  const out: WhatsappStatus[] = [];
  for (const entry of parsed.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const v = change.value;
      const names = new Map((v.contacts ?? []).map((c) => [c.wa_id, c.profile?.name ?? null]));
      for (const m of v.messages ?? []) {
        if (m.type === 'reaction') continue; // a reaction is not a message to answer
        const d = describe(m);
        messages.push({
          wamid: m.id,
          waId: m.from,
          profileName: names.get(m.from) ?? null,
          phoneNumberId: v.metadata?.phone_number_id ?? null,
          at: new Date(Number(m.timestamp) * 1000),
          type: m.type,
          text: d.text,
          media: d.media,
          replyTo: m.context?.id ?? null,
        });
      }
      for (const s of v.statuses ?? []) {
        if (!statuses.has(s.status)) continue;
        const e = s.errors?.[0];
        out.push({
          wamid: s.id,
          status: s.status as WhatsappStatus['status'],
          at: new Date(Number(s.timestamp) * 1000),
          error: e ? `${e.code}${e.title ? ` ${e.title}` : ''}${e.message ? `: ${e.message}` : ''}` : null,
        });
      }
    }
  }
  return { messages, statuses: out };
}
