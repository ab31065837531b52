import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Business calendars. `definition` is the inline calendar format of the API (validated by
 * src/sla/business-calendar.ts). A row with `country` set is the admin's override of that
 * country's default calendar.
 */
export const calendars = pgTable(
  'calendars',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    definition: jsonb('definition').notNull(),
    country: text('country'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('calendars_name_idx').on(t.name, t.id), uniqueIndex('calendars_country_idx').on(t.country).where(sql`country is not null`)],
);
