/**
 * Proportional remedy: what to do for a customer whose patience runs low, in proportion to
 * how much it has run down — a special effort for a special failure (seed 004).
 *
 * There is deliberately no "whose fault was it" input: the seed insists the practice is the
 * same whether the company or the customer erred, so the guidance depends only on what the
 * customer has been through.
 */
import type { PatienceReasonCode, PatienceScore } from './patience-score.js';

export const REMEDY_ACTIONS = [
  'acknowledge',
  'apologise',
  'explain_and_commit',
  'single_owner',
  'new_firm_commitment',
  'senior_owner',
  'call_customer',
  'goodwill_gesture',
  'manager_review',
] as const;
export type RemedyAction = (typeof REMEDY_ACTIONS)[number];

export interface RemedyStep {
  action: RemedyAction;
  /** The patience reasons that call for this step (empty when the overall score does). */
  because: PatienceReasonCode[];
}

export interface RemedyGuidance {
  /** 0 nothing special, 1 acknowledge, 2 apologise and re-own, 3 senior owner, 4 goodwill. */
  level: 0 | 1 | 2 | 3 | 4;
  /** Size of the goodwill gesture when one is due. */
  goodwill: 'none' | 'small' | 'medium' | 'large';
  steps: RemedyStep[];
}

const FAILURES: readonly PatienceReasonCode[] = ['ping_pong', 'broken_promises', 'sla_breaches', 'reopened'];

/**
 * Recommends steps for a case from its patience score. Any failure on our side of the
 * relationship (ping-pong, a broken promise, a breach, a reopening) earns an explicit apology
 * even while the score is still high; deeper loss adds a senior owner, a call and a gesture.
 */
export function recommendRemedy(patience: PatienceScore): RemedyGuidance {
  const present = new Set(patience.reasons.map((r) => r.code));
  const failures = FAILURES.filter((f) => present.has(f));
  const steps: RemedyStep[] = [];
  const step = (action: RemedyAction, because: PatienceReasonCode[] = []) => steps.push({ action, because });
  const score = patience.score;

  let level: RemedyGuidance['level'] = 0;
  if (score < 90 || failures.length > 0) level = 1;
  if (score < 75 || failures.length > 0) level = Math.max(level, 2) as RemedyGuidance['level'];
  if (score < 50) level = 3;
  if (score < 25) level = 4;
  if (level === 0) return { level, goodwill: 'none', steps };

  step('acknowledge', patience.reasons.slice(0, 2).map((r) => r.code));
  step('explain_and_commit');
  if (level >= 2) step('apologise', failures.length > 0 ? failures : patience.reasons.slice(0, 2).map((r) => r.code));
  if (present.has('ping_pong') || present.has('transfers')) step('single_owner', ['ping_pong', 'transfers'].filter((c) => present.has(c as PatienceReasonCode)) as PatienceReasonCode[]);
  if (present.has('broken_promises')) step('new_firm_commitment', ['broken_promises']);
  if (level >= 3) {
    step('senior_owner');
    step('call_customer');
  }
  let goodwill: RemedyGuidance['goodwill'] = 'none';
  if (level >= 4) {
    goodwill = score < 10 ? 'large' : 'medium';
    step('goodwill_gesture', patience.reasons.slice(0, 3).map((r) => r.code));
    step('manager_review');
  } else if (level === 3 && failures.length >= 2) {
    goodwill = 'small';
    step('goodwill_gesture', failures);
  }
  return { level, goodwill, steps };
}
