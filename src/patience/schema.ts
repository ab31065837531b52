import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
