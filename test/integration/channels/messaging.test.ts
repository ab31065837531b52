import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../src/db/client.js';
import { startFakeProviders, type FakeProviders } from '../../../src/channels/testing/fake-providers.js';
import { twilioSignature, whatsappSignature } from '../../../src/channels/webhooks/signatures.js';
import { setChannelRoute } from '../../../src/channels/routing.js';
import { makeContact, makeTeam, makeUser } from '../../support/factories.js';
import { databaseKinds, startTestRapport, type TestRapport } from '../../support/rapport.js';

const creds = { whatsappToken: 'wa-token', telegramToken: '123:tg-token', twilioSid: 'AC0123456789abcdef0123456789abcdef', twilioToken: 'twilio-auth-token' };
const APP_SECRET = 'meta-app-secret';
const TG_SECRET = 'tg-secret_token-1';
const PUBLIC = 'https://help.example.com';

let seq = 0;
const waMessage = (from: string, text: string, name = 'Giulia Bianchi', wamid = `wamid.IN${Date.now()}${seq++}`) => ({
  wamid,
  body: {
    object: 'whatsapp_business_account',
    entry: [{
      id: 'WABA1',
      changes: [{
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '15550001111', phone_number_id: 'PN1' },
          contacts: [{ profile: { name }, wa_id: from }],
          messages: [{ from, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } }],
        },
      }],
    }],
  },
});

describe.each(databaseKinds)('messaging channels on %s', (kind) => {
  let r: TestRapport;
  let fake: FakeProviders;
  let agent: ReturnType<TestRapport['as']>;
  let teamId: string;

  const post = (url: string, payload: string, headers: Record<string, string>) =>
    r.app.inject({ method: 'POST', url, payload, headers });
  const whatsapp = (body: unknown, secret = APP_SECRET) => {
    const raw = JSON.stringify(body);
    return post('/api/v1/channels/whatsapp/webhook', raw, { 'content-type': 'application/json', 'x-hub-signature-256': whatsappSignature(raw, secret) });
  };
  const telegram = (body: unknown, secret = TG_SECRET) =>
    post('/api/v1/channels/telegram/webhook', JSON.stringify(body), { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret });
  const twilio = (path: string, params: Record<string, string>, token = creds.twilioToken) =>
    post(path, new URLSearchParams(params).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignature(`${PUBLIC}${path}`, params, token),
    });
  const ticketsOfContact = async (contactId: string) =>
    (await agent('GET', `/api/v1/tickets?contactId=${contactId}&status=new,open,pending,on_hold,solved,closed`)).body.items;
  const messagesOf = async (ticketId: string) => (await agent('GET', `/api/v1/tickets/${ticketId}/messages`)).body.items;
  const contactByPhone = async (e164: string) =>
    (await queryRows<{ contact_id: string }>(r.ctx.db, sql`select contact_id from contact_identities where kind = 'phone' and value = ${e164}`))[0]?.contact_id;

  beforeAll(async () => {
    fake = await startFakeProviders(creds);
    r = await startTestRapport(kind, {
      env: {
        RAPPORT_PUBLIC_URL: PUBLIC,
        RAPPORT_WHATSAPP_API_URL: fake.whatsappUrl,
        RAPPORT_WHATSAPP_TOKEN: creds.whatsappToken,
        RAPPORT_WHATSAPP_PHONE_NUMBER_ID: 'PN1',
        RAPPORT_WHATSAPP_APP_SECRET: APP_SECRET,
        RAPPORT_WHATSAPP_VERIFY_TOKEN: 'verify-me',
        RAPPORT_TELEGRAM_API_URL: fake.telegramUrl,
        RAPPORT_TELEGRAM_BOT_TOKEN: creds.telegramToken,
        RAPPORT_TELEGRAM_SECRET: TG_SECRET,
        RAPPORT_TWILIO_API_URL: fake.twilioUrl,
        RAPPORT_TWILIO_ACCOUNT_SID: creds.twilioSid,
        RAPPORT_TWILIO_AUTH_TOKEN: creds.twilioToken,
        RAPPORT_TWILIO_FROM: '+15550001111',
      },
    });
    teamId = (await makeTeam(r.ctx.db, { name: 'Messaging' })).id;
    for (const c of ['whatsapp', 'telegram', 'sms']) await setChannelRoute(r.ctx.db, c, teamId);
    await makeUser(r.ctx.db, 'agent', { email: 'agent@staff.example', teamIds: [teamId] });
    agent = r.as(await r.login('agent@staff.example'));
  });
  afterAll(async () => {
    await r?.stop();
    await fake?.close();
  });

  describe('WhatsApp Cloud API', () => {
    it('answers the GET verification handshake only with the right token', async () => {
      const ok = await r.app.inject({ method: 'GET', url: '/api/v1/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444' });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toBe('1158201444');
      const bad = await r.app.inject({ method: 'GET', url: '/api/v1/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1' });
      expect(bad.statusCode).toBe(403);
    });

    it('rejects a forged delivery with 401 and stores nothing', async () => {
      const m = waMessage('393331234567', 'forged');
      const res = await whatsapp(m.body, 'wrong-secret');
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const unsigned = await post('/api/v1/channels/whatsapp/webhook', JSON.stringify(m.body), { 'content-type': 'application/json' });
      expect(unsigned.statusCode).toBe(401);
      expect(await contactByPhone('+393331234567')).toBeUndefined();
    });

    it('opens a ticket for a new number, stores a retried delivery once, and continues the case', async () => {
      const m = waMessage('393331234567', 'La macchina non si accende');
      expect((await whatsapp(m.body)).statusCode).toBe(200);
      expect((await whatsapp(m.body)).statusCode).toBe(200); // Meta retries
      const contactId = await contactByPhone('+393331234567');
      const [ticket] = await ticketsOfContact(contactId);
      expect(ticket).toMatchObject({ channel: 'whatsapp', teamId, subject: 'La macchina non si accende' });
      expect(ticket.contact.name).toBe('Giulia Bianchi');
      await whatsapp(waMessage('393331234567', 'Ho già provato a riavviarla').body);
      expect((await ticketsOfContact(contactId)).length).toBe(1);
      expect((await messagesOf(ticket.id)).map((x: any) => x.bodyText)).toEqual(['La macchina non si accende', 'Ho già provato a riavviarla']);
    });

    it('replies through the Cloud API inside the 24-hour window and tracks delivery statuses', async () => {
      const contactId = await contactByPhone('+393331234567');
      const [ticket] = await ticketsOfContact(contactId);
      const options = await agent('GET', `/api/v1/tickets/${ticket.id}/reply-channels`);
      expect(options.body.default).toBe('whatsapp');
      expect(options.body.defaultReason).toBe('last-used');
      expect(options.body.options.find((o: any) => o.channel === 'whatsapp')).toMatchObject({ available: true, address: '+393331234567', window: { open: true } });

      const reply = await agent('POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'message', bodyText: 'Buongiorno, le mando un tecnico.', channel: 'whatsapp' });
      expect(reply.status).toBe(201);
      await r.ctx.jobs.runDue();
      const call = fake.calls.filter((c) => c.provider === 'whatsapp' && c.path === '/v21.0/PN1/messages').at(-1)!;
      expect(call.headers.authorization).toBe(`Bearer ${creds.whatsappToken}`);
      expect(call.body).toEqual({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '393331234567', type: 'text', text: { preview_url: false, body: 'Buongiorno, le mando un tecnico.' } });

      const deliveries = (await agent('GET', `/api/v1/tickets/${ticket.id}/deliveries`)).body.items;
      const out = deliveries.find((d: any) => d.messageId === reply.body.id);
      expect(out).toMatchObject({ channel: 'whatsapp', status: 'sent', externalId: expect.stringMatching(/^wamid\.FAKE/) });
      const status = (s: string) => ({
        object: 'whatsapp_business_account',
        entry: [{ id: 'WABA1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: 'PN1' }, statuses: [{ id: out.externalId, status: s, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: '393331234567' }] } }] }],
      });
      await whatsapp(status('read'));
      await whatsapp(status('delivered')); // late, out of order: must not move back
      const after = (await agent('GET', `/api/v1/tickets/${ticket.id}/deliveries`)).body.items.find((d: any) => d.messageId === reply.body.id);
      expect(after.status).toBe('read');
    });

    it('refuses a free-form reply outside the 24-hour window, telling the agent to use a template', async () => {
      const contact = await makeContact(r.ctx.db, { name: 'Old WhatsApp customer', phones: ['+393339999999'], emails: [] });
      await whatsapp(waMessage('393339999999', 'Ciao', 'Old WhatsApp customer').body);
      const [ticket] = await ticketsOfContact(contact.id);
      // The customer last wrote 25 hours ago.
      await r.ctx.db.execute(sql`update channel_messages set created_at = now() - interval '25 hours' where contact_id = ${contact.id}`);
      const options = await agent('GET', `/api/v1/tickets/${ticket.id}/reply-channels`);
      expect(options.body.options.find((o: any) => o.channel === 'whatsapp')).toMatchObject({ available: false, reason: 'window_closed', templateOnly: true });
      const sentBefore = fake.calls.length;
      const refused = await agent('POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'message', bodyText: 'Any news?', channel: 'whatsapp' });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('whatsapp_window_closed');
      expect(refused.body.detail).toContain('template');
      expect((await messagesOf(ticket.id)).map((x: any) => x.bodyText)).not.toContain('Any news?');

      const template = await agent('POST', `/api/v1/tickets/${ticket.id}/whatsapp-template`, { name: 'case_update', language: 'it', parameters: ['#42'] });
      expect(template.status).toBe(201);
      await r.ctx.jobs.runDue();
      const sent = fake.calls.slice(sentBefore).find((c) => c.provider === 'whatsapp');
      expect(sent?.body).toMatchObject({ type: 'template', to: '393339999999', template: { name: 'case_update', language: { code: 'it' }, components: [{ type: 'body', parameters: [{ type: 'text', text: '#42' }] }] } });
    });

    it('writes a permanent API refusal on the ticket for the agent', async () => {
      const contactId = await contactByPhone('+393331234567');
      const [ticket] = await ticketsOfContact(contactId);
      fake.failNext('whatsapp', 400, { error: { message: 'Recipient phone number not in allowed list', type: 'OAuthException', code: 131030 } });
      await agent('POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'message', bodyText: 'Second answer', channel: 'whatsapp' });
      await r.ctx.jobs.runDue();
      const last = (await messagesOf(ticket.id)).at(-1);
      expect(last).toMatchObject({ kind: 'event', bodyText: expect.stringContaining('131030') });
    });
  });

  describe('Telegram Bot API', () => {
    const update = (id: number, text: string, extra: Record<string, unknown> = {}) => ({
      update_id: id,
      message: { message_id: id, from: { id: 777, is_bot: false, first_name: 'Yuki', last_name: 'Tanaka', username: 'yukit', language_code: 'ja' }, chat: { id: 777, type: 'private' }, date: Math.floor(Date.now() / 1000), text, ...extra },
    });

    it('rejects a request without the secret token', async () => {
      expect((await telegram(update(1, 'x'), 'wrong')).statusCode).toBe(401);
      expect((await post('/api/v1/channels/telegram/webhook', JSON.stringify(update(1, 'x')), { 'content-type': 'application/json' })).statusCode).toBe(401);
    });

    it('stores updates once, replies through sendMessage, and joins the chat to the caller who shares their number', async () => {
      // Yuki is already known by phone (she called before).
      const yuki = await makeContact(r.ctx.db, { name: '田中 由紀', phones: ['+81312345678'], emails: [] });
      expect((await telegram(update(10, 'ポンプが止まりました'))).statusCode).toBe(200);
      expect((await telegram(update(10, 'ポンプが止まりました'))).statusCode).toBe(200); // retried
      // She shares her phone number: the chat joins her existing contact.
      await telegram(update(11, '', { text: undefined, contact: { phone_number: '81312345678', first_name: 'Yuki', user_id: 777 } }));
      await telegram(update(12, '続きです'));
      // One case, with what she wrote before and after we knew who she was.
      const tickets = await ticketsOfContact(yuki.id);
      expect(tickets).toHaveLength(1);
      const [ticket] = tickets;
      expect(ticket.channel).toBe('telegram');
      const texts = (await messagesOf(ticket.id)).map((m: any) => m.bodyText);
      expect(texts[0]).toBe('ポンプが止まりました');
      expect(texts.at(-1)).toBe('続きです');
      expect(texts).toHaveLength(3);

      await agent('POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'message', bodyText: '技術者を手配します。', channel: 'telegram' });
      await r.ctx.jobs.runDue();
      const send = fake.calls.filter((c) => c.provider === 'telegram' && c.path === `/bot${creds.telegramToken}/sendMessage`).at(-1)!;
      expect(send.body).toEqual({ chat_id: '777', text: '技術者を手配します。' });
    });

    it('never joins a sender to a contact on a contact card that is not their own; the agent is told of the claim', async () => {
      const noa = await makeContact(r.ctx.db, { name: 'Noa Levi', phones: ['+972501234567'], emails: [] });
      const mallory = (id: number, extra: Record<string, unknown>) => ({
        update_id: id,
        message: { message_id: id, from: { id: 999, is_bot: false, first_name: 'Mal' }, chat: { id: 999, type: 'private' }, date: Math.floor(Date.now() / 1000), ...extra },
      });
      // A card without user_id naming Noa's number, and one with someone else's user_id: neither is proof.
      await telegram(mallory(30, { contact: { phone_number: '972501234567', first_name: 'Noa' } }));
      await telegram(mallory(31, { contact: { phone_number: '+972501234567', first_name: 'Noa', user_id: 4242 } }));
      await telegram(mallory(32, { text: 'Please send the invoice to my new address' }));
      expect(await ticketsOfContact(noa.id)).toEqual([]);
      const identity = await queryRows<{ contact_id: string }>(r.ctx.db, sql`select contact_id from contact_identities where kind = 'telegram' and value = '999'`);
      expect(identity[0].contact_id).not.toBe(noa.id);
      const [own] = await ticketsOfContact(identity[0].contact_id);
      const claims = (await messagesOf(own.id)).filter((m: any) => m.metadata?.event === 'identity_claim');
      expect(claims.map((m: any) => [m.metadata.claimed, m.metadata.contactId])).toEqual([
        ['+972501234567', noa.id],
        ['+972501234567', noa.id],
      ]);
    });

    it('treats a bot being blocked as a permanent failure written on the ticket', async () => {
      const identity = await queryRows<{ contact_id: string }>(r.ctx.db, sql`select contact_id from contact_identities where kind = 'telegram' and value = '777'`);
      const [ticket] = await ticketsOfContact(identity[0].contact_id);
      fake.failNext('telegram', 403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
      await agent('POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'message', bodyText: 'x', channel: 'telegram' });
      await r.ctx.jobs.runDue();
      expect((await messagesOf(ticket.id)).at(-1).bodyText).toContain('blocked');
    });
  });

  describe('SMS (Twilio)', () => {
    const inbound = (sid: string, from: string, body: string) => ({
      ToCountry: 'US', ToState: 'CA', SmsMessageSid: sid, NumMedia: '0', FromCountry: 'BR', SmsSid: sid, SmsStatus: 'received', Body: body,
      To: '+15550001111', NumSegments: '1', MessageSid: sid, AccountSid: creds.twilioSid, From: from, ApiVersion: '2010-04-01',
    });

    it('rejects a forged signature with 401', async () => {
      const res = await twilio('/api/v1/channels/sms/twilio', inbound('SM1', '+5511987654321', 'x'), 'wrong-token');
      expect(res.statusCode).toBe(401);
    });

    it('stores an SMS once, answers with TwiML, replies through the REST API and follows status callbacks', async () => {
      const params = inbound(`SM${Date.now()}`, '+5511987654321', 'Minha máquina parou');
      const res = await twilio('/api/v1/channels/sms/twilio', params);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/xml');
      expect(res.body).toContain('<Response>');
      await twilio('/api/v1/channels/sms/twilio', params); // retried
      const contactId = await contactByPhone('+5511987654321');
      const [ticket] = await ticketsOfContact(contactId);
      expect(await messagesOf(ticket.id)).toHaveLength(1);

      const reply = await agent('POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'message', bodyText: 'Vamos enviar um técnico.', channel: 'sms' });
      await r.ctx.jobs.runDue();
      const call = fake.calls.filter((c) => c.provider === 'twilio').at(-1)!;
      expect(call.path).toBe(`/2010-04-01/Accounts/${creds.twilioSid}/Messages.json`);
      expect(call.body).toMatchObject({ To: '+5511987654321', From: '+15550001111', Body: 'Vamos enviar um técnico.', StatusCallback: `${PUBLIC}/api/v1/channels/sms/twilio/status` });
      const out = (await agent('GET', `/api/v1/tickets/${ticket.id}/deliveries`)).body.items.find((d: any) => d.messageId === reply.body.id);
      expect(out.externalId).toMatch(/^SM/);
      await twilio('/api/v1/channels/sms/twilio/status', { MessageSid: out.externalId, MessageStatus: 'undelivered', ErrorCode: '30003', AccountSid: creds.twilioSid });
      const failed = (await agent('GET', `/api/v1/tickets/${ticket.id}/deliveries`)).body.items.find((d: any) => d.messageId === reply.body.id);
      expect(failed.status).toBe('failed');
      expect((await messagesOf(ticket.id)).at(-1).bodyText).toContain('30003');
    });
  });

  describe('one conversation across channels', () => {
    it('lands WhatsApp and SMS from one number on one contact and one case', async () => {
      await whatsapp(waMessage('48221234567', 'Pompa stoi', 'Piotr').body);
      await twilio('/api/v1/channels/sms/twilio', inbound2(`SM${Date.now()}x`, '+48221234567', 'Piszę też SMS-em'));
      const contactId = await contactByPhone('+48221234567');
      const tickets = await ticketsOfContact(contactId);
      expect(tickets).toHaveLength(1);
      expect((await messagesOf(tickets[0].id)).map((m: any) => m.channel)).toEqual(['whatsapp', 'sms']);
      const options = await agent('GET', `/api/v1/tickets/${tickets[0].id}/reply-channels`);
      expect(options.body.default).toBe('sms'); // the channel the customer used last
    });
  });
});

function inbound2(sid: string, from: string, body: string) {
  return { MessageSid: sid, SmsSid: sid, AccountSid: creds.twilioSid, From: from, To: '+15550001111', Body: body, NumMedia: '0' };
}
