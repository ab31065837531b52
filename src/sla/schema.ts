import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
// Foreign keys name the other capability's table: schema files may import each other's schema.ts.
import { calendars } from '../calendars/schema.js';

/** SLA targets per contract tier and priority (either may be null: "any"). */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    tier: text('tier'),
    priority: text('priority'),
    firstResponseMinutes: integer('first_response_minutes'),
    nextUpdateMinutes: integer('next_update_minutes'),
    resolutionMinutes: integer('resolution_minutes'),
    warningPercent: integer('warning_percent').notNull().default(80),
    pauseOnHold: boolean('pause_on_hold').notNull().default(false),
    calendarId: uuid('calendar_id').references(() => calendars.id, { onDelete: 'set null' }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sla_policies_created_idx').on(t.createdAt, t.id)],
);

/** A regional team's shift calendar and its place in the follow-the-sun rotation. */

export const teamShifts = pgTable('team_shifts', {
  teamId: uuid('team_id').primaryKey(),
  calendarId: uuid('calendar_id').notNull().references(() => calendars.id, { onDelete: 'restrict' }),
  rotation: integer('rotation').notNull().default(0),
  handoffPriorities: text('handoff_priorities').array().notNull().default(['urgent']),
  active: boolean('active').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The SLA a ticket is measured against (policy targets and calendar, captured when the policy
 * was applied so later edits do not move the goalposts of a running case) and a summary of its
 * clocks for the queue, refreshed on every ticket change and by the SLA check job.
 */
export const ticketSla = pgTable(
  'ticket_sla',
  {
    ticketId: uuid('ticket_id').primaryKey(),
    policyId: uuid('policy_id'),
    policyName: text('policy_name'),
    targets: jsonb('targets'),
    calendar: jsonb('calendar'),
    calendarSource: text('calendar_source'),
    state: text('state'),
    metric: text('metric'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    warningAt: timestamp('warning_at', { withTimezone: true }),
    remainingMinutes: integer('remaining_minutes'),
    breaches: integer('breaches').notNull().default(0),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_sla_due_idx').on(t.dueAt), index('ticket_sla_state_idx').on(t.state)],
);

/**
 * Status and ownership changes of tickets with the instant they took effect: the history the
 * SLA clocks (pauses, reopenings) and ping-pong detection are computed from.
 */
export const ticketEvents = pgTable(
  'ticket_sla_events',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind', { enum: ['status', 'assignment'] }).notNull(),
    status: text('status'),
    assigneeId: uuid('assignee_id'),
    teamId: uuid('team_id'),
  },
  (t) => [index('ticket_sla_events_ticket_idx').on(t.ticketId, t.at, t.id)],
);

/** Alerts already sent, one row per clock cycle and kind: the unique key is what makes them fire once. */

export const slaAlerts = pgTable(
  'sla_alerts',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull().unique(),
    ticketId: uuid('ticket_id').notNull(),
    metric: text('metric').notNull(),
    kind: text('kind').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sla_alerts_ticket_idx').on(t.ticketId, t.createdAt)],
);
