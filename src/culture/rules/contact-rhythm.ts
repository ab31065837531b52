/**
 * How often a customer will be in touch and how often to reach out: expected contacts per
 * case, follow-up cadence and whether the same agent should stay on the case. Expressive,
 * relationship cultures call several times and want a person; reserved ones want one complete
 * written answer and bond with the institution (seeds 001/002).
 */
import { explain } from '../explanations.js';
import type { CountryProfile, FollowUpCadence, PolicyField } from '../types.js';
import { policyField, w } from './field.js';

/**
 * Contacts a customer typically makes per case: 1 + 6 × (multi-active − 0.25), rounded, in
 * 1–5. A multi-active weight of 0.25 or less gives one contact; 0.75 gives four (Abhishek in
 * seed 002 "will call four times").
 */
export function expectedContactsFor(multiActive: number): number {
  return Math.min(5, Math.max(1, 1 + Math.round(Math.max(0, multiActive - 0.25) * 6)));
}

/** Expected contacts per case, explained by the multi-active weight. */
export function deriveExpectedContacts(p: CountryProfile): PolicyField<number> {
  const multi = p.lewis.value.multiActive;
  const n = expectedContactsFor(multi);
  const code = n > 1 ? 'expectedContacts.repeated' : 'expectedContacts.single';
  return policyField(n, explain(code, { n, multi: w(multi) }), p.lewis.sources);
}

/**
 * Follow-up cadence: oral cultures get proactive calls (daily when multi-active ≥ 0.65),
 * linear-active ones one complete reply and updates only on change, reactive or balanced ones
 * scheduled written updates — more often where uncertainty avoidance is high (≥ 75).
 */
export function deriveFollowUpCadence(p: CountryProfile): PolicyField<FollowUpCadence> {
  const { linearActive, multiActive, reactive } = p.lewis.value;
  const uai = p.hofstede.uai.value;
  const sources = [...p.lewis.sources, ...p.hofstede.uai.sources];
  if (multiActive >= 0.5) {
    const hours = multiActive >= 0.65 ? 8 : 16;
    const value = { mode: 'proactive-calls', intervalBusinessHours: hours, maxTouchesPerWeek: Math.round(multiActive * 7) } as const;
    return policyField<FollowUpCadence>(value, explain('cadence.proactive', { hours, multi: w(multiActive) }), p.lewis.sources);
  }
  if (linearActive >= 0.45 && multiActive < 0.3) {
    const value = { mode: 'single-complete-reply', intervalBusinessHours: null, maxTouchesPerWeek: 2 } as const;
    return policyField<FollowUpCadence>(value, explain('cadence.single', { linear: w(linearActive), multi: w(multiActive) }), p.lewis.sources);
  }
  const hours = uai >= 75 ? 16 : 24;
  const value = { mode: 'scheduled-written-updates', intervalBusinessHours: hours, maxTouchesPerWeek: 3 } as const;
  return policyField<FollowUpCadence>(value, explain('cadence.scheduled', { hours, reactive: w(reactive), uai }), sources);
}

/**
 * Same agent or any agent: relationship cultures (multi-active ≥ 0.45) and collectivist
 * reactive ones (individualism < 50, reactive ≥ 0.5) keep one agent; the rest bond with the
 * institution, so any agent will do if the hand-off note is complete.
 */
export function deriveContinuity(p: CountryProfile): PolicyField<'same-agent' | 'any-agent'> {
  const { linearActive, multiActive, reactive } = p.lewis.value;
  const idv = p.hofstede.idv.value;
  const sources = [...p.lewis.sources, ...p.hofstede.idv.sources];
  if (multiActive >= 0.45) return policyField('same-agent' as const, explain('continuity.person', { multi: w(multiActive) }), p.lewis.sources);
  if (idv < 50 && reactive >= 0.5) return policyField('same-agent' as const, explain('continuity.group', { idv, reactive: w(reactive) }), sources);
  return policyField('any-agent' as const, explain('continuity.institution', { idv, linear: w(linearActive) }), sources);
}
