/**
 * Gathers a contact's observed behaviour (channels, contacts per case, languages, signature)
 * from the tickets capability's exported reads, for the observed-behaviour rule.
 */
import type { DbOrTx } from '../db/index.js';
import { inboundContactsPerCase, recentInboundContacts } from '../tickets/index.js';
import { detectLanguage } from './detect-language.js';
import { OBSERVED_WINDOW, type ObservedBehaviour } from './observed.js';
import { consistentSignature } from './signature.js';
import { CHANNELS, type Channel } from './types.js';

/** How many recent cases the contacts-per-case median looks at. */
export const OBSERVED_CASES = 10;

const ALIASES: Readonly<Record<string, Channel>> = { web: 'webchat', portal: 'webchat', chat: 'webchat', widget: 'webchat', voice: 'phone', call: 'phone' };

/** Our policy channel id for a message channel, or null for channels a customer cannot be reached on. */
export function policyChannel(messageChannel: string): Channel | null {
  if ((CHANNELS as readonly string[]).includes(messageChannel)) return messageChannel as Channel;
  return ALIASES[messageChannel] ?? null;
}

export interface ObservedEvidence {
  observed: ObservedBehaviour;
  /** Inbound contacts looked at (≤ OBSERVED_WINDOW) and cases counted. */
  contacts: number;
  cases: number;
}

/** The contact's observed behaviour over the last OBSERVED_WINDOW contacts and OBSERVED_CASES cases. */
export async function observedBehaviourOf(db: DbOrTx, contactId: string): Promise<ObservedEvidence> {
  const inbound = await recentInboundContacts(db, contactId, OBSERVED_WINDOW);
  const channelCounts: Partial<Record<Channel, number>> = {};
  const languages: Record<string, number> = {};
  const written: string[] = [];
  for (const m of inbound) {
    const ch = policyChannel(m.channel);
    if (ch) channelCounts[ch] = (channelCounts[ch] ?? 0) + 1;
    // A call's message is the agent's note of it, not the customer's words.
    if (ch === 'phone') continue;
    written.push(m.bodyText);
    const lang = detectLanguage(m.bodyText);
    if (lang) languages[lang] = (languages[lang] ?? 0) + 1;
  }
  const perCase = (await inboundContactsPerCase(db, contactId, OBSERVED_CASES)).map((c) => c.inbound).filter((n) => n > 0);
  return {
    observed: { channelCounts, contactsPerCase: perCase, languages, signedName: consistentSignature(written) },
    contacts: inbound.length,
    cases: perCase.length,
  };
}
