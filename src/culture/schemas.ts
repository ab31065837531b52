/**
 * zod schemas of the culture API's answers, named for the OpenAPI document so the web client's
 * generated types carry the full shape of profiles and policies.
 */
import { z } from 'zod';
import { CURATED_FIELD_SCHEMAS, lewisSchema, timeSlotSchema } from './edits.js';
import { POLICY_VALUE_SCHEMAS } from './overrides.js';
import { POLICY_FIELDS, type PolicyFieldName } from './types.js';

const confidence = z.enum(['measured', 'published', 'curated', 'derived']);
const sourced = <T extends z.ZodTypeAny>(value: T) =>
  z.object({ value, sources: z.array(z.string()), confidence, note: z.string().optional() });
const ordinal = z.number().int().min(1).max(5);
const weekday = z.number().int().min(1).max(7);
const scores = z.object({ pdi: z.number().nullable(), idv: z.number().nullable(), mas: z.number().nullable(), uai: z.number().nullable(), lto: z.number().nullable(), ivr: z.number().nullable() });

export const sourceInfoSchema = z
  .object({ id: z.string(), title: z.string(), url: z.string().optional(), licence: z.string().optional(), asOf: z.string(), confidence, attribution: z.string().optional() })
  .meta({ id: 'CultureSource' });

export const missingFieldSchema = z.object({ field: z.string(), fallback: z.enum(['regional-aggregate', 'derived', 'global-default']), detail: z.string() });

export const countryProfileSchema = z
  .object({
    country: z.string(),
    name: z.string(),
    dataVersion: z.string(),
    isDefault: z.boolean(),
    missing: z.array(missingFieldSchema),
    hofstede: z.object(Object.fromEntries(['pdi', 'idv', 'mas', 'uai', 'lto', 'ivr'].map((d) => [d, sourced(z.number())])) as Record<'pdi' | 'idv' | 'mas' | 'uai' | 'lto' | 'ivr', ReturnType<typeof sourced<z.ZodNumber>>>),
    subNational: z.array(z.object({ code: z.string(), name: z.string(), scores })),
    lewis: sourced(lewisSchema),
    context: sourced(ordinal),
    feedbackDirectness: sourced(ordinal),
    expressiveness: sourced(ordinal),
    formality: sourced(CURATED_FIELD_SCHEMAS.formality),
    languages: sourced(z.array(z.string())),
    nameOrder: sourced(z.enum(['givenFirst', 'surnameFirst'])),
    rtl: sourced(z.boolean()),
    week: sourced(z.object({ firstDay: weekday, weekend: z.array(weekday), workdays: z.array(weekday) })),
    businessHours: sourced(z.array(timeSlotSchema)),
    timeZones: sourced(z.array(z.string())),
    holidays: sourced(z.object({ year: z.number(), supported: z.boolean(), items: z.array(z.object({ date: z.string(), name: z.string() })) })),
    messaging: sourced(CURATED_FIELD_SCHEMAS.messaging),
  })
  .meta({ id: 'CountryCultureProfile' });

const policyFieldOf = (value: z.ZodTypeAny) =>
  z.object({ value, why: z.string(), whyCode: z.string(), whyParams: z.record(z.string(), z.union([z.string(), z.number()])), sources: z.array(z.string()) });

export const servicePolicySchema = z
  .object({
    country: z.string(),
    ...(Object.fromEntries(POLICY_FIELDS.map((f) => [f, policyFieldOf(POLICY_VALUE_SCHEMAS[f])])) as Record<PolicyFieldName, ReturnType<typeof policyFieldOf>>),
  })
  .meta({ id: 'ServicePolicy' });

export const countrySummarySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    coverage: z.enum(['measured', 'proxy', 'curated', 'default']),
    hofstede: z.object({ pdi: z.number(), idv: z.number(), mas: z.number(), uai: z.number(), lto: z.number(), ivr: z.number() }),
    lewis: z.object({ linearActive: z.number(), multiActive: z.number(), reactive: z.number() }),
    register: z.string(),
    firstChannel: z.string(),
    missing: z.number().int(),
  })
  .meta({ id: 'CountryCultureSummary' });

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const countryEditSchema = z
  .object({ country: z.string(), field: z.string(), value: z.unknown(), note: z.string().nullable(), updatedBy: person, updatedAt: z.string() })
  .meta({ id: 'CultureCountryEdit' });

export const countryDetailSchema = z
  .object({
    profile: countryProfileSchema,
    sources: z.array(sourceInfoSchema),
    edits: z.array(countryEditSchema),
    editableFields: z.array(z.string()),
    attribution: z.string(),
  })
  .meta({ id: 'CountryCultureDetail' });

export const countryPolicyAnswerSchema = z
  .object({ country: z.string(), name: z.string(), isDefault: z.boolean(), missing: z.array(missingFieldSchema), policy: servicePolicySchema })
  .meta({ id: 'CountryPolicy' });

export const overrideSchema = z
  .object({ field: z.enum(POLICY_FIELDS as [PolicyFieldName, ...PolicyFieldName[]]), value: z.unknown(), reason: z.string(), updatedBy: person, updatedAt: z.string() })
  .meta({ id: 'CultureOverride' });

const changeSchema = z.object({ field: z.string(), from: z.unknown(), to: z.unknown(), why: z.string(), whyCode: z.string(), whyParams: z.record(z.string(), z.union([z.string(), z.number()])) });

export const effectivePolicySchema = z
  .object({
    contactId: z.string(),
    country: z.string().nullable(),
    countryName: z.string(),
    policy: servicePolicySchema,
    steps: z.array(z.object({
      layer: z.enum(['country', 'organisation', 'contact', 'observed']),
      changes: z.array(changeSchema),
      skipped: z.array(z.object({ field: z.string(), reason: z.string() })),
    })),
    origins: z.record(z.string(), z.enum(['country', 'organisation', 'contact', 'observed'])),
    observed: z.object({
      contacts: z.number().int(),
      cases: z.number().int(),
      channelCounts: z.record(z.string(), z.number()),
      contactsPerCase: z.array(z.number()),
      languages: z.record(z.string(), z.number()),
      signedName: z.string().nullable(),
    }),
    overrides: z.object({ organisation: z.array(overrideSchema), contact: z.array(overrideSchema) }),
  })
  .meta({ id: 'EffectiveCulturePolicy' });

export const iso2Params = z.object({ iso2: z.string().max(20) });
export const overrideBody = z.object({ value: z.unknown(), reason: z.string().max(500) });
export const countryEditBody = z.object({ value: z.unknown(), note: z.string().max(500).nullable().optional() });
