import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MalformedEmailError, parseEmail } from './parse.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('parseEmail with real character sets', () => {
  it('decodes a Hebrew ISO-8859-8 reply and its threading headers', async () => {
    const m = await parseEmail(fixture('hebrew-iso-8859-8.eml'));
    expect(m.subject).toBe('תשובה: תקלה במשאבה [#1042]');
    expect(m.from).toEqual({ address: 'dana@example.co.il', name: 'דנה כהן' });
    expect(m.messageId).toBe('CAHe.7781@mail.example.co.il');
    expect(m.messageIdSynthetic).toBe(false);
    expect(m.inReplyTo).toEqual(['rapport.1042.2@help.example.com']);
    expect(m.references).toEqual(['CAHe.1000@mail.example.co.il', 'rapport.1042.2@help.example.com']);
    expect(m.visibleText).toBe('שלום,\nהמשאבה עדיין דולפת אחרי ההפעלה מחדש.');
    expect(m.quotedText).toContain('נא להפעיל מחדש את המשאבה');
    expect(m.html).toBeNull();
    expect(m.date?.toISOString()).toBe('2026-01-04T07:15:00.000Z');
    expect(m.automation.automated).toBe(false);
  });

  it('decodes Polish ISO-8859-2 text, the UTF-8 HTML alternative and an RFC 2231 file name', async () => {
    const m = await parseEmail(fixture('polish-iso-8859-2.eml'));
    expect(m.subject).toBe('Odp: Pompa przecieka - zgłoszenie pilne');
    expect(m.from).toEqual({ address: 'lukasz@example.pl', name: 'Łukasz Żółtowski' });
    expect(m.cc).toEqual([{ address: 'biuro@example.pl', name: 'Biuro' }]);
    expect(m.text).toContain('Załączam zdjęcie i fakturę.');
    expect(m.html).toContain('<p>Łukasz Żółtowski</p>');
    expect(m.attachments).toHaveLength(1);
    const [pdf] = m.attachments;
    expect(pdf).toMatchObject({ filename: 'faktura_żółta.pdf', contentType: 'application/pdf', inline: false, cid: null });
    expect(pdf.content.subarray(0, 8).toString()).toBe('%PDF-1.4');
    expect(pdf.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('decodes Japanese ISO-2022-JP subject, sender and body', async () => {
    const m = await parseEmail(fixture('japanese-iso-2022-jp.eml'));
    expect(m.subject).toBe('ポンプの水漏れについて');
    expect(m.from.name).toBe('山田太郎');
    expect(m.text).toContain('ポンプから水が漏れています。');
    expect(m.visibleText.endsWith('山田太郎')).toBe(true);
  });

  it('decodes Shift_JIS bodies too', async () => {
    const body = Buffer.from([0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd]); // こんにちは
    const raw = Buffer.concat([
      Buffer.from('From: a@example.jp\r\nSubject: x\r\nContent-Type: text/plain; charset=Shift_JIS\r\n\r\n'),
      body,
    ]);
    expect((await parseEmail(raw)).text.trim()).toBe('こんにちは');
  });

  it('keeps inline images with their Content-ID and cid: links in the HTML', async () => {
    const m = await parseEmail(fixture('html-inline-image.eml'));
    expect(m.html).toContain('src="cid:screen-1@example.com"');
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments[0]).toMatchObject({ cid: 'screen-1@example.com', inline: true, contentType: 'image/png' });
    expect(m.attachments[0].content.subarray(1, 4).toString()).toBe('PNG');
    // The text was derived from the HTML; the Gmail quote is cut from the visible HTML.
    expect(m.text).toContain('Ecco la schermata di errore');
    expect(m.visibleHtml).not.toContain('old text');
    expect(m.visibleHtml).toContain('Ecco la schermata');
  });

  it('flags a delivery status notification as a bounce', async () => {
    const m = await parseEmail(fixture('dsn-bounce.eml'), { envelopeFrom: '' });
    expect(m.automation).toMatchObject({ automated: true, kind: 'bounce', mayOpenTicket: false, mayAutoReply: false });
  });
});

describe('parseEmail edge cases', () => {
  it('synthesises a stable Message-ID when the sender left it out', async () => {
    const raw = 'From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n';
    const a = await parseEmail(raw);
    const b = await parseEmail(raw);
    expect(a.messageIdSynthetic).toBe(true);
    expect(a.messageId).toBe(b.messageId);
    expect(a.messageId).toMatch(/@synthetic\.rapport\.invalid$/);
    expect((await parseEmail(`${raw}more`)).messageId).not.toBe(a.messageId);
  });

  it('accepts an mbox From_ line before the headers', async () => {
    const m = await parseEmail('From a@example.com Mon Jan  5 08:00:00 2026\nFrom: a@example.com\nSubject: s\n\nb\n');
    expect(m.subject).toBe('s');
  });

  it('unfolds raw headers and keeps repeated ones in order', async () => {
    const m = await parseEmail('From: a@example.com\r\nReceived: one\r\n two\r\nReceived: three\r\nSubject: s\r\n\r\nb');
    expect(m.headers['received']).toEqual(['one two', 'three']);
    expect(m.date).toBeNull();
  });

  it('flattens address groups and lower-cases addresses', async () => {
    const m = await parseEmail('From: A <A@Example.COM>\r\nTo: team: b@example.com, C <c@example.com>;\r\n\r\nx');
    expect(m.from.address).toBe('a@example.com');
    expect(m.to.map((t) => t.address)).toEqual(['b@example.com', 'c@example.com']);
  });

  it.each([
    ['', 'empty'],
    ['   \r\n  ', 'empty'],
    ['just some text without headers\r\n', 'no-headers'],
    ['\x00\x01\x02binary garbage', 'no-headers'],
    ['Subject: no sender\r\n\r\nbody', 'no-sender'],
    ['From: not an address\r\nSubject: x\r\n\r\nbody', 'no-sender'],
  ])('rejects %j as %s', async (raw, reason) => {
    const err = await parseEmail(raw).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MalformedEmailError);
    expect((err as MalformedEmailError).reason).toBe(reason);
  });

  it('rejects oversized input before parsing', async () => {
    const err = await parseEmail('From: a@b.c\r\n\r\n' + 'x'.repeat(2000), { maxBytes: 1000 }).catch((e: unknown) => e);
    expect((err as MalformedEmailError).reason).toBe('too-large');
  });
});
