/**
 * The shapes the culture API answers with, as TypeScript types the web app imports directly
 * (the zod schemas in `schemas.ts` describe the same shapes for OpenAPI). Type-only: importing
 * this file never pulls server code into the browser bundle.
 */
import type { SourceInfo } from './data/sources.js';
import type { PolicyLayer, PolicyStep } from './effective-policy.js';
import type { CountryProfile, HofstedeDimension, MissingField, PolicyFieldName, ServicePolicy } from './types.js';

export type { SourceInfo, PolicyLayer, PolicyStep };

export interface CountrySummary {
  code: string;
  name: string;
  /** 'measured': national Hofstede scores; 'proxy': filled from a regional aggregate; 'curated': only curated fields; 'default': nothing country-specific. */
  coverage: 'measured' | 'proxy' | 'curated' | 'default';
  hofstede: Record<HofstedeDimension, number>;
  lewis: { linearActive: number; multiActive: number; reactive: number };
  register: string;
  firstChannel: string;
  missing: number;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface StoredEditAnswer {
  country: string;
  field: string;
  value: unknown;
  note: string | null;
  updatedBy: PersonRef | null;
  updatedAt: string;
}

export interface CountryDetail {
  profile: CountryProfile;
  sources: SourceInfo[];
  edits: StoredEditAnswer[];
  editableFields: string[];
  attribution: string;
}

export interface CountryPolicyAnswer {
  country: string;
  name: string;
  isDefault: boolean;
  missing: MissingField[];
  policy: ServicePolicy;
}

export interface OverrideAnswer {
  field: PolicyFieldName;
  value: unknown;
  reason: string;
  updatedBy: PersonRef | null;
  updatedAt: string;
}

export interface EffectivePolicyAnswer {
  contactId: string;
  country: string | null;
  countryName: string;
  policy: ServicePolicy;
  steps: PolicyStep[];
  origins: Record<string, PolicyLayer>;
  observed: {
    contacts: number;
    cases: number;
    channelCounts: Record<string, number>;
    contactsPerCase: number[];
    languages: Record<string, number>;
    signedName: string | null;
  };
  overrides: { organisation: OverrideAnswer[]; contact: OverrideAnswer[] };
}
