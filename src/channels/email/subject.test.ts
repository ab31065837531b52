import { describe, expect, it } from 'vitest';
import {
  extractTicketNumber,
  hasReplyPrefix,
  normaliseSubject,
  replySubject,
  stripReplyPrefixes,
  ticketTag,
} from './subject.js';

describe('stripReplyPrefixes', () => {
  it.each([
    ['Re: Pump P-40 leaking', 'Pump P-40 leaking'],
    ['RE: RE: Pump P-40 leaking', 'Pump P-40 leaking'],
    ['Re:Re:Pump P-40 leaking', 'Pump P-40 leaking'],
    ['RE[2]: Pump P-40 leaking', 'Pump P-40 leaking'],
    ['Re(3): Pump P-40 leaking', 'Pump P-40 leaking'],
    ['Re^2: Pump P-40 leaking', 'Pump P-40 leaking'],
    ['Fwd: FW: Pump P-40 leaking', 'Pump P-40 leaking'],
    ['AW: WG: Pumpe undicht', 'Pumpe undicht'],
    ['SV: VS: Pumpen läcker', 'Pumpen läcker'],
    ['Odp: PD: Pompa przecieka', 'Pompa przecieka'],
    ['ODP: Odp: Pompa przecieka', 'Pompa przecieka'],
    ['TR : RE : La pompe fuit', 'La pompe fuit'],
    ['RV: RES: La bomba pierde', 'La bomba pierde'],
    ['Antw: De pomp lekt', 'De pomp lekt'],
    ['תשובה: המשאבה דולפת', 'המשאבה דולפת'],
    ['השב: הועבר: המשאבה דולפת', 'המשאבה דולפת'],
    ['回复: 答复: 泵漏水', '泵漏水'],
    ['転送：返信：ポンプの水漏れ', 'ポンプの水漏れ'],
    ['返信: ポンプの水漏れ', 'ポンプの水漏れ'],
    ['YNT: İLT: Pompa sızdırıyor', 'Pompa sızdırıyor'],
    ['\u200fתשובה:\u200f המשאבה', 'המשאבה'],
  ])('%s → %s', (input, expected) => {
    expect(stripReplyPrefixes(input)).toBe(expected);
  });

  it('leaves words that only look like prefixes alone when no colon follows', () => {
    expect(stripReplyPrefixes('Fw engine fault')).toBe('Fw engine fault');
    expect(stripReplyPrefixes('SV 40 pump')).toBe('SV 40 pump');
    expect(stripReplyPrefixes('Resolution needed: boiler')).toBe('Resolution needed: boiler');
    expect(stripReplyPrefixes('Return: label missing')).toBe('Return: label missing');
  });

  it('does not strip prefixes in the middle of a subject', () => {
    expect(stripReplyPrefixes('Question about Re: invoices')).toBe('Question about Re: invoices');
  });

  it('reports whether a prefix is present', () => {
    expect(hasReplyPrefix('AW: Pumpe')).toBe(true);
    expect(hasReplyPrefix('Pumpe')).toBe(false);
  });
});

describe('ticket tag', () => {
  it('extracts the number from the tag forms we write and others commonly seen', () => {
    expect(extractTicketNumber('Re: Pump leaking [#1234]')).toBe(1234);
    expect(extractTicketNumber('[Ticket#77] Pump')).toBe(77);
    expect(extractTicketNumber('AW: [Rapport #9001] Pumpe')).toBe(9001);
  });

  it('ignores numbers that are not in a tag', () => {
    expect(extractTicketNumber('Order #1234 is late')).toBeNull();
    expect(extractTicketNumber('Pump [P-40] leaking')).toBeNull();
    expect(extractTicketNumber('[#0] nothing')).toBeNull();
  });

  it('round-trips through ticketTag', () => {
    expect(extractTicketNumber(`Hello ${ticketTag(42)}`)).toBe(42);
  });
});

describe('normaliseSubject and replySubject', () => {
  it('removes prefixes and the tag wherever the tag sits', () => {
    expect(normaliseSubject('Re: AW: Pump   leaking [#12]')).toBe('Pump leaking');
    expect(normaliseSubject('[#12] Re: Re: Pump leaking')).toBe('Pump leaking');
  });

  it('keeps one Re: and one tag however long the conversation', () => {
    expect(replySubject('RE: Re: AW: Pump leaking [#12]', 12)).toBe('Re: Pump leaking [#12]');
    expect(replySubject('', 5)).toBe('Re: [#5]');
  });
});
