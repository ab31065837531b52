/**
 * Derivations of the 1–5 ordinals when no curated value exists. Each is a documented
 * approximation, recorded with confidence 'derived' so nobody mistakes it for a measurement.
 */
import type { LewisWeights, Ordinal5 } from '../types.js';

/** Clamps and rounds any number into the 1–5 ordinal range. */
export function toOrdinal(x: number): Ordinal5 {
  return Math.min(5, Math.max(1, Math.round(x))) as Ordinal5;
}

/**
 * Expressiveness from the multi-active weight: multi-active people are talkative, emotional
 * and show it (Lewis). Thresholds 0.2 / 0.35 / 0.5 / 0.65 split the observed weight range.
 */
export function expressivenessFromLewis(lewis: LewisWeights): Ordinal5 {
  const m = lewis.multiActive;
  if (m >= 0.65) return 5;
  if (m >= 0.5) return 4;
  if (m >= 0.35) return 3;
  if (m >= 0.2) return 2;
  return 1;
}

/**
 * Context from individualism: collectivist societies are high-context far more often than not
 * (Hall; Hofstede's IDV correlates strongly with context). Used only where we curated no value.
 */
export function contextFromIndividualism(idv: number): Ordinal5 {
  if (idv >= 80) return 1;
  if (idv >= 60) return 2;
  if (idv >= 40) return 3;
  if (idv >= 20) return 4;
  return 5;
}

/**
 * Feedback directness approximated as the mirror of context. Meyer shows the two scales can
 * differ (the US is low-context yet softens criticism), so this is a last resort only.
 */
export function directnessFromContext(context: Ordinal5): Ordinal5 {
  return toOrdinal(6 - context);
}
