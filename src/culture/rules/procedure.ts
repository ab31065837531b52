/**
 * Procedure and on-site appearance (seed 000): rule-oriented cultures follow the manual, the
 * contract and the acceptance test to the letter; high-context and face-conscious ones care
 * how the work and the engineer look, not only whether it works.
 */
import { explain } from '../explanations.js';
import type { AppearancePolicy, CountryProfile, PolicyField, ProcedurePolicy } from '../types.js';
import { policyField } from './field.js';

/**
 * Strict when UAI ≥ 75 with PDI ≥ 30 (rules backed by authority), or UAI ≥ 60 with LTO ≥ 60
 * (Germany's rule orientation shows in LTO more than in UAI). Otherwise standard (UAI ≥ 50) or
 * flexible. A written recap after calls is asked of strict and of linear-active (≥ 0.5) cultures.
 */
export function deriveProcedure(p: CountryProfile): PolicyField<ProcedurePolicy> {
  const { uai, pdi, lto } = { uai: p.hofstede.uai.value, pdi: p.hofstede.pdi.value, lto: p.hofstede.lto.value };
  const linear = p.lewis.value.linearActive;
  const sources = [...p.hofstede.uai.sources, ...p.hofstede.pdi.sources, ...p.hofstede.lto.sources];
  const byUai = uai >= 75 && pdi >= 30;
  const byLto = uai >= 60 && lto >= 60;
  if (byUai || byLto) {
    const value: ProcedurePolicy = { strictness: 'strict', writtenRecapAfterCall: true, followManualAndContract: true, formalAcceptanceTest: true };
    return policyField(value, explain(byUai ? 'procedure.strict-uai' : 'procedure.strict-lto', { uai, pdi, lto }), sources);
  }
  const recap = linear >= 0.5;
  const recapNote = recap ? `; linear-active ${linear.toFixed(2)}, so recap calls in writing` : '';
  const strictness = uai >= 50 ? 'standard' : 'flexible';
  const value: ProcedurePolicy = { strictness, writtenRecapAfterCall: recap, followManualAndContract: false, formalAcceptanceTest: false };
  return policyField(value, explain(`procedure.${strictness}`, { uai, pdi, lto, recap: recapNote, recapFlag: recap ? 'yes' : 'no', linear: linear.toFixed(2) }), recap ? [...sources, ...p.lewis.sources] : sources);
}

/**
 * Formal when context ≥ 4 or in face cultures (PDI ≥ 50 and IDV ≤ 50), where a superior may
 * see the work; neat when order matters (UAI ≥ 60 with PDI ≥ 30, or context 3); practical in
 * low-context, task-oriented cultures (Israel, the US).
 */
export function deriveAppearance(p: CountryProfile): PolicyField<AppearancePolicy> {
  const ctx = p.context.value;
  const { pdi, idv, uai } = { pdi: p.hofstede.pdi.value, idv: p.hofstede.idv.value, uai: p.hofstede.uai.value };
  const sources = [...p.context.sources, ...p.hofstede.pdi.sources, ...p.hofstede.idv.sources];
  if (ctx >= 4 || (pdi >= 50 && idv <= 50)) {
    return policyField({ level: 'formal', tidyWorkspace: true } as AppearancePolicy, explain('appearance.formal', { ctx, pdi, idv }), sources);
  }
  if ((uai >= 60 && pdi >= 30) || ctx === 3) {
    return policyField({ level: 'neat', tidyWorkspace: true } as AppearancePolicy, explain('appearance.neat', { uai, ctx }), [...sources, ...p.hofstede.uai.sources]);
  }
  return policyField({ level: 'practical', tidyWorkspace: false } as AppearancePolicy, explain('appearance.practical', { ctx }), sources);
}
