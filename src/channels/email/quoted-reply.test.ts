import { describe, expect, it } from 'vitest';
import { splitQuotedHtml, splitQuotedReply } from './quoted-reply.js';

describe('splitQuotedReply', () => {
  it('cuts at an English attribution line, including one wrapped over two lines', () => {
    const text = [
      'Thanks, the pump works again.',
      '',
      'On Mon, 3 Jan 2026 at 10:00, Rapport Support <support@example.com>',
      'wrote:',
      '> Please restart the pump.',
      '> Regards',
    ].join('\r\n');
    const r = splitQuotedReply(text);
    expect(r.visible).toBe('Thanks, the pump works again.');
    expect(r.quoted).toContain('> Please restart the pump.');
    expect(r.quoted.startsWith('On Mon')).toBe(true);
  });

  it('cuts at a German attribution', () => {
    const r = splitQuotedReply('Danke!\n\nAm 03.01.2026 um 10:00 schrieb Support <support@example.com>:\n> Bitte neu starten.');
    expect(r.visible).toBe('Danke!');
  });

  it.each([
    ['W dniu 3.01.2026 o 10:00, Obsługa pisze:'],
    ['W dniu pon., 3 sty 2026 o 10:00 Obsługa <support@example.com> napisał(a):'],
  ])('cuts at a Polish attribution: %s', (attribution) => {
    const r = splitQuotedReply(`Dziękuję, działa.\n\n${attribution}\n> Proszę zrestartować pompę.`);
    expect(r.visible).toBe('Dziękuję, działa.');
    expect(r.quoted).toContain('Proszę zrestartować');
  });

  it('cuts at a Hebrew attribution wrapped in bidi marks', () => {
    const text =
      'תודה, המשאבה עובדת.\n\n\u202bבתאריך יום ב׳, 3 בינו׳ 2026 ב-10:00 מאת \u202aSupport\u202c\u200f <\u202asupport@example.com\u202c\u200f>:\u202c\n> נא להפעיל מחדש';
    const r = splitQuotedReply(text);
    expect(r.visible).toBe('תודה, המשאבה עובדת.');
    expect(r.quoted).toContain('נא להפעיל מחדש');
  });

  it('cuts at a Hebrew "כתב:" attribution', () => {
    const r = splitQuotedReply('תודה רבה\n\nבתאריך 03/01/2026 10:00, צוות התמיכה כתב:\n> שלום');
    expect(r.visible).toBe('תודה רבה');
  });

  it('cuts at a Japanese Gmail attribution', () => {
    const r = splitQuotedReply('ありがとうございます。\n\n2026年1月3日(土) 10:00 Support <support@example.com>:\n> ポンプを再起動してください。');
    expect(r.visible).toBe('ありがとうございます。');
  });

  it('cuts an Outlook header block and the rule above it', () => {
    const text = [
      'Works now, thanks.',
      '',
      '________________________________',
      'From: Rapport Support <support@example.com>',
      'Sent: Monday, January 3, 2026 10:00 AM',
      'To: Anna <anna@example.pl>',
      'Subject: RE: Pump [#12]',
      '',
      'Please restart the pump.',
    ].join('\n');
    const r = splitQuotedReply(text);
    expect(r.visible).toBe('Works now, thanks.');
    expect(r.quoted.split('\n')[0]).toBe('________________________________');
  });

  it('cuts a Polish Outlook header block', () => {
    const text = 'Działa.\n\nOd: Obsługa <support@example.com>\nWysłano: poniedziałek, 3 stycznia 2026 10:00\nDo: Anna\nTemat: Pompa';
    expect(splitQuotedReply(text).visible).toBe('Działa.');
  });

  it('cuts at an Original Message separator', () => {
    const r = splitQuotedReply('OK\n-----Ursprüngliche Nachricht-----\nVon: x\nAlt');
    expect(r).toEqual({ visible: 'OK', quoted: '-----Ursprüngliche Nachricht-----\nVon: x\nAlt' });
  });

  it('strips a trailing > block with an unknown-language attribution', () => {
    const r = splitQuotedReply('Kiitos!\n\nTukipalvelu kertoi:\n> Käynnistä pumppu uudelleen.');
    expect(r.visible).toBe('Kiitos!');
    expect(r.quoted).toBe('Tukipalvelu kertoi:\n> Käynnistä pumppu uudelleen.');
  });

  it('keeps inline answers between quoted lines', () => {
    const text = '> Is the pump model P-40?\nYes, P-40.\n> Since when?\nSince Monday.';
    expect(splitQuotedReply(text)).toEqual({ visible: text, quoted: '' });
  });

  it('handles bottom-posting: quote first, answer below', () => {
    const text = 'On Mon, 3 Jan 2026, Support <s@example.com> wrote:\n> Please restart.\n\nDone, it works.';
    expect(splitQuotedReply(text)).toEqual({
      visible: 'Done, it works.',
      quoted: 'On Mon, 3 Jan 2026, Support <s@example.com> wrote:\n> Please restart.',
    });
  });

  it('keeps a forwarded message whole', () => {
    const text = '---------- Forwarded message ---------\nFrom: Boss <b@x>\nDate: Mon\nSubject: Pump\nTo: me\n\nThe pump leaks.';
    expect(splitQuotedReply(text).visible).toBe(text);
  });

  it('never returns an empty visible part when the message is only a quote', () => {
    const r = splitQuotedReply('> only a quote\n> nothing else');
    expect(r).toEqual({ visible: '> only a quote\n> nothing else', quoted: '' });
  });

  it('leaves a message without history alone', () => {
    expect(splitQuotedReply('Hello,\n\nthe pump leaks.\n')).toEqual({ visible: 'Hello,\n\nthe pump leaks.', quoted: '' });
  });

  it('does not mistake a sentence ending in a colon for an attribution', () => {
    const text = 'Here is what I did:\n1. restarted\n2. checked the valve';
    expect(splitQuotedReply(text).visible).toBe(text);
  });
});

describe('splitQuotedHtml', () => {
  it('cuts at the Gmail quote container', () => {
    const html =
      '<div dir="ltr">Thanks!</div><br><div class="gmail_quote"><div class="gmail_attr">On Mon … wrote:</div><blockquote class="gmail_quote">old</blockquote></div>';
    const r = splitQuotedHtml(html);
    expect(r.visible).toBe('<div dir="ltr">Thanks!</div><br>');
    expect(r.quoted).toContain('old');
  });

  it('cuts at Outlook divRplyFwdMsg and Thunderbird cite', () => {
    expect(splitQuotedHtml('<p>OK</p><div id="divRplyFwdMsg">From: x</div>').visible).toBe('<p>OK</p>');
    expect(splitQuotedHtml('<p>OK</p><div class="moz-cite-prefix">On …</div><blockquote type="cite">x</blockquote>').visible).toBe(
      '<p>OK</p>',
    );
  });

  it('keeps the whole body when nothing new precedes the quote', () => {
    const html = '<div>&nbsp;</div><blockquote type="cite">x</blockquote>';
    expect(splitQuotedHtml(html)).toEqual({ visible: html, quoted: '' });
  });
});
