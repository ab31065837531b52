/**
 * The observed-behaviour rule: what a contact actually does beats the country default.
 *
 * The rule (documented in data/README.md):
 * - Window: the contact's most recent inbound contacts (at most OBSERVED_WINDOW messages or
 *   calls, across all their tickets) and their most recent cases.
 * - Channel: with at least OBSERVED_MIN_CONTACTS contacts in the window, a channel carrying at
 *   least OBSERVED_CHANNEL_SHARE of them moves to the front of the channel order.
 * - Contacts per case: with at least OBSERVED_MIN_CASES cases, the median contacts per case
 *   replaces the expected contacts; a median of 3 or more switches the cadence to proactive
 *   calls (they chase, so call first), a median of 1 turns proactive calls into written updates.
 * - Language: with at least OBSERVED_MIN_CONTACTS detected messages, a language used in at least
 *   OBSERVED_CHANNEL_SHARE of them becomes the greeting language.
 * - Signed name: the name they sign with is the name the greeting uses.
 */
import { explain, type Explanation } from './explanations.js';
import { CHANNEL_LABELS } from './rules/field.js';
import { languageName } from './rules/formality.js';
import type { Channel, FollowUpCadence, ServicePolicy } from './types.js';

export const OBSERVED_WINDOW = 10;
export const OBSERVED_MIN_CONTACTS = 5;
export const OBSERVED_CHANNEL_SHARE = 0.6;
export const OBSERVED_MIN_CASES = 3;

export interface ObservedBehaviour {
  /** Inbound contacts per channel within the window (most recent OBSERVED_WINDOW). */
  channelCounts: Partial<Record<Channel, number>>;
  /** Inbound contacts in each of the contact's recent cases. */
  contactsPerCase: number[];
  /** Detected language (BCP 47 primary tag) of recent inbound messages → count. */
  languages: Record<string, number>;
  /** The name they consistently sign with, or null. */
  signedName: string | null;
}

export interface ObservedFinding<T> {
  value: T;
  explanation: Explanation;
}

const WRITTEN: ReadonlySet<Channel> = new Set(['email', 'webchat', 'sms', 'whatsapp', 'wechat', 'line', 'kakaotalk', 'telegram', 'viber', 'messenger', 'zalo']);

function top<K extends string>(counts: Partial<Record<K, number>>): { key: K; count: number; total: number } | null {
  const entries = Object.entries(counts) as [K, number][];
  const total = entries.reduce((a, [, n]) => a + (n ?? 0), 0);
  if (total === 0) return null;
  const [key, count] = entries.reduce((best, e) => (e[1] > best[1] ? e : best));
  return { key, count, total };
}

/** Median of a list of counts (upper median for even lengths, so chasing is not under-counted). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The channel the contact actually uses, when the evidence is strong enough; else null. */
export function observedChannel(o: ObservedBehaviour, current: Channel[]): ObservedFinding<Channel[]> | null {
  const t = top(o.channelCounts);
  if (!t || t.total < OBSERVED_MIN_CONTACTS || t.count / t.total < OBSERVED_CHANNEL_SHARE) return null;
  if (current[0] === t.key) return null;
  const summaryCode = t.key === 'phone' && WRITTEN.has(current[0]) ? 'calls' : t.key !== 'phone' && current[0] === 'phone' ? 'writes' : 'prefers';
  const summary = { calls: 'Calls rather than writes', writes: 'Writes rather than calls', prefers: `Prefers ${CHANNEL_LABELS[t.key]}` }[summaryCode];
  const channelLabel = t.key === 'phone' ? 'phone calls' : `${CHANNEL_LABELS[t.key]} messages`;
  return {
    value: [t.key, ...current.filter((c) => c !== t.key)],
    explanation: explain('observed.channel', { summary, summaryCode, count: t.count, total: t.total, channelLabel, channelCode: t.key }),
  };
}

/** Observed contacts per case and the cadence that follows, when enough cases exist. */
export function observedContacts(
  o: ObservedBehaviour,
  policy: Pick<ServicePolicy, 'expectedContacts' | 'followUpCadence'>,
): { expectedContacts: ObservedFinding<number> | null; cadence: ObservedFinding<FollowUpCadence> | null } {
  if (o.contactsPerCase.length < OBSERVED_MIN_CASES) return { expectedContacts: null, cadence: null };
  const observed = Math.max(1, Math.round(median(o.contactsPerCase)));
  const cases = o.contactsPerCase.length;
  const expected = policy.expectedContacts.value;
  const expectedContacts = observed === expected
    ? null
    : { value: observed, explanation: explain('observed.contacts', { observed, cases, expected }) };
  const mode = policy.followUpCadence.value.mode;
  let cadence: ObservedFinding<FollowUpCadence> | null = null;
  if (observed >= 3 && mode !== 'proactive-calls') {
    const hours = observed >= 4 ? 8 : 16;
    cadence = {
      value: { mode: 'proactive-calls', intervalBusinessHours: hours, maxTouchesPerWeek: Math.min(7, observed + 1) },
      explanation: explain('observed.cadence', { observed, cases, hours }),
    };
  } else if (observed <= 1 && mode === 'proactive-calls') {
    cadence = {
      value: { mode: 'scheduled-written-updates', intervalBusinessHours: 24, maxTouchesPerWeek: 3 },
      explanation: explain('observed.cadence.calm', { observed, cases, hours: 24 }),
    };
  }
  return { expectedContacts, cadence };
}

/** The language the contact writes in, when it dominates their recent messages. */
export function observedLanguage(o: ObservedBehaviour, currentLanguage: string): ObservedFinding<string> | null {
  const t = top(o.languages);
  if (!t || t.total < OBSERVED_MIN_CONTACTS || t.count / t.total < OBSERVED_CHANNEL_SHARE) return null;
  if (t.key.split('-')[0].toLowerCase() === currentLanguage.split('-')[0].toLowerCase()) return null;
  return {
    value: t.key,
    explanation: explain('observed.language', { languageName: languageName(t.key), languageCode: t.key, count: t.count, total: t.total }),
  };
}
