import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
