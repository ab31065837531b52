/**
 * The part of the culture engine the web app may import: types, the reply checker and the
 * salutation renderer. Nothing here touches Node APIs or the holiday data.
 */
export { checkReplyAgainstPolicy, type ReplyCheckOptions, type ReplyPolicy, type ReplyWarning, type ReplyWarningCode } from './reply-check.js';
export { addressForm, addressFromEarlierGreeting, renderSalutation, titleFromName, type PersonName, type RenderedSalutation } from './salutation.js';
export type { Gender, TitleKey } from './data/salutations.js';
export { EXPLANATIONS, type ExplanationCode } from './explanations.js';
export * from './types.js';
export { type CountryDetail, type CountryPolicyAnswer, type CountrySummary, type EffectivePolicyAnswer, type OverrideAnswer, type PolicyLayer } from './api-types.js';
