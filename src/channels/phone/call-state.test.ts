import { describe, expect, it } from 'vitest';
import { applyCallEvent, formatDuration, talkSeconds } from './call-state.js';

const t = (s: number) => new Date(Date.UTC(2026, 0, 5, 9, 0, s));

describe('applyCallEvent', () => {
  it('follows ringing → answered → ended', () => {
    let c = applyCallEvent(null, 'ringing', t(0));
    c = applyCallEvent(c, 'answered', t(8));
    c = applyCallEvent(c, 'ended', t(200));
    expect(c).toEqual({ state: 'ended', ringingAt: t(0), answeredAt: t(8), endedAt: t(200) });
    expect(talkSeconds(c)).toBe(192);
  });

  it('never moves backwards when events arrive out of order or twice', () => {
    let c = applyCallEvent(null, 'ringing', t(0));
    c = applyCallEvent(c, 'ended', t(60));
    c = applyCallEvent(c, 'answered', t(5)); // late answered event
    c = applyCallEvent(c, 'ended', t(90)); // retried ended event
    expect(c).toEqual({ state: 'ended', ringingAt: t(0), answeredAt: t(5), endedAt: t(60) });
    expect(talkSeconds(c)).toBe(55);
  });

  it('counts no talk time for a missed call', () => {
    const c = applyCallEvent(applyCallEvent(null, 'ringing', t(0)), 'ended', t(30));
    expect(talkSeconds(c)).toBe(0);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [192, '3 min 12 s'],
    [180, '3 min'],
    [3725, '1 h 2 min 5 s'],
  ])('%d s → %s', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });
});
