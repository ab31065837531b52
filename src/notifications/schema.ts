import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
