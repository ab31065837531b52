import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    domains: text('domains').array().notNull().default([]),
    country: text('country'),
    industry: text('industry'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisations_name_idx').on(t.name, t.id)],
);

export const sites = pgTable(
  'sites',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    address: text('address'),
    city: text('city'),
    country: text('country').notNull(),
    timeZone: text('time_zone').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sites_organisation_idx').on(t.organisationId)],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'set null' }),
    /** The name as the person writes it, in their own script and order. */
    name: text('name').notNull(),
    givenName: text('given_name'),
    familyName: text('family_name'),
    country: text('country'),
    languages: text('languages').array().notNull().default([]),
    timeZone: text('time_zone'),
    preferredChannel: text('preferred_channel'),
    phones: text('phones').array().notNull().default([]),
    emails: text('emails').array().notNull().default([]),
    jobTitle: text('job_title'),
    seniority: text('seniority'),
    notes: text('notes'),
    /** Set when the person's data was erased (GDPR): the row stays, anonymous, so cases and reports keep their shape. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contacts_organisation_idx').on(t.organisationId),
    index('contacts_emails_idx').using('gin', t.emails),
    index('contacts_phones_idx').using('gin', t.phones),
    // The list's order (name, id): a page of all contacts, or of a type-ahead most contacts match,
    // walks this index instead of sorting the table.
    index('contacts_name_idx').on(t.name, t.id),
    // Type-ahead (`?q=` is a substring of the name or job title): trigrams find the candidates
    // in a few ms at 1M contacts instead of a scan. Must stay the same expression as
    // `contactSearchExpression` in routes.ts, or the planner will not use it.
    index('contacts_search_trgm_idx').using('gin', sql`(${t.name} || ' ' || coalesce(${t.jobTitle}, '')) gin_trgm_ops`),
  ],
);

export const slaTiers = ['platinum', 'gold', 'silver', 'bronze'] as const;
export const coverages = ['24x7', 'business_hours', 'extended'] as const;

export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    slaTier: text('sla_tier', { enum: slaTiers }).notNull(),
    coverage: text('coverage', { enum: coverages }).notNull(),
    calendarId: uuid('calendar_id'),
    siteIds: uuid('site_ids').array().notNull().default([]),
    assetIds: uuid('asset_ids').array().notNull().default([]),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contracts_organisation_idx').on(t.organisationId)],
);

export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'set null' }),
    model: text('model').notNull(),
    serial: text('serial').notNull(),
    installedOn: date('installed_on'),
    warrantyEndsOn: date('warranty_ends_on'),
    attributes: jsonb('attributes').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assets_organisation_idx').on(t.organisationId), index('assets_site_idx').on(t.siteId)],
);
