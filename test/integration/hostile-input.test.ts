/**
 * Input that PostgreSQL cannot store as it came (U+0000, lone surrogates) or that nobody
 * foresaw (odd charsets, broken MIME) must never lose a message: every email gets 250 and ends
 * up as a ticket message or as a kept raw failure an admin can read; webhooks and portal posts
 * are stored cleaned; NUL in a query or path is refused with 400, never a 500.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmailReceiver } from '../../src/channels/email/listener.js';
import { createMailbox } from '../../src/channels/email/store.js';
import type { SmtpReceiver } from '../../src/channels/email/smtp-receiver.js';
import { smtpSend } from '../../src/channels/email/testing/smtp-client.js';
import { startSmtpSink, type SmtpSink } from '../../src/channels/email/testing/smtp-sink.js';
import { listFailures } from '../../src/channels/failures/store.js';
import { setChannelRoute } from '../../src/channels/routing.js';
import { startFakeProviders, type FakeProviders } from '../../src/channels/testing/fake-providers.js';
import { twilioSignature, whatsappSignature } from '../../src/channels/webhooks/signatures.js';
import { queryRows } from '../../src/db/client.js';
import { makeContact, makeOrganisation, makeTeam, makeUser } from '../support/factories.js';
import { adminCredentials, databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

const creds = { whatsappToken: 'wa-token', telegramToken: '123:tg-token', twilioSid: 'AC0123456789abcdef0123456789abcdef', twilioToken: 'twilio-auth-token' };
const APP_SECRET = 'meta-app-secret';
const TG_SECRET = 'tg-secret_token-1';
const PUBLIC = 'https://help.example.com';
const NUL = '\u0000';

/** Raw bytes: `latin1` keeps every byte as written, so NULs and 8-bit charsets go through untouched. */
const bytes = (...parts: (string | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
const b64 = (b: Buffer | string) => (typeof b === 'string' ? Buffer.from(b, 'utf8') : b).toString('base64');

interface Hostile {
  name: string;
  raw: (marker: string, from: string) => Buffer;
}

/** A plain message whose headers and body each part may replace; the marker finds it again. */
const plain = (o: { marker: string; from: string; subject?: string; headers?: string; contentType?: string; cte?: string; body?: string | Buffer; messageId?: string; fromHeader?: string }) =>
  bytes(
    `From: ${o.fromHeader ?? `Hostile Sender <${o.from}>`}\r\n`,
    'To: support@example.com\r\n',
    `Subject: ${o.subject ?? `Broken ${o.marker}`}\r\n`,
    `Message-ID: <${o.messageId ?? `${o.marker.slice(1, -1)}.${Date.now()}@customer.example`}>\r\n`,
    `Date: ${new Date().toUTCString()}\r\n`,
    o.headers ?? '',
    'MIME-Version: 1.0\r\n',
    `Content-Type: ${o.contentType ?? 'text/plain; charset=utf-8'}\r\n`,
    o.cte ? `Content-Transfer-Encoding: ${o.cte}\r\n` : '',
    '\r\n',
    o.body ?? `Body of ${o.marker}`,
    '\r\n',
  );

const withAttachment = (marker: string, from: string, disposition: string, contentType = 'application/pdf') =>
  plain({
    marker, from, contentType: 'multipart/mixed; boundary="b1"',
    body: bytes(
      '--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n', `See the file ${marker}\r\n`,
      `--b1\r\nContent-Type: ${contentType}\r\nContent-Disposition: ${disposition}\r\nContent-Transfer-Encoding: base64\r\n\r\n`, b64(bytes('%PDF-1.4\n%\xe2\xe3\n1 0 obj\n')), '\r\n',
      '--b1--\r\n',
    ),
  });

const hostileEmails: Hostile[] = [
  { name: 'NUL in the body', raw: (m, f) => plain({ marker: m, from: f, body: `Hello${NUL}world ${m}` }) },
  { name: 'only NULs in the body', raw: (m, f) => plain({ marker: m, from: f, body: NUL.repeat(64) }) },
  { name: 'NUL in the raw subject', raw: (m, f) => plain({ marker: m, from: f, subject: `Pump${NUL}stopped ${m}` }) },
  { name: 'NUL in an encoded-word subject', raw: (m, f) => plain({ marker: m, from: f, subject: `=?utf-8?B?${b64(`Pompa${NUL}P-40 ${m}`)}?=` }) },
  { name: 'lone surrogate in a UTF-16 subject', raw: (m, f) => plain({ marker: m, from: f, subject: `=?utf-16be?B?${b64(Buffer.from([0xd8, 0x00, 0x00, 0x41]))}?= ${m}` }) },
  { name: 'NUL in an attachment filename', raw: (m, f) => withAttachment(m, f, `attachment; filename="inv${NUL}oice.pdf"`) },
  { name: 'NUL in an RFC 2231 filename', raw: (m, f) => withAttachment(m, f, "attachment; filename*=utf-8''rep%00ort.pdf") },
  { name: 'NUL in an attachment content type', raw: (m, f) => withAttachment(m, f, 'attachment; filename="a.pdf"', `application/pdf${NUL}x`) },
  { name: 'NUL in the From name', raw: (m, f) => plain({ marker: m, from: f, fromHeader: `"Ann${NUL}a" <${f}>` }) },
  { name: 'NUL in an encoded From name', raw: (m, f) => plain({ marker: m, from: f, fromHeader: `=?utf-8?B?${b64(`Jan${NUL}Kowalski`)}?= <${f}>` }) },
  { name: 'NUL in the From address', raw: (m, f) => plain({ marker: m, from: f, fromHeader: f.replace('@', `${NUL}@`) }) },
  { name: 'NUL in the Message-ID', raw: (m, f) => plain({ marker: m, from: f, messageId: `${m.slice(1, -1)}${NUL}${Date.now()}@customer.example` }) },
  { name: 'NUL in In-Reply-To and References', raw: (m, f) => plain({ marker: m, from: f, headers: `In-Reply-To: <old${NUL}@customer.example>\r\nReferences: <a${NUL}b@x.example>\r\n` }) },
  { name: 'NUL in Reply-To', raw: (m, f) => plain({ marker: m, from: f, headers: `Reply-To: "Re${NUL}ply" <reply-${f}>\r\n` }) },
  { name: 'NUL in Content-Language', raw: (m, f) => plain({ marker: m, from: f, headers: `Content-Language: pl${NUL}\r\n` }) },
  { name: 'NUL in an unknown header', raw: (m, f) => plain({ marker: m, from: f, headers: `X-Ticket-Note: a${NUL}b\r\n` }) },
  { name: 'quoted-printable =00 in the body', raw: (m, f) => plain({ marker: m, from: f, cte: 'quoted-printable', body: `Line one=00 line two ${m}` }) },
  { name: 'base64 body decoding to NULs', raw: (m, f) => plain({ marker: m, from: f, cte: 'base64', body: b64(`zero${NUL}${NUL}bytes ${m}`) }) },
  { name: 'HTML-only body with NUL and &#0;', raw: (m, f) => plain({ marker: m, from: f, contentType: 'text/html; charset=utf-8', body: `<p>Hi&#0;there${NUL} ${m}</p>` }) },
  { name: 'utf-7 body decoding to U+0000', raw: (m, f) => plain({ marker: m, from: f, contentType: 'text/plain; charset=utf-7', body: `Hello +AAA- world ${m}` }) },
  { name: 'utf-7 subject decoding to U+0000', raw: (m, f) => plain({ marker: m, from: f, subject: `=?utf-7?Q?a+AAA-b?= ${m}` }) },
  { name: 'gb18030 body with a NUL byte', raw: (m, f) => plain({ marker: m, from: f, contentType: 'text/plain; charset=gb18030', body: bytes('\xd6\xd0\xce\xc4', NUL, ` ${m} `, '\x81\x30\x81\x30') }) },
  { name: 'gb18030 subject', raw: (m, f) => plain({ marker: m, from: f, subject: `=?gb18030?B?${b64(bytes('\xd6\xd0', NUL, '\xce\xc4'))}?= ${m}` }) },
  { name: 'unknown charset with 8-bit bytes', raw: (m, f) => plain({ marker: m, from: f, contentType: 'text/plain; charset=x-rapport-unknown-42', body: bytes('caf\xe9 ', NUL, ` ${m} \xff\xfe`) }) },
  { name: 'unknown charset in the subject', raw: (m, f) => plain({ marker: m, from: f, subject: `=?x-klingon?Q?q=00a?= ${m}` }) },
  { name: 'invalid UTF-8 bytes', raw: (m, f) => plain({ marker: m, from: f, body: bytes('\xed\xa0\x80 \xc3', NUL, ` ${m}`) }) },
  { name: 'multipart without its boundary', raw: (m, f) => plain({ marker: m, from: f, contentType: 'multipart/mixed', body: `no parts at all ${m}` }) },
  { name: 'multipart never closed', raw: (m, f) => plain({ marker: m, from: f, contentType: 'multipart/alternative; boundary="zz"', body: `--zz\r\nContent-Type: text/plain\r\n\r\nunterminated${NUL} ${m}` }) },
  { name: 'nested message/rfc822 with NULs', raw: (m, f) => plain({ marker: m, from: f, contentType: 'multipart/mixed; boundary="o"', body: `--o\r\nContent-Type: text/plain\r\n\r\nForwarded ${m}\r\n--o\r\nContent-Type: message/rfc822\r\n\r\nFrom: x${NUL}@y\r\nSubject: in${NUL}ner\r\n\r\nbody${NUL}\r\n--o--` }) },
  { name: 'no header section at all', raw: (m) => bytes(`${NUL}${NUL} garbage ${m}\r\n`) },
];

describe.each(databaseKinds)('hostile input on %s', (kind) => {
  let r: TestRapport;
  let sink: SmtpSink;
  let fake: FakeProviders;
  let receiver: SmtpReceiver;
  let admin: ReturnType<TestRapport['as']>;
  let customer: ReturnType<TestRapport['as']>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    fake = await startFakeProviders(creds);
    r = await startTestRapport(kind, {
      env: {
        RAPPORT_SMTP_URL: sink.url,
        RAPPORT_PUBLIC_URL: PUBLIC,
        RAPPORT_WHATSAPP_API_URL: fake.whatsappUrl,
        RAPPORT_WHATSAPP_TOKEN: creds.whatsappToken,
        RAPPORT_WHATSAPP_PHONE_NUMBER_ID: 'PN1',
        RAPPORT_WHATSAPP_APP_SECRET: APP_SECRET,
        RAPPORT_TELEGRAM_API_URL: fake.telegramUrl,
        RAPPORT_TELEGRAM_BOT_TOKEN: creds.telegramToken,
        RAPPORT_TELEGRAM_SECRET: TG_SECRET,
        RAPPORT_TWILIO_API_URL: fake.twilioUrl,
        RAPPORT_TWILIO_ACCOUNT_SID: creds.twilioSid,
        RAPPORT_TWILIO_AUTH_TOKEN: creds.twilioToken,
        RAPPORT_TWILIO_FROM: '+15550001111',
      },
    });
    const team = await makeTeam(r.ctx.db, { name: 'Hostile' });
    await createMailbox(r.ctx.db, { address: 'support@example.com', name: 'Support', teamId: team.id });
    for (const c of ['whatsapp', 'telegram', 'sms']) await setChannelRoute(r.ctx.db, c, team.id);
    const org = await makeOrganisation(r.ctx.db);
    const contact = await makeContact(r.ctx.db, { organisationId: org.id });
    customer = r.as(await r.login((await makeUser(r.ctx.db, 'customer', { organisationId: org.id, contactId: contact.id })).email));
    admin = r.as(await r.login(adminCredentials.email, adminCredentials.password));
    receiver = await startEmailReceiver(r.ctx, { port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await receiver?.close();
    await r?.stop().catch(() => undefined);
    await sink?.close();
    await fake?.close();
  });

  /** The message stored for a marker: it is in the subject, the body or the email metadata. */
  async function storedMessage(marker: string) {
    const rows = await queryRows<{ id: string; ticket_id: string }>(r.ctx.db, sql`
      select m.id, m.ticket_id from messages m join tickets t on t.id = m.ticket_id
      where strpos(m.body_text, ${marker}) > 0 or strpos(t.subject, ${marker}) > 0 or strpos(m.metadata::text, ${marker}) > 0 or strpos(coalesce(m.body_html, ''), ${marker}) > 0`);
    return rows[0] ?? null;
  }

  it(`accepts ${hostileEmails.length} hostile emails by SMTP and loses none`, async () => {
    const outcome: Record<string, 'message' | 'kept raw' | 'LOST'> = {};
    const refused: string[] = [];
    const failures = new Set<string>();
    for (const [i, h] of hostileEmails.entries()) {
      const marker = `[hx${String(i).padStart(2, '0')}]`;
      const from = `hostile${i}@customer.example`;
      const raw = h.raw(marker, from);
      const reply = await smtpSend(receiver.port, from, ['support@example.com'], raw);
      if (reply.code !== 250) refused.push(`${h.name}: ${reply.code} ${reply.text}`);

      const message = await storedMessage(marker);
      if (message) {
        outcome[h.name] = 'message';
        // What was stored reads back through the API (no NUL, no serialisation error).
        const list = await admin('GET', `/api/v1/tickets/${message.ticket_id}/messages`);
        expect(list.status, h.name).toBe(200);
        expect(list.body.items.map((m: any) => m.id), h.name).toContain(message.id);
        expect(JSON.stringify(list.body), h.name).not.toContain('\\u0000');
        expect((await admin('GET', `/api/v1/tickets/${message.ticket_id}`)).status, h.name).toBe(200);
        continue;
      }
      const kept = (await listFailures(r.ctx.db, { limit: 500, includeResolved: true })).find((f) => Buffer.from(f.raw, 'base64').includes(Buffer.from(marker)));
      if (kept) {
        outcome[h.name] = 'kept raw';
        failures.add(kept.id);
        const listed = await admin('GET', '/api/v1/channels/failures?limit=100');
        expect(listed.body.items.map((f: any) => f.id), h.name).toContain(kept.id);
        const rawBack = await admin('GET', `/api/v1/channels/failures/${kept.id}/raw`);
        expect(rawBack.status, h.name).toBe(200);
        continue;
      }
      outcome[h.name] = 'LOST';
    }
    expect(refused).toEqual([]);
    expect(Object.entries(outcome).filter(([, o]) => o === 'LOST').map(([n]) => n)).toEqual([]);
    // Only what is not an email at all is kept raw; everything else became a message.
    expect(Object.entries(outcome).filter(([, o]) => o === 'kept raw').map(([n]) => n)).toEqual(['no header section at all']);
    expect(failures.size).toBe(1);
  });

  it('answers 250 again to a retried hostile email and stores it once', async () => {
    const marker = '[hx-retry]';
    const raw = plain({ marker, from: 'retry@customer.example', messageId: `retry${NUL}1@customer.example`, body: `again${NUL} ${marker}` });
    expect((await smtpSend(receiver.port, 'retry@customer.example', ['support@example.com'], raw)).code).toBe(250);
    expect((await smtpSend(receiver.port, 'retry@customer.example', ['support@example.com'], raw)).code).toBe(250);
    const rows = await queryRows<{ n: number }>(r.ctx.db, sql`select count(*)::int as n from messages where strpos(body_text, ${marker}) > 0`);
    expect(rows[0].n).toBe(1);
  });

  it('keeps an email that parses but cannot be stored raw for an admin, and still answers 250', async () => {
    // A Message-ID far past what a PostgreSQL index entry holds (2,704 bytes): storing fails on
    // every try, so a 451 would only delay losing it.
    const marker = '[hx-unstorable]';
    const id = `${randomBytes(12_000).toString('base64url')}@customer.example`;
    const raw = plain({ marker, from: 'huge-id@customer.example', messageId: id });
    expect((await smtpSend(receiver.port, 'huge-id@customer.example', ['support@example.com'], raw)).code).toBe(250);
    expect(await storedMessage(marker)).toBeNull();
    const kept = (await listFailures(r.ctx.db, { limit: 500 })).find((f) => Buffer.from(f.raw, 'base64').includes(Buffer.from(marker)));
    expect(kept).toMatchObject({ channel: 'email', reason: 'unstorable' });
    const listed = await admin('GET', '/api/v1/channels/failures?limit=100');
    expect(listed.body.items.find((f: any) => f.id === kept!.id)).toMatchObject({ reason: 'unstorable' });
    // Re-running it from the admin page keeps it, rather than failing.
    const retried = await admin('POST', `/api/v1/channels/failures/${kept!.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.outcome).toBe('malformed');
  });

  it('keeps the cleaned text: NUL dropped, lone surrogates replaced, filenames kept', async () => {
    const body = await storedMessage('[hx00]');
    const [row] = await queryRows<{ body_text: string }>(r.ctx.db, sql`select body_text from messages where id = ${body!.id}`);
    expect(row.body_text).toBe('Helloworld [hx00]');
    const surrogate = await storedMessage('[hx04]');
    const [ticket] = await queryRows<{ subject: string }>(r.ctx.db, sql`select subject from tickets where id = ${surrogate!.ticket_id}`);
    expect(ticket.subject).toBe('\uFFFDA [hx04]');
    const file = await storedMessage('[hx05]');
    const files = await queryRows<{ filename: string }>(r.ctx.db, sql`select filename from attachments where message_id = ${file!.id}`);
    expect(files.map((f) => f.filename)).toEqual(['invoice.pdf']);
  });

  describe('webhooks', () => {
    const post = (url: string, payload: string, headers: Record<string, string>) => r.app.inject({ method: 'POST', url, payload, headers });
    const contactByPhone = async (e164: string) =>
      (await queryRows<{ contact_id: string }>(r.ctx.db, sql`select contact_id from contact_identities where kind = 'phone' and value = ${e164}`))[0]?.contact_id;
    const messagesOfContact = async (contactId: string) =>
      queryRows<{ body_text: string; subject: string; name: string }>(r.ctx.db, sql`
        select m.body_text, t.subject, c.name from messages m join tickets t on t.id = m.ticket_id join contacts c on c.id = t.contact_id where t.contact_id = ${contactId}`);

    it('stores a signed WhatsApp message with \\u0000 and a lone surrogate, cleaned', async () => {
      const wamid = `wamid.NUL${NUL}${Date.now()}`;
      const body = {
        object: 'whatsapp_business_account',
        entry: [{ id: 'WABA1', changes: [{ field: 'messages', value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '15550001111', phone_number_id: 'PN1' },
          contacts: [{ profile: { name: `Giu${NUL}lia` }, wa_id: '393330000001' }],
          messages: [{ from: '393330000001', id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: `La pompa${NUL} non va \ud800` } }],
        } }] }],
      };
      const raw = JSON.stringify(body);
      expect(raw).toContain('\\u0000');
      const res = await post('/api/v1/channels/whatsapp/webhook', raw, { 'content-type': 'application/json', 'x-hub-signature-256': whatsappSignature(raw, APP_SECRET) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ received: 1 });
      // Meta retries: stored once.
      expect((await post('/api/v1/channels/whatsapp/webhook', raw, { 'content-type': 'application/json', 'x-hub-signature-256': whatsappSignature(raw, APP_SECRET) })).statusCode).toBe(200);
      const rows = await messagesOfContact((await contactByPhone('+393330000001'))!);
      expect(rows).toEqual([{ body_text: 'La pompa non va \uFFFD', subject: 'La pompa non va \uFFFD', name: 'Giulia' }]);
    });

    it('stores a Telegram update with \\u0000, cleaned', async () => {
      const update = {
        update_id: 9001,
        message: { message_id: 9001, from: { id: 4242, is_bot: false, first_name: `Yu${NUL}ki`, language_code: 'ja' }, chat: { id: 4242, type: 'private' }, date: Math.floor(Date.now() / 1000), text: `ポンプ${NUL}が止まりました` },
      };
      const res = await post('/api/v1/channels/telegram/webhook', JSON.stringify(update), { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ ok: true, outcome: 'created' });
      const rows = await queryRows<{ body_text: string }>(r.ctx.db, sql`select body_text from messages where channel = 'telegram'`);
      expect(rows.map((m) => m.body_text)).toEqual(['ポンプが止まりました']);
    });

    it('stores a signed Twilio SMS with \\u0000, cleaned (the signature is checked on what was sent)', async () => {
      const params = { MessageSid: `SM${Date.now()}`, AccountSid: creds.twilioSid, From: '+4915112345678', To: '+15550001111', Body: `Pumpe${NUL} defekt`, NumMedia: '0' };
      const res = await post('/api/v1/channels/sms/twilio', new URLSearchParams(params).toString(), {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(`${PUBLIC}/api/v1/channels/sms/twilio`, params, creds.twilioToken),
      });
      expect(res.statusCode).toBe(200);
      const rows = await messagesOfContact((await contactByPhone('+4915112345678'))!);
      expect(rows.map((m) => m.body_text)).toEqual(['Pumpe defekt']);
    });
  });

  describe('API', () => {
    it('stores a portal post with \\u0000 and lone surrogates cleaned: 201, not 500', async () => {
      const res = await customer('POST', '/api/v1/tickets', { subject: `Pump${NUL} broken \udc00`, body: `It${NUL} leaks`, priority: 'normal', channel: 'portal' });
      expect(res.status).toBe(201);
      expect(res.body.subject).toBe('Pump broken \uFFFD');
      const messages = await customer('GET', `/api/v1/tickets/${res.body.id}/messages`);
      expect(messages.body.items.map((m: any) => m.bodyText)).toEqual(['It leaks']);
      const reply = await customer('POST', `/api/v1/tickets/${res.body.id}/messages`, { kind: 'message', bodyText: `More${NUL} detail \ud83d` });
      expect(reply.status).toBe(201);
      expect(reply.body.bodyText).toBe('More detail \uFFFD');
    });

    it('refuses NUL in a query or a path parameter with 400', async () => {
      for (const url of ['/api/v1/tickets?q=%00', '/api/v1/tickets?q=pump%00leak', '/api/v1/tickets?tag=%00', '/api/v1/tickets/%00', '/api/v1/tickets/%00/messages', '/api/v1/contacts?q=%00', '/api/v1/tickets?token=%00']) {
        const res = await customer('GET', url);
        expect(res.status, url).toBe(400);
        expect(res.headers['content-type'], url).toContain('application/problem+json');
      }
    });

    it('answers 400, not 500, to NUL inside an identifier in a body', async () => {
      const res = await admin('POST', '/api/v1/tickets', { subject: 'x', body: 'y', contactId: `not-a-uuid${NUL}` });
      expect(res.status).toBe(400);
    });
  });
});
