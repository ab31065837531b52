import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEmail } from '../../../src/channels/email/parse.js';
import { startEmailReceiver } from '../../../src/channels/email/listener.js';
import { createMailbox } from '../../../src/channels/email/store.js';
import type { SmtpReceiver } from '../../../src/channels/email/smtp-receiver.js';
import { smtpSend } from '../../../src/channels/email/testing/smtp-client.js';
import { startSmtpSink, type SmtpSink } from '../../../src/channels/email/testing/smtp-sink.js';
import { listFailures } from '../../../src/channels/failures/store.js';
import { makeContact, makeOrganisation, makeTeam, makeUser } from '../../support/factories.js';
import { databaseKinds, startTestRapport, type TestRapport } from '../../support/rapport.js';

const fixture = (name: string) => readFileSync(new URL(`../../../src/channels/email/fixtures/${name}`, import.meta.url));

let seq = 0;
const mail = (o: { from: string; subject: string; body: string; id?: string; headers?: string }) => {
  const id = o.id ?? `m${Date.now()}.${seq++}@customer.example`;
  return {
    id,
    raw: `From: ${o.from}\r\nTo: support@example.com\r\nSubject: ${o.subject}\r\nMessage-ID: <${id}>\r\nDate: ${new Date().toUTCString()}\r\n${o.headers ?? ''}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${o.body}\r\n`,
  };
};

describe.each(databaseKinds)('email channel on %s', (kind) => {
  let r: TestRapport;
  let sink: SmtpSink;
  let receiver: SmtpReceiver;
  let agent: ReturnType<TestRapport['as']>;
  let teamId: string;
  const send = (raw: string | Buffer, from = 'someone@customer.example') => smtpSend(receiver.port, from, ['support@example.com'], raw);

  beforeAll(async () => {
    sink = await startSmtpSink();
    r = await startTestRapport(kind, { env: { RAPPORT_SMTP_URL: sink.url, RAPPORT_PUBLIC_URL: 'https://help.example.com' } });
    teamId = (await makeTeam(r.ctx.db, { name: 'EMEA' })).id;
    await createMailbox(r.ctx.db, { address: 'support@example.com', name: 'Rapport Support', teamId });
    await makeUser(r.ctx.db, 'agent', { email: 'agent@staff.example', teamIds: [teamId] });
    agent = r.as(await r.login('agent@staff.example'));
    receiver = await startEmailReceiver(r.ctx, { port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await receiver?.close();
    await r?.stop().catch(() => undefined);
    await sink?.close();
  });

  async function ticketsOf(email: string) {
    const contacts = await agent('GET', `/api/v1/contacts?q=`);
    const contact = contacts.body.items.find((c: any) => c.emails.includes(email));
    if (!contact) return [];
    return (await agent('GET', `/api/v1/tickets?contactId=${contact.id}&status=new,open,pending,on_hold,solved,closed`)).body.items;
  }
  const messagesOf = async (ticketId: string) => (await agent('GET', `/api/v1/tickets/${ticketId}/messages`)).body.items;

  it('opens a ticket from a new sender: contact created, routed to the mailbox team, quoted history stripped', async () => {
    const m = mail({
      from: 'Anna Nowak <anna@customer.example>',
      subject: 'Fwd: Pompa P-40 przecieka',
      body: 'Pompa przecieka od rana.\r\n\r\nW dniu 3.01.2026 o 10:00, Jan pisze:\r\n> stara wiadomość',
    });
    expect((await send(m.raw, 'anna@customer.example')).code).toBe(250);
    const [ticket] = await ticketsOf('anna@customer.example');
    expect(ticket).toMatchObject({ subject: 'Pompa P-40 przecieka', channel: 'email', teamId, status: 'new' });
    expect(ticket.contact.name).toBe('Anna Nowak');
    const [msg] = await messagesOf(ticket.id);
    expect(msg).toMatchObject({ direction: 'inbound', channel: 'email', bodyText: 'Pompa przecieka od rana.' });
    expect(msg.metadata.email.quotedText).toContain('stara wiadomość');
  });

  it('stores a message seen twice (same Message-ID) once', async () => {
    const m = mail({ from: 'dup@customer.example', subject: 'Twice', body: 'Only once please' });
    expect((await send(m.raw)).code).toBe(250);
    expect((await send(m.raw)).code).toBe(250);
    const tickets = await ticketsOf('dup@customer.example');
    expect(tickets).toHaveLength(1);
    expect(await messagesOf(tickets[0].id)).toHaveLength(1);
  });

  it('keeps Hebrew, Polish and Japanese mail intact, with attachments and inline images', async () => {
    for (const f of ['hebrew-iso-8859-8.eml', 'polish-iso-8859-2.eml', 'japanese-iso-2022-jp.eml', 'html-inline-image.eml']) {
      expect((await send(fixture(f))).code).toBe(250);
    }
    const [he] = await ticketsOf('dana@example.co.il');
    expect(he.subject).toBe('תקלה במשאבה');
    expect(he.language).toBe('he'); // detected offline: replies will be framed in Hebrew
    expect((await messagesOf(he.id))[0].bodyText).toBe('שלום,\nהמשאבה עדיין דולפת אחרי ההפעלה מחדש.');
    const [pl] = await ticketsOf('lukasz@example.pl');
    expect(pl.language).toBe('pl');
    const plMsg = (await messagesOf(pl.id))[0];
    expect(plMsg.attachments).toEqual([expect.objectContaining({ filename: 'faktura_żółta.pdf', contentType: 'application/pdf' })]);
    const [ja] = await ticketsOf('yamada@example.co.jp');
    expect(ja.subject).toBe('ポンプの水漏れについて');
    const [it_] = await ticketsOf('maria@example.it');
    expect((await messagesOf(it_.id))[0].attachments[0]).toMatchObject({ filename: 'screen.png', contentType: 'image/png' });
  });

  it('sends the agent reply by SMTP from the team address, threaded, and threads the customer answer back', async () => {
    const m = mail({ from: 'Jan Kowalski <jan@customer.example>', subject: 'Spindle alarm 4031', body: 'Alarm 4031 again.' });
    await send(m.raw);
    const [ticket] = await ticketsOf('jan@customer.example');
    const before = sink.messages.length;
    const reply = await agent('POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'message', bodyText: 'Please restart the spindle controller.', channel: 'email' });
    expect(reply.status).toBe(201);
    await r.ctx.jobs.runDue();
    const [out] = (await sink.waitFor(before + 1)).slice(before);
    expect(out.envelope.rcptTo).toEqual(['jan@customer.example']);
    const sent = await parseEmail(out.raw);
    expect(sent.from).toEqual({ address: 'support@example.com', name: 'Rapport Support' });
    expect(sent.subject).toBe(`Re: Spindle alarm 4031 [#${ticket.number}]`);
    expect(sent.inReplyTo).toEqual([m.id]);
    expect(sent.references).toEqual([m.id]);
    expect(sent.text).toContain('Please restart the spindle controller.');
    expect(sent.headers['x-loop']).toEqual(['rapport@help.example.com']);

    // The customer answers from a client that keeps the headers: it lands on the same ticket.
    const answer = mail({
      from: 'jan@customer.example',
      subject: `RE: ${sent.subject}`,
      body: 'Restarted, works.',
      headers: `In-Reply-To: <${sent.messageId}>\r\nReferences: <${m.id}> <${sent.messageId}>\r\n`,
    });
    await send(answer.raw);
    const msgs = await messagesOf(ticket.id);
    expect(msgs.map((x: any) => x.bodyText)).toEqual(['Alarm 4031 again.', 'Please restart the spindle controller.', 'Restarted, works.']);
    expect((await ticketsOf('jan@customer.example')).length).toBe(1);

    // A second reply continues the thread with every Message-ID so far.
    const before2 = sink.messages.length;
    await agent('POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'message', bodyText: 'Great.', channel: 'email' });
    await r.ctx.jobs.runDue();
    const second = await parseEmail((await sink.waitFor(before2 + 1))[before2].raw);
    expect(second.inReplyTo).toEqual([answer.id]);
    expect(second.references).toEqual([m.id, sent.messageId, answer.id]);
  });

  it('defaults a ticket the customer never wrote on to the culture policy’s channel', async () => {
    const contact = await makeContact(r.ctx.db, { name: 'Klaus Berger', country: 'DE', emails: ['klaus@berger.example'] });
    const created = await agent('POST', '/api/v1/tickets', { subject: 'Wartung', body: 'Wir melden uns zur Wartung.', contactId: contact.id });
    const options = await agent('GET', `/api/v1/tickets/${created.body.id}/reply-channels`);
    expect(options.body).toMatchObject({ default: 'email', defaultReason: 'policy', lastUsed: null });
    expect(options.body.policy.channels).toContain('email');
    expect(options.body.options.find((o: any) => o.channel === 'email')).toMatchObject({ available: true, address: 'klaus@berger.example' });
    expect(options.body.options.find((o: any) => o.channel === 'whatsapp')).toMatchObject({ available: false, reason: 'not_configured' });
  });

  it('threads by the ticket number in the subject when headers are lost, for the same customer only', async () => {
    const org = await makeOrganisation(r.ctx.db, { name: 'Kessler', domains: ['kessler.example'] });
    const first = mail({ from: 'katrin@kessler.example', subject: 'Valve V2', body: 'Valve sticks.' });
    await send(first.raw);
    const [ticket] = await ticketsOf('katrin@kessler.example');
    expect(ticket.organisationId).toBe(org.id);
    // A colleague from the same company, no threading headers, subject prefix in German.
    await send(mail({ from: 'max@kessler.example', subject: `AW: Valve V2 [#${ticket.number}]`, body: 'Same here.' }).raw);
    expect((await messagesOf(ticket.id)).map((x: any) => x.bodyText)).toContain('Same here.');
    // A stranger using the number opens a ticket of their own.
    await send(mail({ from: 'mallory@evil.example', subject: `Re: [#${ticket.number}]`, body: 'Let me in.' }).raw);
    expect((await messagesOf(ticket.id)).map((x: any) => x.bodyText)).not.toContain('Let me in.');
    expect(await ticketsOf('mallory@evil.example')).toHaveLength(1);
  });

  it('never opens a ticket for an auto-reply or a bounce, and marks a bounced reply as failed', async () => {
    const first = mail({ from: 'away@customer.example', subject: 'Order 77', body: 'Where is order 77?' });
    await send(first.raw);
    const [ticket] = await ticketsOf('away@customer.example');
    const before = sink.messages.length;
    await agent('POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'message', bodyText: 'It ships Monday.', channel: 'email' });
    await r.ctx.jobs.runDue();
    const sent = await parseEmail((await sink.waitFor(before + 1))[before].raw);

    const ooo = mail({
      from: 'away@customer.example',
      subject: `Automatic reply: ${sent.subject}`,
      body: 'I am out of the office until Monday.',
      headers: `Auto-Submitted: auto-replied\r\nIn-Reply-To: <${sent.messageId}>\r\n`,
    });
    expect((await send(ooo.raw)).code).toBe(250);
    const afterOoo = await messagesOf(ticket.id);
    expect(afterOoo.at(-1)).toMatchObject({ kind: 'event', bodyText: expect.stringContaining('out of the office') });
    expect((await agent('GET', `/api/v1/tickets/${ticket.id}`)).body.status).toBe('open');

    const dsn = fixture('dsn-bounce.eml').toString().replace('rapport.12.3@help.example.com', sent.messageId).replace('Message-ID: <bounce.1@', `Message-ID: <bounce.${Date.now()}@`);
    expect((await smtpSend(receiver.port, '', ['support@example.com'], dsn)).code).toBe(250);
    const events = (await messagesOf(ticket.id)).filter((x: any) => x.kind === 'event');
    expect(events.at(-1).bodyText).toContain('bounced');
    expect(await ticketsOf('mailer-daemon@mx.example.net')).toHaveLength(0);
    // No ticket was opened for either.
    expect(await ticketsOf('away@customer.example')).toHaveLength(1);
    // A report on mail we never sent matches nothing: answered 250 and kept raw, not dropped.
    const stray = fixture('dsn-bounce.eml').toString().replace('Message-ID: <bounce.1@', `Message-ID: <stray.${Date.now()}@`);
    expect((await smtpSend(receiver.port, '', ['support@example.com'], stray)).code).toBe(250);
    const kept = (await listFailures(r.ctx.db, { limit: 50 })).filter((x) => x.reason === 'automated-unmatched');
    expect(kept.map((x) => Buffer.from(x.raw, 'base64').toString())).toContainEqual(expect.stringContaining('stray.'));
  });

  it('keeps a malformed message raw and reports it, answering 250', async () => {
    const raw = 'Subject: no sender at all\r\nMessage-ID: <broken@x>\r\n\r\nbody';
    expect((await send(raw)).code).toBe(250);
    const failures = await listFailures(r.ctx.db, { limit: 10 });
    const f = failures.find((x) => Buffer.from(x.raw, 'base64').toString().trim() === raw);
    expect(f).toMatchObject({ channel: 'email', source: 'smtp', reason: 'no-sender' });
    // Sent again (the sender retries): still one report.
    await send(raw);
    expect((await listFailures(r.ctx.db, { limit: 50 })).filter((x) => x.sha256 === f!.sha256)).toHaveLength(1);
  });

  it('refuses mail for addresses that are not ours, and ignores mail from our own address', async () => {
    expect((await smtpSend(receiver.port, 'a@b.example', ['nobody@elsewhere.example'], mail({ from: 'a@b.example', subject: 'x', body: 'x' }).raw)).code).toBe(550);
    await send(mail({ from: 'support@example.com', subject: 'Loop', body: 'ourselves' }).raw);
    expect(await ticketsOf('support@example.com')).toHaveLength(0);
  });

  it('answers 451 while the database is down, so the sender keeps the message and retries', async () => {
    await r.ctx.database.close();
    const reply = await send(mail({ from: 'late@customer.example', subject: 'DB down', body: 'x' }).raw);
    expect(reply.code).toBe(451);
  });
});
