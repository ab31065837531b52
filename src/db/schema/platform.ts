import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Durable background jobs (src/jobs/queue.ts). A job is `pending` until a runner claims it: the
 * claim sets `running`, a fresh `claim_token` and a lease (`locked_until`) that the runner's
 * heartbeat keeps extending while the handler runs. Only the holder of the token may finish or
 * fail it. After `max_attempts` it is `failed` (the dead letter an admin sees and may retry);
 * `cancelled` is a job called off by its dedupe key. `done_at` is when it left the queue
 * (done, failed or cancelled); finished rows are purged after the retention period, failed ones
 * never.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull().default({}),
    state: text('state', { enum: ['pending', 'running', 'done', 'failed', 'cancelled'] }).notNull().default('pending'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    claimToken: uuid('claim_token'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    dedupeKey: text('dedupe_key'),
    lastError: text('last_error'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Claiming: due pending jobs, and running ones whose lease ran out.
    index('jobs_pending_idx').on(t.runAt).where(sql`state = 'pending'`),
    index('jobs_lease_idx').on(t.lockedUntil).where(sql`state = 'running'`),
    // The admin list (by state, newest first) and the retention purge.
    index('jobs_state_idx').on(t.state, t.id),
    index('jobs_finished_idx').on(t.doneAt).where(sql`state in ('done', 'cancelled')`),
    uniqueIndex('jobs_dedupe_idx').on(t.dedupeKey),
  ],
);

/** Fixed-window rate-limit counters, shared by all nodes. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
});

/** Key/value settings an admin changes at run time (audited). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
