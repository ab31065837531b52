/**
 * Turns a country profile into a service policy an agent can act on. Every field is computed
 * by a rule over the profile's data (src/culture/rules) and carries its one-sentence reason and
 * sources; nothing here looks up a per-country answer.
 */
import { explain } from './explanations.js';
import { deriveChannels } from './rules/channels.js';
import { deriveContinuity, deriveExpectedContacts, deriveFollowUpCadence } from './rules/contact-rhythm.js';
import { policyField } from './rules/field.js';
import { languageName } from './rules/formality.js';
import { deriveHierarchy, deriveHierarchyCautions } from './rules/hierarchy.js';
import { deriveAppearance, deriveProcedure } from './rules/procedure.js';
import { deriveContactHours, deriveWorkweek } from './rules/schedule.js';
import { deriveRegister, deriveTone } from './rules/tone.js';
import { buildSalutation, exampleGreeting } from './salutation.js';
import type { CountryProfile, PolicyField, Register, SalutationValue, ServicePolicy } from './types.js';

/**
 * Greeting and sign-off in a language and register. Exported because the effective policy
 * re-derives it when the contact's own language or signed name replaces the country's.
 */
export function salutationField(
  languageTag: string,
  register: Register,
  context: { country: string; countryCode: string; sources: string[]; nameOverride?: string | null },
): PolicyField<SalutationValue> {
  const { fallback, ...value } = buildSalutation(languageTag, register, context.nameOverride);
  const params = { languageName: languageName(languageTag), languageCode: languageTag, country: context.country, countryCode: context.countryCode, register, example: exampleGreeting(value) };
  return policyField(value, explain(fallback ? 'salutation.fallback' : 'salutation.country', params), [...context.sources, 'curated']);
}

/** The country-default service policy for a profile. */
export function deriveServicePolicy(profile: CountryProfile): ServicePolicy {
  const register = deriveRegister(profile);
  return {
    country: profile.country,
    channels: deriveChannels(profile),
    tone: deriveTone(profile),
    register,
    salutation: salutationField(profile.languages.value[0], register.value, {
      country: profile.name,
      countryCode: profile.country,
      sources: [...profile.languages.sources, ...register.sources],
    }),
    expectedContacts: deriveExpectedContacts(profile),
    followUpCadence: deriveFollowUpCadence(profile),
    continuity: deriveContinuity(profile),
    hierarchy: deriveHierarchy(profile),
    hierarchyCautions: deriveHierarchyCautions(profile),
    procedure: deriveProcedure(profile),
    appearance: deriveAppearance(profile),
    workweek: deriveWorkweek(profile),
    contactHours: deriveContactHours(profile),
  };
}
