import { describe, expect, it } from 'vitest';
import { selectSlaPolicy, type PolicyScope } from './policy-selection.js';

const p = (id: string, tier: PolicyScope['tier'], priority: PolicyScope['priority'], active = true): PolicyScope => ({ id, tier, priority, active });
const policies = [p('default', null, null), p('urgent-any', null, 'urgent'), p('gold', 'gold', null), p('gold-urgent', 'gold', 'urgent'), p('old-platinum', 'platinum', null, false)];

describe('SLA policy selection', () => {
  it('picks the most specific active policy', () => {
    expect(selectSlaPolicy(policies, 'gold', 'urgent')?.id).toBe('gold-urgent');
    expect(selectSlaPolicy(policies, 'gold', 'low')?.id).toBe('gold');
    expect(selectSlaPolicy(policies, 'silver', 'urgent')?.id).toBe('urgent-any');
    expect(selectSlaPolicy(policies, null, 'normal')?.id).toBe('default');
  });

  it('prefers an exact tier over an exact priority, and skips inactive policies', () => {
    expect(selectSlaPolicy([p('u', null, 'high'), p('t', 'gold', null)], 'gold', 'high')?.id).toBe('t');
    expect(selectSlaPolicy(policies, 'platinum', 'normal')?.id).toBe('default');
    expect(selectSlaPolicy([p('x', 'gold', null)], 'silver', 'normal')).toBeNull();
  });
});
