/**
 * The effective policy of one contact, loaded from the database: their country's profile (with
 * managers' edits), the organisation's and contact's overrides, their own record and what they
 * were observed to do. Used by the API and by other capabilities (patience, routing).
 */
import type { DbOrTx } from '../db/index.js';
import { getContact, getOrganisation, type ContactRow } from '../customers/index.js';
import { countryProfile } from './catalog.js';
import { checkCountryCode } from './country-code.js';
import { resolveEffectivePolicy, type EffectivePolicy } from './effective-policy.js';
import { observedBehaviourOf, type ObservedEvidence } from './observed-store.js';
import { listCountryEdits, listOverrides, toCuratedEdits, toPolicyOverrides, type StoredOverride } from './store.js';
import { CHANNELS, type Channel, type CountryProfile } from './types.js';

/** Region used when neither the contact nor the organisation has a country: "the world". */
export const UNKNOWN_COUNTRY = '001';

export interface ContactPolicy extends EffectivePolicy {
  contact: ContactRow;
  country: string | null;
  profile: CountryProfile;
  evidence: ObservedEvidence;
  overrides: { organisation: StoredOverride[]; contact: StoredOverride[] };
}

/** The country whose culture applies to a contact: their own, else their organisation's. */
export async function countryOfContact(db: DbOrTx, contact: ContactRow): Promise<string | null> {
  const own = contact.country ? checkCountryCode(contact.country) : null;
  if (own?.ok) return own.code;
  if (!contact.organisationId) return null;
  const org = await getOrganisation(db, contact.organisationId);
  const theirs = org?.country ? checkCountryCode(org.country) : null;
  return theirs?.ok ? theirs.code : null;
}

/** A country's profile with the managers' edits applied. */
export async function editedCountryProfile(db: DbOrTx, country: string): Promise<CountryProfile> {
  return countryProfile(country, { edits: toCuratedEdits(await listCountryEdits(db, country)) });
}

/** The effective policy of a contact, or null when the contact does not exist. */
export async function contactPolicy(db: DbOrTx, contactId: string): Promise<ContactPolicy | null> {
  const contact = await getContact(db, contactId);
  if (!contact) return null;
  const country = await countryOfContact(db, contact);
  const [profile, orgOverrides, contactOverrides, evidence] = await Promise.all([
    country ? editedCountryProfile(db, country) : Promise.resolve(countryProfile(UNKNOWN_COUNTRY)),
    contact.organisationId ? listOverrides(db, 'organisation', contact.organisationId) : Promise.resolve([]),
    listOverrides(db, 'contact', contact.id),
    observedBehaviourOf(db, contact.id),
  ]);
  const preferred = contact.preferredChannel && (CHANNELS as readonly string[]).includes(contact.preferredChannel) ? (contact.preferredChannel as Channel) : null;
  const resolved = resolveEffectivePolicy({
    country: profile,
    organisationOverrides: toPolicyOverrides(orgOverrides),
    contactOverrides: toPolicyOverrides(contactOverrides),
    contact: { languages: contact.languages, preferredChannel: preferred, timeZone: contact.timeZone, givenName: contact.givenName },
    observed: evidence.observed,
  });
  return { ...resolved, contact, country, profile, evidence, overrides: { organisation: orgOverrides, contact: contactOverrides } };
}
