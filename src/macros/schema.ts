import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** What applying a macro does to the ticket besides inserting text. */
export interface MacroActions {
  status?: 'open' | 'pending' | 'on_hold' | 'solved' | null;
  addTags?: string[];
  assigneeId?: string | null;
  teamId?: string | null;
  /** A follow-up promise due this many business hours after the macro is applied. */
  promiseInBusinessHours?: number | null;
}

/**
 * Macros (canned replies): a title, personal (only its owner sees it) or shared, and a body per
 * language and register. `owner_user_id` is the creator for both; only personal ones are private.
 */
export const macros = pgTable(
  'macros',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    scope: text('scope', { enum: ['personal', 'shared'] }).notNull(),
    ownerUserId: uuid('owner_user_id').notNull(),
    teamId: uuid('team_id'),
    variants: jsonb('variants').$type<{ language: string; register: 'informal' | 'formal' | 'honorific'; body: string }[]>().notNull(),
    actions: jsonb('actions').$type<MacroActions>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The picker lists by title; shared ones for everybody, personal ones per owner.
    index('macros_scope_title_idx').on(t.scope, t.title, t.id),
    index('macros_owner_title_idx').on(t.ownerUserId, t.title, t.id),
  ],
);

export type MacroRow = typeof macros.$inferSelect;
