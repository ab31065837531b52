import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReferences, composeEmail, textToHtml } from './compose.js';
import { parseEmail } from './parse.js';
import { createMailTransport, sendEmail, type MailTransport } from './sender.js';
import { resolveThread } from './threading.js';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink.js';

let sink: SmtpSink;
let transport: MailTransport;
beforeAll(async () => {
  sink = await startSmtpSink();
  transport = createMailTransport(sink.url);
});
afterAll(async () => {
  transport.close();
  await sink.close();
});

describe('composeEmail', () => {
  it('threads a reply to the customer and tags the subject', () => {
    const c = composeEmail({
      ticket: { number: 1042, subject: 'AW: Pumpe undicht', language: 'de' },
      from: { address: 'support@example.com', name: 'Rapport Support' },
      to: [{ address: 'jan@example.de', name: 'Jan' }],
      bodyText: 'Hallo Jan,\n\nbitte starten Sie die Pumpe neu.',
      inReplyTo: '<cust.2@example.de>',
      references: ['cust.1@example.de', 'rapport.1042.a@example.com'],
      messageIdDomain: 'example.com',
    });
    expect(c.messageId).toMatch(/^rapport\.1042\.[a-z0-9]+\.[0-9a-f]{12}@example\.com$/);
    expect(c.subject).toBe('Re: Pumpe undicht [#1042]');
    expect(c.references).toEqual(['cust.1@example.de', 'rapport.1042.a@example.com', 'cust.2@example.de']);
    expect(c.mail.inReplyTo).toBe('<cust.2@example.de>');
    expect(c.mail.text).toContain('Vorgang [#1042]');
    expect(c.mail.headers).toEqual({ 'Content-Language': 'de' });
  });

  it('gives every message its own id', () => {
    const input = {
      ticket: { number: 1, subject: 's', language: null },
      from: { address: 'a@example.com', name: '' },
      to: [{ address: 'b@example.com', name: '' }],
      bodyText: 'x',
      messageIdDomain: 'example.com',
    };
    expect(composeEmail(input).messageId).not.toBe(composeEmail(input).messageId);
  });

  it('trims long References in the middle, keeping the root', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `m${i}@x`);
    const refs = buildReferences(ids, 'last@x');
    expect(refs).toHaveLength(20);
    expect(refs[0]).toBe('m0@x');
    expect(refs[19]).toBe('last@x');
  });

  it('escapes text when making HTML', () => {
    expect(textToHtml('a < b\nc\n\nd & e')).toBe('<p>a &lt; b<br>c</p>\n<p>d &amp; e</p>');
  });
});

describe('sending through SMTP', () => {
  it('delivers a Hebrew reply whose headers survive the trip and thread the answer back', async () => {
    const before = sink.messages.length;
    const composed = composeEmail({
      ticket: { number: 77, subject: 'תקלה במשאבה', language: 'he' },
      from: { address: 'support@example.com', name: 'צוות התמיכה' },
      to: [{ address: 'dana@example.co.il', name: 'דנה' }],
      bodyText: 'שלום דנה,\n\nנא להפעיל מחדש את המשאבה.',
      inReplyTo: 'CAHe.1@mail.example.co.il',
      references: ['CAHe.1@mail.example.co.il'],
      messageIdDomain: 'example.com',
      autoSubmitted: undefined,
      loopMarker: 'rapport@example.com',
    });
    const result = await sendEmail(transport, composed);
    expect(result.accepted).toEqual(['dana@example.co.il']);
    const [got] = (await sink.waitFor(before + 1)).slice(before);
    expect(got.envelope).toMatchObject({ mailFrom: 'support@example.com', rcptTo: ['dana@example.co.il'] });

    const received = await parseEmail(got.raw);
    expect(received.messageId).toBe(composed.messageId);
    expect(received.inReplyTo).toEqual(['CAHe.1@mail.example.co.il']);
    expect(received.references).toEqual(['CAHe.1@mail.example.co.il']);
    expect(received.subject).toBe('Re: תקלה במשאבה [#77]');
    expect(received.from).toEqual({ address: 'support@example.com', name: 'צוות התמיכה' });
    expect(received.text).toContain('נא להפעיל מחדש את המשאבה.');
    expect(received.text).toContain('מספר פנייה [#77]');
    expect(received.html).toContain('dir="rtl"');
    expect(received.headers['content-language']).toEqual(['he']);
    expect(received.automation.kind).toBe(null);
    // Our own mail, were it to come back to us, is recognised as a loop.
    expect((await parseEmail(got.raw, { ownLoopMarkers: ['rapport@example.com'] })).automation.kind).toBe('loop');

    // The customer's answer carries our Message-ID and threads to the ticket.
    const answer = await parseEmail(
      `From: dana@example.co.il\r\nSubject: Re: ${received.subject}\r\nIn-Reply-To: <${received.messageId}>\r\nMessage-ID: <ans@example.co.il>\r\n\r\nתודה`,
    );
    const decision = await resolveThread(answer, {
      ticketIdsByMessageIds: async (ids) => new Map(ids.filter((i) => i === composed.messageId).map((i) => [i, 'ticket-77'])),
      ticketById: async (id) => ({ id, number: 77, status: 'pending', mergedIntoId: null, contactId: null, organisationId: null }),
      ticketByNumber: async () => null,
    });
    expect(decision).toMatchObject({ kind: 'existing', ticketId: 'ticket-77', via: 'in-reply-to' });
  });

  it('marks automatic mail with Auto-Submitted so other robots do not answer it', async () => {
    const before = sink.messages.length;
    await sendEmail(
      transport,
      composeEmail({
        ticket: { number: 5, subject: 'Pompa', language: 'pl' },
        from: { address: 'support@example.com', name: 'Obsługa' },
        to: [{ address: 'anna@example.pl', name: 'Anna' }],
        bodyText: 'Dziękujemy.',
        messageIdDomain: 'example.com',
        autoSubmitted: 'auto-replied',
      }),
    );
    const [got] = (await sink.waitFor(before + 1)).slice(before);
    const parsed = await parseEmail(got.raw);
    expect(parsed.automation).toMatchObject({ kind: 'auto-reply', mayOpenTicket: false });
    expect(parsed.text).toContain('Numer zgłoszenia [#5]');
  });

  it('fails loudly when the relay is unreachable, so the job retries', async () => {
    const dead = createMailTransport('smtp://127.0.0.1:1?tls=off');
    const composed = composeEmail({
      ticket: { number: 1, subject: 's', language: 'en' },
      from: { address: 'a@example.com', name: '' },
      to: [{ address: 'b@example.com', name: '' }],
      bodyText: 'x',
      messageIdDomain: 'example.com',
    });
    await expect(sendEmail(dead, composed)).rejects.toThrow();
    dead.close();
  });
});
