/**
 * The entry points the rest of Rapport uses: which countries we hold culture data for, the
 * profile and policy of any ISO country (with the global default where we hold none), and a
 * compact summary per country for lists and comparison charts.
 */
import { CONTEXT } from './data/communication.js';
import { REGIONAL_PROXY_MEMBERS } from './data/hofstede-codes.js';
import { ISO_COUNTRY_CODES } from './data/iso-countries.js';
import { LEWIS_WEIGHTS } from './data/lewis-weights.js';
import type { CountrySummary } from './api-types.js';
import type { CuratedEdits } from './edits.js';
import { hofstedeTable } from './hofstede-data.js';
import { deriveServicePolicy } from './policy.js';
import { buildCountryProfile } from './profile.js';
import type { CountryProfile, HofstedeDimension, ServicePolicy } from './types.js';
import { HOFSTEDE_DIMENSIONS } from './types.js';

export type { CountrySummary };

export interface ProfileOptions {
  edits?: CuratedEdits;
  /** Year of the listed public holidays; defaults to the current UTC year. */
  year?: number;
  /** False leaves the holiday list empty (faster, for lists and charts). */
  holidays?: boolean;
}

/**
 * ISO codes of every country with country-specific culture data: a national Hofstede row, a
 * regional aggregate standing in for it, or a curated Lewis placement or context. Sorted.
 */
export function countriesWithData(): string[] {
  const codes = new Set<string>(hofstedeTable().national.keys());
  for (const members of Object.values(REGIONAL_PROXY_MEMBERS)) for (const c of members) codes.add(c);
  for (const c of Object.keys(LEWIS_WEIGHTS)) codes.add(c);
  for (const c of Object.keys(CONTEXT)) codes.add(c);
  return [...codes].filter((c) => ISO_COUNTRY_CODES.has(c)).sort();
}

/** The profile of an ISO country (caller validates the code with `checkCountryCode`). */
export function countryProfile(iso2: string, opts: ProfileOptions = {}): CountryProfile {
  return buildCountryProfile(iso2, { table: hofstedeTable(), year: opts.year ?? new Date().getUTCFullYear(), edits: opts.edits, holidays: opts.holidays });
}

/** The country-default service policy of an ISO country. */
export function countryPolicy(iso2: string, opts: ProfileOptions = {}): ServicePolicy {
  return deriveServicePolicy(countryProfile(iso2, opts));
}

/** One row per country for the list endpoint and the comparison chart. */
export function summarise(profile: CountryProfile, policy: ServicePolicy): CountrySummary {
  const measured = HOFSTEDE_DIMENSIONS.filter((d) => profile.hofstede[d].confidence === 'measured').length;
  const proxied = profile.missing.some((m) => m.fallback === 'regional-aggregate');
  const coverage = profile.isDefault ? 'default' : measured >= 4 ? 'measured' : proxied ? 'proxy' : 'curated';
  return {
    code: profile.country,
    name: profile.name,
    coverage,
    hofstede: Object.fromEntries(HOFSTEDE_DIMENSIONS.map((d) => [d, profile.hofstede[d].value])) as Record<HofstedeDimension, number>,
    lewis: profile.lewis.value,
    register: policy.register.value,
    firstChannel: policy.channels.value[0],
    missing: profile.missing.length,
  };
}
