/**
 * Outbound channel order, derived from how people in a culture prefer to communicate (Lewis
 * weights: talk vs write) and which messaging apps they use for business — not from a list of
 * answers per country.
 */
import { explain } from '../explanations.js';
import type { Channel, CountryProfile, PolicyField } from '../types.js';
import { CHANNEL_LABELS, policyField, w } from './field.js';

/** Multi-active weight at or above which the phone leads: talk beats writing. */
export const ORAL_FIRST_THRESHOLD = 0.5;

/**
 * Orders channels for reaching a customer:
 * - oral cultures (multi-active ≥ 0.5): phone, then the messaging apps businesses use there, then email;
 * - written cultures: a *dominant* business app first (WeChat in China), then email, then
 *   apps in common business use, then phone;
 * then the most used personal app, channels that matter locally (SMS in the US) and web chat.
 */
export function deriveChannels(p: CountryProfile): PolicyField<Channel[]> {
  const { linearActive, multiActive, reactive } = p.lewis.value;
  const m = p.messaging.value;
  const dominant = m.apps.filter((a) => m.businessUse[a] === 'dominant');
  const common = m.apps.filter((a) => m.businessUse[a] === 'common');
  const personal = m.apps.slice(0, 1);
  const sources = [...p.lewis.sources, ...p.messaging.sources];

  let head: Channel[];
  let explanation;
  if (multiActive >= ORAL_FIRST_THRESHOLD) {
    head = ['phone', ...dominant, ...common, 'email'];
    explanation = explain('channels.oral-first', { multi: w(multiActive) });
  } else if (dominant.length > 0) {
    head = [...dominant, 'email', ...common, 'phone'];
    explanation = explain('channels.dominant-app-first', { app: CHANNEL_LABELS[dominant[0]], appCode: dominant[0], country: p.name, countryCode: p.country, asOf: m.asOf });
  } else {
    head = ['email', ...common, 'phone'];
    explanation = explain('channels.written-first', { linear: w(linearActive), reactive: w(reactive) });
  }
  const ordered = [...new Set<Channel>([...head, ...personal, ...m.also, 'webchat'])];
  return policyField(ordered, explanation, sources);
}
