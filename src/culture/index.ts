/**
 * Public surface of the culture engine for the server side. The web app imports `browser.ts`
 * instead, which leaves out everything that reads files or loads holiday data.
 */
export { checkCountryCode, countryName, isKnownCountry } from './country-code.js';
export { countriesWithData, countryPolicy, countryProfile, summarise, type CountrySummary, type ProfileOptions } from './catalog.js';
export { buildCountryProfile } from './profile.js';
export { contactPolicy, countryOfContact, editedCountryProfile, UNKNOWN_COUNTRY, type ContactPolicy } from './contact-policy.js';
export { deriveServicePolicy } from './policy.js';
export {
  resolveEffectivePolicy, type ContactRecordFacts, type EffectivePolicy, type PolicyChange, type PolicyLayer,
  type PolicyStep, type ResolveInput,
} from './effective-policy.js';
export {
  OBSERVED_CHANNEL_SHARE, OBSERVED_MIN_CASES, OBSERVED_MIN_CONTACTS, OBSERVED_WINDOW, type ObservedBehaviour,
} from './observed.js';
export { isPolicyField, validateOverride, type PolicyOverride, type PolicyOverrides } from './overrides.js';
export { CURATED_FIELDS, isCuratedField, validateCuratedValue, type CuratedEdits, type CuratedField } from './edits.js';
export { checkReplyAgainstPolicy, type ReplyWarning } from './reply-check.js';
export { addressForm, buildSalutation, renderSalutation, titleFromName, type PersonName } from './salutation.js';
export type { Gender, TitleKey } from './data/salutations.js';
export { SOURCES, DATA_VERSION } from './data/sources.js';
export * from './types.js';
export { detectLanguage } from './detect-language.js';
