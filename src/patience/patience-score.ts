/**
 * A case's patience score: 100 is a customer with all their patience left, 0 is one who has
 * none. Seed 004: every new contact arrives with less patience than the one before, and what
 * burns it is repetition, delay, ping-pong, broken promises and silence.
 *
 * Contacts are read against the culture's expected contacts per case: an expressive culture
 * calls several times by habit, so a fourth call from Mumbai (expected ≈ 4) weighs about what a
 * second email from Helsinki (expected ≈ 1.5) does. Each reason carries the numbers behind it,
 * so the score always explains itself.
 */

export interface PatienceFacts {
  now: Date;
  /** When the customer first contacted us about this case. */
  firstContactAt: Date;
  /** Inbound contacts on this case (messages, calls, chats), the first one included. */
  customerContacts: number;
  /** Contacts per case that are normal for the customer's culture (culture engine). */
  expectedContacts: number;
  reopenings: number;
  transfers: number;
  pingPongs: number;
  brokenPromises: number;
  slaBreaches: number;
  /** The customer's oldest contact still without an answer, if any. */
  waitingSince?: Date | null;
}

export const PATIENCE_REASONS = ['repeat_contacts', 'case_age', 'waiting_for_reply', 'reopened', 'transfers', 'ping_pong', 'broken_promises', 'sla_breaches'] as const;
export type PatienceReasonCode = (typeof PATIENCE_REASONS)[number];

/** One cause of lost patience: points taken off and the numbers to show ("5 contacts, 4 expected"). */
export interface PatienceReason {
  code: PatienceReasonCode;
  points: number;
  values: Record<string, number>;
}

export type PatienceLevel = 'good' | 'strained' | 'low' | 'exhausted';

export interface PatienceScore {
  score: number;
  level: PatienceLevel;
  /** Largest cause first. */
  reasons: PatienceReason[];
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function capped(count: number, each: number, cap: number): number {
  return Math.min(cap, Math.max(0, count) * each);
}

/** Turns a score into the level the UI colours and remedies key on. */
export function patienceLevel(score: number): PatienceLevel {
  if (score >= 75) return 'good';
  if (score >= 50) return 'strained';
  if (score >= 25) return 'low';
  return 'exhausted';
}

/**
 * Scores a case's patience from its facts. Weights are deliberately simple and bounded per
 * cause, so no single cause hides the others and agents can see why the number moved.
 */
export function scorePatience(facts: PatienceFacts): PatienceScore {
  const reasons: PatienceReason[] = [];
  const add = (code: PatienceReasonCode, points: number, values: Record<string, number>) => {
    const rounded = Math.round(points);
    if (rounded > 0) reasons.push({ code, points: rounded, values });
  };

  const expected = Math.max(1, facts.expectedContacts);
  const repeats = Math.max(0, facts.customerContacts - 1);
  // Every contact after the first uses up 1/expected of the culture's normal contact budget.
  add('repeat_contacts', Math.min(35, (25 * repeats) / expected), { contacts: facts.customerContacts, expected: facts.expectedContacts });

  const days = Math.max(0, facts.now.getTime() - facts.firstContactAt.getTime()) / DAY_MS;
  // Logarithmic: the first days hurt most; five months of drag (seed 004) reaches the cap.
  add('case_age', Math.min(25, 6 * Math.log(1 + days)), { days: Math.floor(days) });

  if (facts.waitingSince) {
    const hours = Math.max(0, facts.now.getTime() - facts.waitingSince.getTime()) / HOUR_MS;
    add('waiting_for_reply', Math.min(15, 3 * Math.log(1 + hours)), { hours: Math.floor(hours) });
  }
  add('reopened', capped(facts.reopenings, 10, 20), { count: facts.reopenings });
  add('transfers', capped(facts.transfers, 4, 12), { count: facts.transfers });
  add('ping_pong', capped(facts.pingPongs, 12, 30), { count: facts.pingPongs });
  add('broken_promises', capped(facts.brokenPromises, 15, 30), { count: facts.brokenPromises });
  add('sla_breaches', capped(facts.slaBreaches, 6, 12), { count: facts.slaBreaches });

  reasons.sort((a, b) => b.points - a.points || PATIENCE_REASONS.indexOf(a.code) - PATIENCE_REASONS.indexOf(b.code));
  const score = Math.max(0, Math.min(100, 100 - reasons.reduce((s, r) => s + r.points, 0)));
  return { score, level: patienceLevel(score), reasons };
}
