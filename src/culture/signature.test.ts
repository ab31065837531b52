import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';
import { consistentSignature, signatureOf } from './signature.js';

describe('signatureOf', () => {
  it('takes a short name on the last line, after a sign-off', () => {
    expect(signatureOf('Dzień dobry,\ndrukarka znowu nie działa.\nPozdrawiam\nKasia')).toBe('Kasia');
    expect(signatureOf('Hi,\nstill broken.\n-- Yossi Cohen')).toBe('Yossi Cohen');
    expect(signatureOf('お世話になっております。\n機械が止まりました。\n田中')).toBe('田中');
  });

  it('ignores sign-offs, sentences, contact details and quoted text', () => {
    expect(signatureOf('Hi,\nstill broken.\nThanks')).toBeNull();
    expect(signatureOf('Hi,\nthe machine stopped again today.')).toBeNull();
    expect(signatureOf('Hi,\nsee below\n+48 22 123 45 67')).toBeNull();
    expect(signatureOf('Hi,\nstill broken\nAnna\nOn Mon, 3 Nov 2026, Support wrote:\n> Hello\n> Bob')).toBe('Anna');
    expect(signatureOf('Kasia')).toBeNull();
  });
});

describe('consistentSignature', () => {
  it('needs the same name in at least two messages and half of the signed ones', () => {
    const m = (name: string) => `Hello,\nan update please.\n${name}`;
    expect(consistentSignature([m('Kasia'), m('Kasia'), 'no signature here'])).toBe('Kasia');
    expect(consistentSignature([m('Kasia')])).toBeNull();
    expect(consistentSignature([m('Kasia'), m('Kasia'), m('Tomek'), m('Ola'), m('Ewa')])).toBeNull();
  });
});

describe('detectLanguage', () => {
  it('detects the languages we greet in, and declines short texts', () => {
    expect(detectLanguage('Dzień dobry, nadal mamy problem z drukarką w magazynie.')).toBe('pl');
    expect(detectLanguage('שלום, המכשיר עדיין לא עובד אחרי העדכון של אתמול')).toBe('he');
    expect(detectLanguage('Hello, the scanner is broken again since Monday morning.')).toBe('en');
    expect(detectLanguage('お世話になっております。機械が止まりました。至急ご確認ください。')).toBe('ja');
    expect(detectLanguage('ok thanks')).toBeNull();
  });
});
