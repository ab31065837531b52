/**
 * Tone and register of written replies: how directly to state problems, how warm to be, and
 * how formally to address the customer.
 */
import { explain } from '../explanations.js';
import type { CountryProfile, Directness, PolicyField, Register, Warmth } from '../types.js';
import { policyField } from './field.js';
import { deriveFormality, languageName } from './formality.js';

/**
 * Directness from curated feedback directness (Meyer) and context (Hall): direct when
 * directness ≥ 4 in a low/medium-context culture (≤ 3), indirect when directness ≤ 2 or
 * context is 5. Warmth from expressiveness, nudged by indulgence: warm at expressiveness ≥ 4
 * (or 3 with IVR ≥ 60), reserved at ≤ 2 unless IVR ≥ 60.
 */
export function deriveTone(p: CountryProfile): PolicyField<{ directness: Directness; warmth: Warmth }> {
  const fd = p.feedbackDirectness.value;
  const ctx = p.context.value;
  const expr = p.expressiveness.value;
  const ivr = p.hofstede.ivr.value;
  const directness: Directness = fd >= 4 && ctx <= 3 ? 'direct' : fd <= 2 || ctx >= 5 ? 'indirect' : 'balanced';
  const warmth: Warmth = expr >= 4 || (expr === 3 && ivr >= 60) ? 'warm' : expr <= 2 && ivr < 60 ? 'reserved' : 'neutral';
  const sources = [...p.feedbackDirectness.sources, ...p.context.sources, ...p.expressiveness.sources, ...p.hofstede.ivr.sources];
  return policyField({ directness, warmth }, explain(`tone.${directness}`, { fd, ctx, expr, ivr, warmth }), sources);
}

/**
 * Register of address. A derived profile formality is re-explained with the rule's numbers;
 * a curated or manager-edited one says so and quotes its note.
 */
export function deriveRegister(p: CountryProfile): PolicyField<Register> {
  const f = p.formality;
  if (f.confidence === 'derived') {
    const { explanation } = deriveFormality({ pdi: p.hofstede.pdi.value, uai: p.hofstede.uai.value, language: p.languages.value[0] });
    return policyField(f.value.register, explanation, [...f.sources, ...p.hofstede.pdi.sources]);
  }
  const register = f.value.register;
  return policyField(register, explain('register.curated', {
    register: register[0].toUpperCase() + register.slice(1), registerCode: register, country: p.name, countryCode: p.country, note: f.note ?? '',
  }), f.sources);
}

export { languageName };
