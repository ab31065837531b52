/**
 * A local HTTP server speaking the documented wire formats of the providers Rapport calls —
 * WhatsApp Cloud API (Graph `/{phone-number-id}/messages`, media), Telegram Bot API
 * (`/bot<token>/sendMessage`, `getFile`, file download) and Twilio (`/2010-04-01/Accounts/{sid}/
 * Messages.json`, HTTP Basic). Tests point the base-URL settings at it. It checks credentials
 * and payload shape like the real services do, records every call, and can be told to fail.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCall {
  provider: 'whatsapp' | 'telegram' | 'twilio';
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- providers' bodies as the tests read them, loosely
  body: any;
}

export interface FakeProviders {
  url: string;
  whatsappUrl: string;
  telegramUrl: string;
  twilioUrl: string;
  calls: FakeCall[];
  /** The next call to this provider answers with this status and body. */
  failNext(provider: FakeCall['provider'], status: number, body: unknown): void;
  /** Media the fakes serve (WhatsApp media id / Telegram file id → bytes). */
  media: Map<string, { content: Buffer; contentType: string }>;
  close(): Promise<void>;
}

export interface FakeCredentials {
  whatsappToken: string;
  telegramToken: string;
  twilioSid: string;
  twilioToken: string;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type });
  res.end(Buffer.isBuffer(body) ? body : typeof body === 'string' ? body : JSON.stringify(body));
}

/** Starts the fakes on a free local port. */
export async function startFakeProviders(creds: FakeCredentials): Promise<FakeProviders> {
  const calls: FakeCall[] = [];
  const failures = new Map<string, { status: number; body: unknown }[]>();
  const media = new Map<string, { content: Buffer; contentType: string }>();
  let seq = 0;
  let url = '';

  const failure = (p: string) => failures.get(p)?.shift();

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = (req.url ?? '').split('?')[0];
    const [, provider, ...rest] = path.split('/');
    const sub = `/${rest.join('/')}`;
    const type = req.headers['content-type'] ?? '';
    const body = type.includes('json') && raw.length ? JSON.parse(raw.toString()) : type.includes('form') ? Object.fromEntries(new URLSearchParams(raw.toString())) : raw.toString();
    if (provider === 'whatsapp' || provider === 'telegram' || provider === 'twilio') calls.push({ provider, method: req.method ?? '', path: sub, headers: req.headers, body });

    if (provider === 'whatsapp') {
      if (req.headers.authorization !== `Bearer ${creds.whatsappToken}`) {
        return send(res, 401, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'x' } });
      }
      const fail = failure('whatsapp');
      if (fail) return send(res, fail.status, fail.body);
      const m = /^\/v[\d.]+\/([^/]+)\/messages$/.exec(sub);
      if (req.method === 'POST' && m) {
        if (body.messaging_product !== 'whatsapp' || !body.to || !['text', 'template'].includes(body.type)) {
          return send(res, 400, { error: { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100 } });
        }
        if (body.type === 'text' && !body.text?.body) return send(res, 400, { error: { message: '(#100) text.body is required', code: 100 } });
        return send(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.FAKE${++seq}` }] });
      }
      const mediaMeta = /^\/v[\d.]+\/([^/]+)$/.exec(sub);
      if (req.method === 'GET' && mediaMeta && media.has(mediaMeta[1])) {
        const item = media.get(mediaMeta[1])!;
        return send(res, 200, { url: `${url}/whatsapp/bin/${mediaMeta[1]}`, mime_type: item.contentType, file_size: item.content.length, id: mediaMeta[1], messaging_product: 'whatsapp' });
      }
      const bin = /^\/bin\/(.+)$/.exec(sub);
      if (req.method === 'GET' && bin && media.has(bin[1])) return send(res, 200, media.get(bin[1])!.content, media.get(bin[1])!.contentType);
      return send(res, 404, { error: { message: 'Unknown path', code: 100 } });
    }

    if (provider === 'telegram') {
      const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(sub);
      if (file) {
        if (file[1] !== creds.telegramToken) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
        const item = media.get(file[2]);
        return item ? send(res, 200, item.content, item.contentType) : send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      }
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(sub);
      if (!m || m[1] !== creds.telegramToken) return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const fail = failure('telegram');
      if (fail) return send(res, fail.status, fail.body);
      if (m[2] === 'sendMessage') {
        if (!body.chat_id || !body.text) return send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
        return send(res, 200, { ok: true, result: { message_id: 1000 + ++seq, chat: { id: Number(body.chat_id), type: 'private' }, date: Math.floor(Date.now() / 1000), text: body.text } });
      }
      if (m[2] === 'getFile') {
        return media.has(body.file_id)
          ? send(res, 200, { ok: true, result: { file_id: body.file_id, file_path: body.file_id } })
          : send(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
      }
      return send(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    }

    if (provider === 'twilio') {
      const expected = `Basic ${Buffer.from(`${creds.twilioSid}:${creds.twilioToken}`).toString('base64')}`;
      const m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(sub);
      const mediaPath = /^\/media\/(.+)$/.exec(sub);
      if (mediaPath) {
        if (req.headers.authorization !== expected) return send(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
        const item = media.get(mediaPath[1]);
        return item ? send(res, 200, item.content, item.contentType) : send(res, 404, { code: 20404, message: 'Not found', status: 404 });
      }
      if (!m || m[1] !== creds.twilioSid || req.headers.authorization !== expected) {
        return send(res, 401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
      }
      const fail = failure('twilio');
      if (fail) return send(res, fail.status, fail.body);
      if (!body.To || !(body.From || body.MessagingServiceSid) || !body.Body) {
        return send(res, 400, { code: 21602, message: 'Message body is required.', status: 400 });
      }
      if (!/^\+[1-9]\d{6,14}$/.test(body.To)) return send(res, 400, { code: 21211, message: `The 'To' number ${body.To} is not a valid phone number.`, status: 400 });
      return send(res, 201, { sid: `SM${String(++seq).padStart(32, '0')}`, status: 'queued', to: body.To, from: body.From ?? null, body: body.Body, account_sid: creds.twilioSid });
    }
    send(res, 404, { error: 'unknown provider' });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    whatsappUrl: `${url}/whatsapp/v21.0`,
    telegramUrl: `${url}/telegram`,
    twilioUrl: `${url}/twilio`,
    calls,
    media,
    failNext(provider, status, body) {
      failures.set(provider, [...(failures.get(provider) ?? []), { status, body }]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
