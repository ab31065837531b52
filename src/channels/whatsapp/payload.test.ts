import { describe, expect, it } from 'vitest';
import { readWhatsappWebhook } from './payload.js';
import { whatsappWindow } from './window.js';

const envelope = (value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' }, ...value } }] }],
});

describe('readWhatsappWebhook', () => {
  it('reads a text message with the sender’s profile name (Meta’s documented example shape)', () => {
    const r = readWhatsappWebhook(
      envelope({
        contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
        messages: [{ from: '16505551234', id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=', timestamp: '1749416383', type: 'text', text: { body: 'Does it come in another color?' } }],
      }),
    );
    expect(r.statuses).toEqual([]);
    expect(r.messages).toEqual([
      {
        wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        waId: '16505551234',
        profileName: 'Sheena Nelson',
        phoneNumberId: '106540352242922',
        at: new Date(1749416383 * 1000),
        type: 'text',
        text: 'Does it come in another color?',
        media: null,
        replyTo: null,
      },
    ]);
  });

  it('keeps media ids and captions, and describes types it cannot show', () => {
    const r = readWhatsappWebhook(
      envelope({
        messages: [
          { from: '1', id: 'w1', timestamp: '1', type: 'image', image: { id: '1003383421387256', mime_type: 'image/jpeg', sha256: 'x', caption: 'The broken part' } },
          { from: '1', id: 'w2', timestamp: '1', type: 'document', document: { id: 'd1', mime_type: 'application/pdf', filename: 'manual.pdf' } },
          { from: '1', id: 'w3', timestamp: '1', type: 'location', location: { latitude: 52.23, longitude: 21.01, name: 'Warszawa' } },
          { from: '1', id: 'w4', timestamp: '1', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes, come tomorrow' } } },
          { from: '1', id: 'w5', timestamp: '1', type: 'reaction', reaction: { message_id: 'w0', emoji: '👍' } },
          { from: '1', id: 'w6', timestamp: '1', type: 'unsupported', errors: [{ code: 131051 }] },
        ],
      }),
    );
    expect(r.messages.map((m) => [m.wamid, m.text, m.media?.mediaId ?? null])).toEqual([
      ['w1', 'The broken part', '1003383421387256'],
      ['w2', '[document: manual.pdf]', 'd1'],
      ['w3', '[location] Warszawa (52.23, 21.01)', null],
      ['w4', 'Yes, come tomorrow', null],
      ['w6', "[unsupported message — not shown by WhatsApp's API]", null],
    ]);
  });

  it('reads delivery statuses with their error', () => {
    const r = readWhatsappWebhook(
      envelope({
        statuses: [
          { id: 'wamid.A', status: 'delivered', timestamp: '1700000000', recipient_id: '1' },
          { id: 'wamid.B', status: 'failed', timestamp: '1700000001', recipient_id: '1', errors: [{ code: 131047, title: 'Re-engagement message' }] },
          { id: 'wamid.C', status: 'deleted', timestamp: '1700000002' },
        ],
      }),
    );
    expect(r.statuses).toEqual([
      { wamid: 'wamid.A', status: 'delivered', at: new Date(1700000000 * 1000), error: null },
      { wamid: 'wamid.B', status: 'failed', at: new Date(1700000001 * 1000), error: '131047 Re-engagement message' },
    ]);
  });

  it('ignores other webhook fields and throws on a payload of another shape', () => {
    expect(readWhatsappWebhook({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'account_update', value: {} }] }] })).toEqual({ messages: [], statuses: [] });
    expect(() => readWhatsappWebhook({ hello: 'world' })).toThrow();
  });
});

describe('whatsappWindow', () => {
  const now = new Date('2026-01-05T12:00:00Z');
  it('is open for 24 hours after the customer’s last message', () => {
    expect(whatsappWindow(new Date('2026-01-04T13:00:00Z'), now)).toEqual({ open: true, closesAt: new Date('2026-01-05T13:00:00Z'), minutesLeft: 60 });
  });
  it('is closed after that, and closed when the customer never wrote', () => {
    expect(whatsappWindow(new Date('2026-01-04T11:59:00Z'), now)).toMatchObject({ open: false, minutesLeft: 0 });
    expect(whatsappWindow(null, now)).toEqual({ open: false, closesAt: null, minutesLeft: 0 });
  });
});
