/**
 * The effective policy for one customer: the country default, then organisation overrides,
 * then the contact (their own record, then contact overrides), then what they were observed to
 * do. Admin overrides are decisions and are never overwritten by data; data about the contact
 * (record, observed behaviour) beats the country default. Each step lists what it changed.
 */
import { explain, type Explanation } from './explanations.js';
import { observedChannel, observedContacts, observedLanguage, type ObservedBehaviour } from './observed.js';
import { POLICY_VALUE_SCHEMAS, type PolicyOverrides } from './overrides.js';
import { deriveServicePolicy, salutationField } from './policy.js';
import { CHANNEL_LABELS, policyField } from './rules/field.js';
import { languageName } from './rules/formality.js';
import type { Channel, CountryProfile, PolicyField, PolicyFieldName, Register, ServicePolicy } from './types.js';

export type PolicyLayer = 'country' | 'organisation' | 'contact' | 'observed';

export interface PolicyChange {
  field: PolicyFieldName;
  from: unknown;
  to: unknown;
  why: string;
  whyCode: string;
  whyParams: Record<string, string | number>;
}

export interface PolicyStep {
  layer: PolicyLayer;
  changes: PolicyChange[];
  /** Overrides or observations that were present but not applied, and why. */
  skipped: { field: PolicyFieldName; reason: string }[];
}

/** Facts from the contact's own record that speak louder than their country. */
export interface ContactRecordFacts {
  languages?: string[];
  preferredChannel?: Channel | null;
  timeZone?: string | null;
  givenName?: string | null;
}

export interface ResolveInput {
  country: CountryProfile;
  organisationOverrides?: PolicyOverrides;
  contactOverrides?: PolicyOverrides;
  contact?: ContactRecordFacts;
  observed?: ObservedBehaviour | null;
}

export interface EffectivePolicy {
  policy: ServicePolicy;
  steps: PolicyStep[];
  /** Which layer set each field's final value. */
  origins: Record<PolicyFieldName, PolicyLayer>;
}

class Resolver {
  policy: ServicePolicy;
  steps: PolicyStep[] = [];
  origins = {} as Record<PolicyFieldName, PolicyLayer>;
  locked = new Set<PolicyFieldName>();
  language: string;
  nameOverride: string | null = null;

  constructor(private readonly profile: CountryProfile) {
    this.policy = deriveServicePolicy(profile);
    this.language = profile.languages.value[0];
    for (const f of Object.keys(this.policy) as (PolicyFieldName | 'country')[]) if (f !== 'country') this.origins[f] = 'country';
    this.steps.push({ layer: 'country', changes: [], skipped: [] });
  }

  step(layer: PolicyLayer): PolicyStep {
    const s = { layer, changes: [], skipped: [] };
    this.steps.push(s);
    return s;
  }

  set<F extends PolicyFieldName>(step: PolicyStep, field: F, next: ServicePolicy[F]): void {
    const from = this.policy[field].value;
    if (JSON.stringify(from) === JSON.stringify(next.value)) return;
    this.policy = { ...this.policy, [field]: next };
    this.origins[field] = step.layer;
    step.changes.push({ field, from, to: next.value, why: next.why, whyCode: next.whyCode, whyParams: next.whyParams });
  }

  /** Re-derives the greeting after its language, register or name changed, unless an admin fixed it. */
  refreshSalutation(step: PolicyStep, sourceNote: Explanation | null, source?: string): void {
    if (this.locked.has('salutation')) return;
    const sources = source ? [source, ...this.policy.salutation.sources] : this.policy.salutation.sources;
    const field = salutationField(this.language, this.policy.register.value as Register, {
      country: this.profile.name, countryCode: this.profile.country, sources, nameOverride: this.nameOverride,
    });
    this.set(step, 'salutation', sourceNote ? { ...field, ...sourceNote } : field);
  }

  applyOverrides(layer: 'organisation' | 'contact', overrides: PolicyOverrides | undefined, step = this.step(layer)): void {
    for (const [field, o] of Object.entries(overrides ?? {}) as [PolicyFieldName, NonNullable<PolicyOverrides[PolicyFieldName]>][]) {
      const parsed = POLICY_VALUE_SCHEMAS[field]?.safeParse(o.value);
      if (!parsed?.success) {
        step.skipped.push({ field, reason: 'stored override no longer matches the field schema' });
        continue;
      }
      const explanation = explain(`override.${layer}`, { by: o.by ?? 'an admin', reason: o.reason });
      this.set(step, field, policyField(parsed.data, explanation, ['override']) as ServicePolicy[typeof field]);
      this.locked.add(field);
      if (field === 'salutation') this.language = (parsed.data as { language: string }).language;
      if (field === 'register') this.refreshSalutation(step, null);
    }
  }

  applyContactRecord(step: PolicyStep, contact: ContactRecordFacts | undefined): void {
    if (!contact) return;
    const lang = contact.languages?.[0];
    if (lang && lang.split('-')[0] !== this.language.split('-')[0]) {
      if (this.locked.has('salutation')) step.skipped.push({ field: 'salutation', reason: `contact language ${lang} ignored: salutation is overridden by an admin` });
      else {
        this.language = lang;
        this.refreshSalutation(step, explain('contact.language', { languageName: languageName(lang), languageCode: lang }), 'contact-record');
      }
    }
    const pref = contact.preferredChannel;
    if (pref && this.policy.channels.value[0] !== pref) {
      if (this.locked.has('channels')) step.skipped.push({ field: 'channels', reason: `preferred channel ${pref} ignored: channels are overridden by an admin` });
      else {
        const value = [pref, ...this.policy.channels.value.filter((c) => c !== pref)];
        this.set(step, 'channels', policyField(value, explain('contact.channel', { channelLabel: CHANNEL_LABELS[pref], channelCode: pref }), ['contact-record']));
      }
    }
    if (contact.timeZone && contact.timeZone !== this.policy.contactHours.value.timeZone && !this.locked.has('contactHours')) {
      const value = { ...this.policy.contactHours.value, timeZone: contact.timeZone };
      this.set(step, 'contactHours', policyField(value, explain('contact.timeZone', { timeZone: contact.timeZone }), ['contact-record', ...this.policy.contactHours.sources]));
    }
  }

  applyObserved(observed: ObservedBehaviour | null | undefined, contact: ContactRecordFacts | undefined): void {
    const step = this.step('observed');
    if (!observed) return;
    const guarded = <F extends PolicyFieldName>(field: F, next: PolicyField<ServicePolicy[F]['value']> | null, what: string) => {
      if (!next) return;
      if (this.locked.has(field)) step.skipped.push({ field, reason: `${what}, but an admin override stays in force` });
      else this.set(step, field, next as ServicePolicy[F]);
    };
    const ch = observedChannel(observed, this.policy.channels.value);
    if (ch) guarded('channels', policyField(ch.value, ch.explanation, ['observed']), ch.explanation.why.replace(/\.$/, ''));
    const contacts = observedContacts(observed, this.policy);
    if (contacts.expectedContacts) guarded('expectedContacts', policyField(contacts.expectedContacts.value, contacts.expectedContacts.explanation, ['observed']), contacts.expectedContacts.explanation.why.replace(/\.$/, ''));
    if (contacts.cadence) guarded('followUpCadence', policyField(contacts.cadence.value, contacts.cadence.explanation, ['observed']), contacts.cadence.explanation.why.replace(/\.$/, ''));
    const lang = observedLanguage(observed, this.language);
    if (lang) {
      if (this.locked.has('salutation')) step.skipped.push({ field: 'salutation', reason: `${lang.explanation.why} An admin override stays in force.` });
      else {
        this.language = lang.value;
        this.refreshSalutation(step, lang.explanation, 'observed');
      }
    }
    const signed = observed.signedName?.trim();
    if (signed && !this.locked.has('salutation')) {
      this.nameOverride = signed;
      const given = contact?.givenName;
      const registerNote = given && !signed.split(/\s+/).includes(given) ? ` instead of "${given}" from the record` : '';
      this.refreshSalutation(step, explain('observed.signedName', { name: signed, registerNote, recordName: registerNote ? given ?? '' : '' }), 'observed');
    }
  }
}

/**
 * Resolves the policy one agent should follow for one contact, layer by layer, and says what
 * each layer changed and why. Pure: callers load profile, overrides and observations first.
 */
export function resolveEffectivePolicy(input: ResolveInput): EffectivePolicy {
  const r = new Resolver(input.country);
  r.applyOverrides('organisation', input.organisationOverrides);
  const contactStep = r.step('contact');
  // Contact overrides outrank the contact's record, so lock their fields before reading the record.
  for (const f of Object.keys(input.contactOverrides ?? {}) as PolicyFieldName[]) r.locked.add(f);
  r.applyContactRecord(contactStep, input.contact);
  r.applyOverrides('contact', input.contactOverrides, contactStep);
  r.applyObserved(input.observed, input.contact);
  return { policy: r.policy, steps: r.steps, origins: r.origins };
}
