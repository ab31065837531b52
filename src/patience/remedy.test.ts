import { describe, expect, it } from 'vitest';
import { scorePatience, type PatienceFacts } from './patience-score.js';
import { recommendRemedy } from './remedy.js';

const now = new Date('2026-03-10T12:00:00Z');
const base: PatienceFacts = { now, firstContactAt: now, customerContacts: 1, expectedContacts: 2, reopenings: 0, transfers: 0, pingPongs: 0, brokenPromises: 0, slaBreaches: 0 };
const remedy = (over: Partial<PatienceFacts>) => recommendRemedy(scorePatience({ ...base, ...over }));
const actions = (over: Partial<PatienceFacts>) => remedy(over).steps.map((s) => s.action);

describe('proportional remedy', () => {
  it('asks for nothing special on a fresh case', () => {
    expect(remedy({})).toEqual({ level: 0, goodwill: 'none', steps: [] });
  });

  it('a single failure earns an acknowledgement and an apology that names it, even with patience left', () => {
    const r = remedy({ brokenPromises: 1 });
    expect(r.level).toBe(2);
    expect(r.steps).toContainEqual({ action: 'apologise', because: ['broken_promises'] });
    expect(r.steps.map((s) => s.action)).toEqual(['acknowledge', 'explain_and_commit', 'apologise', 'new_firm_commitment']);
  });

  it('ping-pong calls for one owner who keeps the case', () => {
    expect(actions({ pingPongs: 1 })).toContain('single_owner');
  });

  it('low patience adds a senior owner and a call; exhausted patience adds a goodwill gesture and a manager', () => {
    const low = remedy({ customerContacts: 5, expectedContacts: 2, pingPongs: 1, transfers: 2 });
    expect(low.level).toBe(3);
    expect(low.steps.map((s) => s.action)).toEqual(expect.arrayContaining(['senior_owner', 'call_customer']));
    expect(low.goodwill).toBe('none');
    const exhausted = remedy({ customerContacts: 9, expectedContacts: 2, pingPongs: 2, brokenPromises: 2, firstContactAt: new Date('2025-12-01T00:00:00Z') });
    expect(exhausted).toMatchObject({ level: 4, goodwill: 'large' });
    expect(exhausted.steps.map((s) => s.action)).toEqual(expect.arrayContaining(['goodwill_gesture', 'manager_review', 'senior_owner']));
  });

  it('grows with the failure: more burned patience never means less remedy', () => {
    const levels = [{}, { customerContacts: 3 }, { customerContacts: 4, transfers: 1 }, { customerContacts: 6, pingPongs: 1 }, { customerContacts: 9, pingPongs: 3, brokenPromises: 2 }].map((f) => remedy(f).level);
    expect([...levels].sort()).toEqual(levels);
  });
});
