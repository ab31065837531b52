import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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

/** "I will update you by …": follow-up promises shown to the customer and tracked. */
export const followUpPromises = pgTable(
  'follow_up_promises',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    channel: text('channel').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    keptAt: timestamp('kept_at', { withTimezone: true }),
    brokenAt: timestamp('broken_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    index('follow_up_promises_ticket_idx').on(t.ticketId, t.createdAt, t.id),
    index('follow_up_promises_open_idx').on(t.dueAt).where(sql`kept_at is null and broken_at is null and cancelled_at is null`),
  ],
);

/** Every transfer with the summary handed to the next owner. */
export const handoffs = pgTable(
  'handoffs',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id').notNull(),
    kind: text('kind', { enum: ['transfer', 'follow_the_sun'] }).notNull(),
    fromUserId: uuid('from_user_id'),
    fromTeamId: uuid('from_team_id'),
    toUserId: uuid('to_user_id'),
    toTeamId: uuid('to_team_id'),
    summary: text('summary').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('handoffs_ticket_idx').on(t.ticketId, t.createdAt, t.id)],
);

/** In-app notifications for staff (SLA warnings and breaches, promise reminders, hand-offs). */
export const agentNotifications = pgTable(
  'agent_notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    ticketId: uuid('ticket_id'),
    kind: text('kind').notNull(),
    data: jsonb('data').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('agent_notifications_user_idx').on(t.userId, t.createdAt, t.id)],
);

/** Outgoing webhook endpoints; deliveries are signed with the endpoint's secret. */
export const outboundWebhooks = pgTable('outbound_webhooks', {
  id: uuid('id').primaryKey(),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  events: text('events').array().notNull().default([]),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One event sent (or being sent) to one endpoint: the record of what left the system and when. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    webhookId: uuid('webhook_id').notNull().references(() => outboundWebhooks.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').notNull(),
    responseStatus: integer('response_status'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('webhook_deliveries_event_idx').on(t.webhookId, t.eventId), index('webhook_deliveries_endpoint_idx').on(t.webhookId, t.createdAt, t.id)],
);
