import { z } from 'zod';
import { coverages, slaTiers } from './schema.js';
import { iso } from '../http/index.js';
import { permissionsSchema } from '../policies/index.js';
import { countrySchema, dateOnlySchema, e164Schema, idSchema, localeSchema, timeZoneSchema } from '../http/index.js';

const when = z.string().nullable();
/** What the caller may do with the record; filled in by `registerResource`, which knows the caller. */
const permissions = permissionsSchema('customer', ['update']);

export const organisationInput = z.object({
  name: z.string().min(1).max(300),
  domains: z.array(z.string().toLowerCase()).optional(),
  country: countrySchema.nullable().optional(),
  industry: z.string().max(200).nullable().optional(),
  notes: z.string().max(20000).nullable().optional(),
});
export const organisationSchema = z
  .object({ id: z.string(), name: z.string(), domains: z.array(z.string()), country: z.string().nullable(), industry: z.string().nullable(), notes: z.string().nullable(), createdAt: when, updatedAt: when, permissions })
  .meta({ id: 'Organisation' });

export const siteInput = z.object({
  organisationId: idSchema,
  name: z.string().min(1).max(300),
  address: z.string().max(1000).nullable().optional(),
  city: z.string().max(200).nullable().optional(),
  country: countrySchema,
  timeZone: timeZoneSchema,
});
export const siteSchema = z
  .object({ id: z.string(), organisationId: z.string(), name: z.string(), address: z.string().nullable(), city: z.string().nullable(), country: z.string(), timeZone: z.string(), permissions })
  .meta({ id: 'Site' });

export const contactInput = z.object({
  organisationId: idSchema.nullable().optional(),
  siteId: idSchema.nullable().optional(),
  name: z.string().min(1).max(300),
  givenName: z.string().max(200).nullable().optional(),
  familyName: z.string().max(200).nullable().optional(),
  country: countrySchema.nullable().optional(),
  languages: z.array(localeSchema).optional(),
  timeZone: timeZoneSchema.nullable().optional(),
  preferredChannel: z.string().max(40).nullable().optional(),
  phones: z.array(e164Schema).optional(),
  emails: z.array(z.string().email()).optional(),
  jobTitle: z.string().max(200).nullable().optional(),
  seniority: z.string().max(40).nullable().optional(),
  notes: z.string().max(20000).nullable().optional(),
});
export const contactSchema = z
  .object({
    id: z.string(), organisationId: z.string().nullable(), siteId: z.string().nullable(), name: z.string(), givenName: z.string().nullable(), familyName: z.string().nullable(),
    country: z.string().nullable(), languages: z.array(z.string()), timeZone: z.string().nullable(), preferredChannel: z.string().nullable(), phones: z.array(z.string()),
    emails: z.array(z.string()), jobTitle: z.string().nullable(), seniority: z.string().nullable(), notes: z.string().nullable(), createdAt: when, updatedAt: when,
    /** When the person's data was erased (GDPR); the record stays, anonymous. */
    erasedAt: when,
    permissions,
  })
  .meta({ id: 'Contact' });

export const contractInput = z.object({
  organisationId: idSchema,
  name: z.string().min(1).max(300),
  slaTier: z.enum(slaTiers),
  coverage: z.enum(coverages),
  calendarId: idSchema.nullable().optional(),
  siteIds: z.array(idSchema).optional(),
  assetIds: z.array(idSchema).optional(),
  startsOn: dateOnlySchema,
  endsOn: dateOnlySchema.nullable().optional(),
});
export const contractSchema = z
  .object({
    id: z.string(), organisationId: z.string(), name: z.string(), slaTier: z.enum(slaTiers), coverage: z.enum(coverages), calendarId: z.string().nullable(),
    siteIds: z.array(z.string()), assetIds: z.array(z.string()), startsOn: z.string(), endsOn: z.string().nullable(),
    permissions,
  })
  .meta({ id: 'Contract' });

export const assetInput = z.object({
  organisationId: idSchema,
  siteId: idSchema.nullable().optional(),
  model: z.string().min(1).max(300),
  serial: z.string().min(1).max(200),
  installedOn: dateOnlySchema.nullable().optional(),
  warrantyEndsOn: dateOnlySchema.nullable().optional(),
});
export const assetSchema = z
  .object({ id: z.string(), organisationId: z.string(), siteId: z.string().nullable(), model: z.string(), serial: z.string(), installedOn: z.string().nullable(), warrantyEndsOn: z.string().nullable(), permissions })
  .meta({ id: 'Asset' });

// Rows of five tables through one presenter table; each presenter reads the fields it knows.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;
/** A record's fields without its `permissions`, which depend on the caller. */
type Presented<S extends z.ZodTypeAny> = Omit<z.infer<S>, 'permissions'>;

/** Presenters: the fields the API shows for each customer record. */
export const presentOrganisation = (r: Row): Presented<typeof organisationSchema> => ({
  id: r.id, name: r.name, domains: r.domains, country: r.country, industry: r.industry, notes: r.notes, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt),
});
export const presentSite = (r: Row): Presented<typeof siteSchema> => ({
  id: r.id, organisationId: r.organisationId, name: r.name, address: r.address, city: r.city, country: r.country, timeZone: r.timeZone,
});
export const presentContact = (r: Row): Presented<typeof contactSchema> => ({
  id: r.id, organisationId: r.organisationId, siteId: r.siteId, name: r.name, givenName: r.givenName, familyName: r.familyName, country: r.country,
  languages: r.languages, timeZone: r.timeZone, preferredChannel: r.preferredChannel, phones: r.phones, emails: r.emails, jobTitle: r.jobTitle,
  seniority: r.seniority, notes: r.notes, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt), erasedAt: iso(r.erasedAt),
});
export const presentContract = (r: Row): Presented<typeof contractSchema> => ({
  id: r.id, organisationId: r.organisationId, name: r.name, slaTier: r.slaTier, coverage: r.coverage, calendarId: r.calendarId,
  siteIds: r.siteIds, assetIds: r.assetIds, startsOn: r.startsOn, endsOn: r.endsOn,
});
export const presentAsset = (r: Row): Presented<typeof assetSchema> => ({
  id: r.id, organisationId: r.organisationId, siteId: r.siteId, model: r.model, serial: r.serial, installedOn: r.installedOn, warrantyEndsOn: r.warrantyEndsOn,
});
