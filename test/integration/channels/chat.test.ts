import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWidget, getSession } from '../../../src/channels/chat/store.js';
import { startEmailReceiver } from '../../../src/channels/email/listener.js';
import { parseEmail } from '../../../src/channels/email/parse.js';
import type { SmtpReceiver } from '../../../src/channels/email/smtp-receiver.js';
import { createMailbox } from '../../../src/channels/email/store.js';
import { smtpSend } from '../../../src/channels/email/testing/smtp-client.js';
import { startSmtpSink, type SmtpSink } from '../../../src/channels/email/testing/smtp-sink.js';
import { makeContact, makeTeam, makeUser } from '../../support/factories.js';
import { databaseKinds, startTestRapport, type TestRapport } from '../../support/rapport.js';

type Frame = Record<string, any>;

describe.each(databaseKinds)('web chat on %s', (kind) => {
  let r: TestRapport;
  let sink: SmtpSink;
  let receiver: SmtpReceiver;
  let agent: ReturnType<TestRapport['as']>;
  let teamId: string;

  /** A visitor's browser: the widget's WebSocket, speaking the chat protocol. */
  async function visitor(key: string) {
    const frames: Frame[] = [];
    const taken = new Set<Frame>();
    const waiters: { type: string; resolve: (f: Frame) => void }[] = [];
    const onMessage = (data: Buffer) => {
      const f = JSON.parse(data.toString()) as Frame;
      frames.push(f);
      const w = waiters.find((x) => x.type === f.type);
      if (w) {
        waiters.splice(waiters.indexOf(w), 1);
        taken.add(f);
        w.resolve(f);
      }
    };
    const ws = await r.app.injectWS(`/api/v1/chat/ws?key=${key}`, { headers: { origin: 'https://shop.example' } }, { onInit: (s) => s.on('message', onMessage) });
    const next = (type: string) =>
      new Promise<Frame>((resolve, reject) => {
        const ready = frames.find((f) => f.type === type && !taken.has(f));
        if (ready) {
          taken.add(ready);
          return resolve(ready);
        }
        const t = setTimeout(() => reject(new Error(`no ${type} frame; got ${frames.map((f) => f.type).join(',')}`)), 5000);
        waiters.push({ type, resolve: (f) => (clearTimeout(t), resolve(f)) });
      });
    const send = (f: Frame) => ws.send(JSON.stringify(f));
    return { ws, frames, next, send };
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    r = await startTestRapport(kind, { env: { RAPPORT_SMTP_URL: sink.url, RAPPORT_PUBLIC_URL: 'https://help.example.com', RAPPORT_CHAT_AWAY_SECONDS: '30' } });
    teamId = (await makeTeam(r.ctx.db, { name: 'Web' })).id;
    await createMailbox(r.ctx.db, { address: 'support@example.com', name: 'Rapport Support', teamId });
    await createWidget(r.ctx.db, { name: 'Shop', key: 'shop', teamId, allowedOrigins: ['https://shop.example'] });
    await makeUser(r.ctx.db, 'agent', { email: 'agent@staff.example', name: 'Lea Agent', teamIds: [teamId] });
    agent = r.as(await r.login('agent@staff.example'));
    receiver = await startEmailReceiver(r.ctx, { port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await receiver?.close();
    await r?.stop();
    await sink?.close();
  });

  it('serves the embeddable script and the widget’s public configuration', async () => {
    const script = await r.app.inject({ method: 'GET', url: '/widget.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.body).toContain('/api/v1/chat/ws');
    const config = await r.app.inject({ method: 'GET', url: '/api/v1/chat/widgets/shop/config', headers: { origin: 'https://shop.example' } });
    expect(config.json()).toMatchObject({ key: 'shop', name: 'Shop', online: true });
    expect(config.headers['access-control-allow-origin']).toBe('https://shop.example');
    const foreign = await r.app.inject({ method: 'GET', url: '/api/v1/chat/widgets/shop/config', headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
  });

  it('turns a chat into a ticket, delivers the agent’s answer live, and resumes the session after a reload', async () => {
    const v = await visitor('shop');
    v.send({ type: 'hello', name: 'Marta', email: 'marta@customer.example', language: 'pl' });
    const welcome = await v.next('welcome');
    expect(welcome).toMatchObject({ online: true, history: [], email: 'marta@customer.example' });
    expect(welcome.secret).toEqual(expect.any(String));
    v.send({ type: 'message', clientId: 'c1', text: 'Dzień dobry, drukarka nie drukuje.' });
    const ack = await v.next('ack');
    expect(ack.message).toMatchObject({ from: 'visitor', text: 'Dzień dobry, drukarka nie drukuje.' });
    v.send({ type: 'message', clientId: 'c1', text: 'Dzień dobry, drukarka nie drukuje.' }); // resent after a glitch
    await v.next('ack');

    const tickets = (await agent('GET', `/api/v1/tickets?teamId=${teamId}&status=new,open`)).body.items;
    const ticket = tickets.find((t: any) => t.channel === 'chat');
    expect(ticket).toMatchObject({ subject: 'Dzień dobry, drukarka nie drukuje.', language: 'pl' });
    expect((await agent('GET', `/api/v1/tickets/${ticket.id}/messages`)).body.items).toHaveLength(1);

    const options = await agent('GET', `/api/v1/tickets/${ticket.id}/reply-channels`);
    expect(options.body.default).toBe('chat');
    expect(options.body.options.find((o: any) => o.channel === 'chat').visitorOnline).toBe(true);
    const before = sink.messages.length;
    await agent('POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'message', bodyText: 'Proszę sprawdzić kabel.', channel: 'chat' });
    await r.ctx.jobs.runDue();
    // The visitor's own message is echoed to all its tabs first; the agent's answer follows.
    let live = await v.next('message');
    while (live.message.from === 'visitor') live = await v.next('message');
    expect(live.message).toMatchObject({ from: 'agent', author: 'Lea Agent', text: 'Proszę sprawdzić kabel.' });
    expect(sink.messages.length).toBe(before); // present visitors get no email

    v.ws.terminate();
    const again = await visitor('shop');
    again.send({ type: 'hello', secret: welcome.secret });
    const resumed = await again.next('welcome');
    expect(resumed.secret).toBeUndefined();
    expect(resumed.history.map((m: any) => m.text)).toEqual(['Dzień dobry, drukarka nie drukuje.', 'Proszę sprawdzić kabel.']);
    again.ws.terminate();
  });

  it('emails the answer and the transcript when the visitor has left, and their email reply continues the same ticket', async () => {
    const v = await visitor('shop');
    v.send({ type: 'hello', name: 'Jonas', email: 'jonas@customer.example', language: 'de' });
    await v.next('welcome');
    v.send({ type: 'message', clientId: 'a', text: 'Mein Drucker druckt nicht.' });
    const ack = await v.next('ack');
    v.ws.terminate(); // the visitor closes the tab
    await new Promise((res) => setTimeout(res, 100));
    const ticketId = (await agent('GET', `/api/v1/tickets?q=${encodeURIComponent('Drucker')}`)).body.items[0].id;
    expect(ack.message.text).toBe('Mein Drucker druckt nicht.');

    const before = sink.messages.length;
    await agent('POST', `/api/v1/tickets/${ticketId}/messages`, { kind: 'message', bodyText: 'Bitte starten Sie den Drucker neu.', channel: 'chat' });
    await r.ctx.jobs.runDue();
    const mail = await parseEmail((await sink.waitFor(before + 1))[before].raw);
    expect(mail.to.map((a) => a.address)).toEqual(['jonas@customer.example']);
    expect(mail.text).toContain('Bitte starten Sie den Drucker neu.');
    expect(mail.text).toContain('Sie hatten den Chat verlassen');
    expect(mail.text).toContain('Mein Drucker druckt nicht.');
    const ticket = (await agent('GET', `/api/v1/tickets/${ticketId}`)).body;
    expect(mail.subject).toContain(`[#${ticket.number}]`);

    // The customer answers by email: same ticket, nothing to repeat.
    const reply = `From: jonas@customer.example\r\nTo: support@example.com\r\nSubject: Re: ${mail.subject}\r\nMessage-ID: <jonas.1@customer.example>\r\nIn-Reply-To: <${mail.messageId}>\r\n\r\nNeustart hat geholfen, danke!\r\n`;
    expect((await smtpSend(receiver.port, 'jonas@customer.example', ['support@example.com'], reply)).code).toBe(250);
    const messages = (await agent('GET', `/api/v1/tickets/${ticketId}/messages`)).body.items;
    expect(messages.map((m: any) => [m.channel, m.bodyText])).toEqual([
      ['chat', 'Mein Drucker druckt nicht.'],
      ['chat', 'Bitte starten Sie den Drucker neu.'],
      ['email', 'Neustart hat geholfen, danke!'],
    ]);
  });

  it('joins a returning customer’s chat to their existing contact only after they open the link sent to that email', async () => {
    const known = await makeContact(r.ctx.db, { name: 'Known Customer', emails: ['known@customer.example'] });
    const openCases = async () => (await agent('GET', `/api/v1/tickets?contactId=${known.id}&status=new,open`)).body.items;
    const v = await visitor('shop');
    v.send({ type: 'hello' });
    const { sessionId } = await v.next('welcome');
    const before = sink.messages.length;
    v.send({ type: 'identify', name: 'Known', email: 'Known@Customer.example' });
    expect((await v.next('identified')).verification).toBe('sent');
    v.send({ type: 'message', clientId: 'k1', text: 'It is me again' });
    await v.next('ack');

    // Typing someone's address is not proof: the chat stays on its own contact, the agent is told.
    expect(await openCases()).toEqual([]);
    const chatTicket = (await agent('GET', `/api/v1/tickets/${(await getSession(r.ctx.db, sessionId))!.ticketId}`)).body;
    expect(chatTicket.contactId).not.toBe(known.id);
    const events = (await agent('GET', `/api/v1/tickets/${chatTicket.id}/messages`)).body.items.filter((m: any) => m.kind === 'event');
    expect(events.map((m: any) => [m.metadata.event, m.metadata.claimed, m.metadata.contactId])).toEqual([['identity_claim', 'known@customer.example', known.id]]);

    // The proof email goes to the claimed address; a wrong token proves nothing.
    const mail = (await sink.waitFor(before + 1))[before];
    expect(mail.envelope.rcptTo).toEqual(['known@customer.example']);
    const link = /https:\/\/help\.example\.com(\/api\/v1\/chat\/verify\/[\w-]+)/.exec((await parseEmail(mail.raw)).text ?? '')?.[1];
    expect(link).toBeDefined();
    expect((await r.app.inject({ method: 'GET', url: '/api/v1/chat/verify/not-the-token-not-the-token' })).statusCode).toBe(410);
    expect(await openCases()).toEqual([]);

    const opened = await r.app.inject({ method: 'GET', url: link! });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('confirmed');
    expect((await v.next('verified')).email).toBe('known@customer.example');
    expect((await openCases()).map((t: any) => [t.id, t.channel])).toEqual([[chatTicket.id, 'chat']]);
    // A link works once.
    expect((await r.app.inject({ method: 'GET', url: link! })).statusCode).toBe(410);
    v.ws.terminate();
  });

  it('outside the team’s hours asks for an email address before taking a message', async () => {
    const tomorrow = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][(new Date().getUTCDay() + 1) % 7];
    await createWidget(r.ctx.db, { name: 'Closed', key: 'closed', teamId, hours: { timeZone: 'UTC', hours: { [tomorrow]: [['09:00', '09:30']] } } });
    const config = await r.app.inject({ method: 'GET', url: '/api/v1/chat/widgets/closed/config' });
    expect(config.json()).toMatchObject({ online: false, nextOpening: expect.any(String) });
    const v = await visitor('closed');
    v.send({ type: 'hello' });
    expect((await v.next('welcome')).online).toBe(false);
    v.send({ type: 'message', clientId: 'x', text: 'anyone?' });
    expect((await v.next('error')).code).toBe('email_required');
    v.send({ type: 'identify', email: 'night@customer.example' });
    await v.next('identified');
    v.send({ type: 'message', clientId: 'y', text: 'anyone?' });
    expect((await v.next('ack')).message.text).toBe('anyone?');
    v.ws.terminate();
  });

  it('refuses a socket from a site the widget does not allow, and an unknown widget', async () => {
    const closed = (url: string, origin: string) =>
      new Promise<number>((resolve) => {
        void r.app.injectWS(url, { headers: { origin } }, { onInit: (s) => s.on('close', (code: number) => resolve(code)) });
      });
    expect(await closed('/api/v1/chat/ws?key=shop', 'https://evil.example')).toBe(4403);
    expect(await closed('/api/v1/chat/ws?key=nope', 'https://shop.example')).toBe(4404);
  });
});
