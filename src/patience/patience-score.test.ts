import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scorePatience, type PatienceFacts } from './patience-score.js';

const now = new Date('2026-03-10T12:00:00Z');
const base: PatienceFacts = { now, firstContactAt: now, customerContacts: 1, expectedContacts: 2, reopenings: 0, transfers: 0, pingPongs: 0, brokenPromises: 0, slaBreaches: 0 };
const score = (over: Partial<PatienceFacts>) => scorePatience({ ...base, ...over });

describe('patience score', () => {
  it('a fresh first contact has full patience and no reasons', () => {
    expect(score({})).toEqual({ score: 100, level: 'good', reasons: [] });
  });

  it('weighs contacts against the culture: a 4th call from Mumbai ≈ a 2nd email from Helsinki', () => {
    const mumbai = score({ customerContacts: 4, expectedContacts: 4 });
    const helsinki = score({ customerContacts: 2, expectedContacts: 1.5 });
    expect(mumbai.reasons[0]).toEqual({ code: 'repeat_contacts', points: 19, values: { contacts: 4, expected: 4 } });
    expect(Math.abs(mumbai.score - helsinki.score)).toBeLessThanOrEqual(3);
    // The same four calls from a reserved culture cost far more.
    expect(score({ customerContacts: 4, expectedContacts: 1.5 }).score).toBeLessThan(mumbai.score - 15);
  });

  it('ping-pong, broken promises and reopenings each take their share, biggest first', () => {
    const s = score({ pingPongs: 1, brokenPromises: 1, reopenings: 1, transfers: 2 });
    expect(s.reasons.map((r) => [r.code, r.points])).toEqual([
      ['broken_promises', 15],
      ['ping_pong', 12],
      ['reopened', 10],
      ['transfers', 8],
    ]);
    expect(s.score).toBe(55);
    expect(s.level).toBe('strained');
  });

  it('five months of drag, many contacts and bouncing exhausts patience (seed 004)', () => {
    const s = score({ firstContactAt: new Date('2025-10-10T12:00:00Z'), customerContacts: 9, expectedContacts: 2, pingPongs: 3, brokenPromises: 2, transfers: 5 });
    expect(s.score).toBe(0);
    expect(s.level).toBe('exhausted');
    expect(s.reasons.find((r) => r.code === 'case_age')).toMatchObject({ points: 25, values: { days: 151 } });
  });

  it('waiting for a reply costs more the longer it lasts', () => {
    const hour = score({ waitingSince: new Date(now.getTime() - 3_600_000) });
    const day = score({ waitingSince: new Date(now.getTime() - 86_400_000) });
    expect(day.score).toBeLessThan(hour.score);
    expect(day.reasons[0]).toMatchObject({ code: 'waiting_for_reply', values: { hours: 24 } });
  });

  it('never leaves 0–100 and never rises when things get worse', () => {
    const facts = fc.record({
      days: fc.integer({ min: 0, max: 400 }),
      customerContacts: fc.integer({ min: 1, max: 30 }),
      expectedContacts: fc.double({ min: 0.5, max: 6, noNaN: true }),
      reopenings: fc.integer({ min: 0, max: 5 }),
      transfers: fc.integer({ min: 0, max: 8 }),
      pingPongs: fc.integer({ min: 0, max: 5 }),
      brokenPromises: fc.integer({ min: 0, max: 5 }),
      slaBreaches: fc.integer({ min: 0, max: 5 }),
    });
    const worse = fc.constantFrom('days', 'customerContacts', 'reopenings', 'transfers', 'pingPongs', 'brokenPromises', 'slaBreaches');
    fc.assert(
      fc.property(facts, worse, (f, key) => {
        const build = (x: typeof f): PatienceFacts => ({ ...base, ...x, firstContactAt: new Date(now.getTime() - x.days * 86_400_000) });
        const before = scorePatience(build(f));
        const after = scorePatience(build({ ...f, [key]: f[key] + 1 }));
        expect(before.score).toBeGreaterThanOrEqual(0);
        expect(before.score).toBeLessThanOrEqual(100);
        expect(after.score).toBeLessThanOrEqual(before.score);
      }),
    );
  });
});
