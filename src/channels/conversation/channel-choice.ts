/**
 * Which channel a reply goes out on by default. The customer's own behaviour comes first — the
 * channel they last wrote on is the one they are watching — then the culture policy's preferred
 * channels (Germany: email; Brazil: WhatsApp), then anything that works. Pure, so the rule is
 * tested on its own and the same rule serves the API and the composer.
 */

/** Culture-engine channel ids that are a different name for one of ours. */
const POLICY_ALIASES: Record<string, string> = { webchat: 'chat' };

/** Our channel id for a culture-policy channel id (webchat → chat). */
export function fromPolicyChannel(channel: string): string {
  return POLICY_ALIASES[channel] ?? channel;
}

export interface ChannelOptionState {
  channel: string;
  /** A reply can be sent on it now. */
  available: boolean;
}

export interface ChoiceInput {
  /** Channels the customer used on this ticket, most recent first. */
  usedByCustomer: string[];
  /** The culture policy's channels, most preferred first (culture-engine ids). */
  policyChannels: string[];
  options: ChannelOptionState[];
}

export interface Choice {
  channel: string | null;
  reason: 'last-used' | 'policy' | 'first-available' | 'none';
}

/** Picks the default reply channel (see the module comment). */
export function chooseReplyChannel(input: ChoiceInput): Choice {
  const available = new Set(input.options.filter((o) => o.available).map((o) => o.channel));
  const lastUsed = input.usedByCustomer.find((c) => available.has(c));
  // Only the most recent channel counts as "last used": an older one is history, not habit.
  if (lastUsed && lastUsed === input.usedByCustomer[0]) return { channel: lastUsed, reason: 'last-used' };
  const preferred = input.policyChannels.map(fromPolicyChannel).find((c) => available.has(c));
  if (preferred) return { channel: preferred, reason: 'policy' };
  if (lastUsed) return { channel: lastUsed, reason: 'last-used' };
  const first = input.options.find((o) => o.available);
  return first ? { channel: first.channel, reason: 'first-available' } : { channel: null, reason: 'none' };
}
