/**
 * Hierarchy level and the cautions that follow from it (seed 000): in high power-distance,
 * face-conscious cultures never go over the contact's head, match their seniority, print a
 * senior title on the visiting engineer's card, and give them results they can show upward.
 */
import { explain } from '../explanations.js';
import type { CountryProfile, HierarchyCaution, PolicyField } from '../types.js';
import { policyField } from './field.js';

export const CAUTION_TEXT: Readonly<Record<HierarchyCaution, string>> = {
  'never-bypass-contact': "never go over the contact's head to their managers",
  'match-seniority': 'match their seniority with an equally senior agent or engineer',
  'senior-title-on-card': "print a senior title on the visiting engineer's card",
  'results-to-show-upward': 'give the contact results they can show upward',
};

/** Low (PDI ≤ 35), moderate, or high (PDI ≥ 60) hierarchy. */
export function deriveHierarchy(p: CountryProfile): PolicyField<'low' | 'moderate' | 'high'> {
  const pdi = p.hofstede.pdi.value;
  const level = pdi >= 60 ? 'high' : pdi <= 35 ? 'low' : 'moderate';
  return policyField(level, explain('hierarchy.level', { pdi, level }), p.hofstede.pdi.sources);
}

/**
 * Cautions from power distance, individualism and context:
 * never bypass when PDI ≥ 50 and the culture saves face (IDV ≤ 50 or context ≥ 4);
 * match seniority when PDI ≥ 60; senior title on the card when PDI ≥ 50;
 * results to show upward when PDI ≥ 50 and IDV ≤ 50.
 */
export function deriveHierarchyCautions(p: CountryProfile): PolicyField<HierarchyCaution[]> {
  const pdi = p.hofstede.pdi.value;
  const idv = p.hofstede.idv.value;
  const ctx = p.context.value;
  const cautions: HierarchyCaution[] = [];
  if (pdi >= 50 && (idv <= 50 || ctx >= 4)) cautions.push('never-bypass-contact');
  if (pdi >= 60) cautions.push('match-seniority');
  if (pdi >= 50) cautions.push('senior-title-on-card');
  if (pdi >= 50 && idv <= 50) cautions.push('results-to-show-upward');
  const sources = [...p.hofstede.pdi.sources, ...p.hofstede.idv.sources, ...p.context.sources];
  if (cautions.length === 0) return policyField(cautions, explain('cautions.none', { pdi }), sources);
  return policyField(cautions, explain('cautions.some', { pdi, idv, ctx, list: cautions.map((c) => CAUTION_TEXT[c]).join('; '), cautionCodes: cautions.join(',') }), sources);
}
