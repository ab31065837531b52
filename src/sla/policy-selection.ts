/**
 * Which SLA policy applies to a ticket: policies are written per contract tier and priority,
 * either of which may be left open ("any tier", "any priority"). The most specific match wins,
 * so an admin can write one broad default and a few precise exceptions.
 */

export const SLA_TIERS = ['platinum', 'gold', 'silver', 'bronze'] as const;
export type SlaTier = (typeof SLA_TIERS)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface PolicyScope {
  id: string;
  /** null: applies to every tier (and to tickets without a contract). */
  tier: SlaTier | null;
  /** null: applies to every priority. */
  priority: Priority | null;
  active: boolean;
}

/**
 * Picks the policy for a ticket's tier (null when it has no contract) and priority. An exact
 * tier beats "any tier", then an exact priority beats "any priority"; among equals the first
 * given wins, so callers pass policies in a stable order (e.g. by creation).
 */
export function selectSlaPolicy<P extends PolicyScope>(policies: readonly P[], tier: SlaTier | null, priority: Priority): P | null {
  let best: P | null = null;
  let bestRank = -1;
  for (const p of policies) {
    if (!p.active) continue;
    if (p.tier !== null && p.tier !== tier) continue;
    if (p.priority !== null && p.priority !== priority) continue;
    const rank = (p.tier !== null ? 2 : 0) + (p.priority !== null ? 1 : 0);
    if (rank > bestRank) {
      best = p;
      bestRank = rank;
    }
  }
  return best;
}
