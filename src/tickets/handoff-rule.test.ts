import { describe, expect, it } from 'vitest';
import { needsHandoff } from './handoff-rule.js';

const owned = { assigneeId: 'a', teamId: 't', status: 'open' };

describe('needsHandoff', () => {
  it('requires a summary when the case leaves its owner, to someone else or to nobody', () => {
    expect(needsHandoff(owned, { assigneeId: 'b' })).toBe(true);
    expect(needsHandoff(owned, { assigneeId: null })).toBe(true);
  });
  it('requires one when a started case changes team', () => {
    expect(needsHandoff({ ...owned, assigneeId: null }, { teamId: 'u' })).toBe(true);
  });
  it('lets an unowned case be taken and a new case be triaged freely', () => {
    expect(needsHandoff({ assigneeId: null, teamId: 't', status: 'open' }, { assigneeId: 'a' })).toBe(false);
    expect(needsHandoff({ assigneeId: null, teamId: 't', status: 'new' }, { teamId: 'u' })).toBe(false);
  });
  it('ignores patches that keep the owner or touch other fields', () => {
    expect(needsHandoff(owned, { assigneeId: 'a', teamId: 't' })).toBe(false);
    expect(needsHandoff(owned, {})).toBe(false);
  });
});
