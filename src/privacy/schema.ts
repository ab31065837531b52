import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const processingKinds = ['export', 'erase', 'retention'] as const;
export const processingStatuses = ['pending', 'done', 'failed'] as const;

/**
 * The record of processing an admin reads (GDPR art. 30): every export, erasure and retention run,
 * who asked, when, and what it touched — counts only, never the personal data itself.
 */
export const processingLog = pgTable(
  'privacy_processing_log',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: processingKinds }).notNull(),
    status: text('status', { enum: processingStatuses }).notNull(),
    /** The contact exported or erased (an id is not the person's data once the contact is erased). */
    contactId: uuid('contact_id'),
    organisationId: uuid('organisation_id'),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label'),
    counts: jsonb('counts').notNull().default({}),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('privacy_log_created_idx').on(t.createdAt.desc(), t.id.desc()), index('privacy_log_contact_idx').on(t.contactId, t.createdAt)],
);

/**
 * How long data is kept: one row for the default ("default") and one per organisation that has
 * its own rule. Null months/days = kept until someone deletes it.
 */
export const retentionPolicies = pgTable('privacy_retention_policies', {
  scope: text('scope').primaryKey(),
  organisationId: uuid('organisation_id').unique(),
  closedCaseMonths: integer('closed_case_months'),
  /** Raw input that never became a message (default scope only: it belongs to no organisation). */
  rawFailureDays: integer('raw_failure_days'),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
