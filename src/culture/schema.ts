import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const cultureOverrideScopes = ['organisation', 'contact'] as const;

/**
 * An admin's override of one service-policy field for an organisation or a contact, with the
 * reason. One row per (scope, scope id, field); the value has the field's policy shape.
 */
export const cultureOverrides = pgTable(
  'culture_overrides',
  {
    id: uuid('id').primaryKey(),
    scope: text('scope', { enum: cultureOverrideScopes }).notNull(),
    scopeId: uuid('scope_id').notNull(),
    field: text('field').notNull(),
    value: jsonb('value').notNull(),
    reason: text('reason').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('culture_overrides_scope_field_idx').on(t.scope, t.scopeId, t.field)],
);

/**
 * A manager's edit of a curated country field (Lewis weights, context, messaging apps …). Wins
 * over the shipped tables; one row per (country, field).
 */
export const cultureCountryEdits = pgTable(
  'culture_country_edits',
  {
    id: uuid('id').primaryKey(),
    country: text('country').notNull(),
    field: text('field').notNull(),
    value: jsonb('value').notNull(),
    note: text('note'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('culture_country_edits_field_idx').on(t.country, t.field), index('culture_country_edits_updated_idx').on(t.updatedAt)],
);
