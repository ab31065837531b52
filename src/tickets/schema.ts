import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const ticketStatuses = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const openStatuses = ['new', 'open', 'pending', 'on_hold'] as const;
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;

const openOnly = sql`status in ('new','open','pending','on_hold') and merged_into_id is null`;

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey(),
    number: bigserial('number', { mode: 'number' }).notNull().unique(),
    subject: text('subject').notNull(),
    status: text('status', { enum: ticketStatuses }).notNull().default('new'),
    priority: text('priority', { enum: ticketPriorities }).notNull().default('normal'),
    /** Sort key for priority: urgent first. Kept as a column so the queue can use an index. */
    priorityRank: integer('priority_rank').notNull().default(2),
    type: text('type'),
    channel: text('channel').notNull().default('web'),
    language: text('language'),
    teamId: uuid('team_id'),
    assigneeId: uuid('assignee_id'),
    organisationId: uuid('organisation_id'),
    siteId: uuid('site_id'),
    contactId: uuid('contact_id'),
    assetId: uuid('asset_id'),
    tags: text('tags').array().notNull().default([]),
    mergedIntoId: uuid('merged_into_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    solvedAt: timestamp('solved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('tickets_updated_idx').on(t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('tickets_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('tickets_open_updated_idx').on(t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(openOnly),
    index('tickets_open_priority_idx').on(t.priorityRank.desc().nullsFirst(), t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(openOnly),
    index('tickets_open_assignee_idx').on(t.assigneeId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(openOnly),
    index('tickets_open_team_idx').on(t.teamId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(openOnly),
    index('tickets_organisation_idx').on(t.organisationId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('tickets_contact_idx').on(t.contactId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('tickets_tags_idx').using('gin', t.tags),
    // Retention finds expired closed cases without a scan.
    index('tickets_closed_idx').on(t.closedAt).where(sql`status = 'closed'`),
    index('tickets_subject_fts_idx').using('gin', sql`to_tsvector('simple', ${t.subject})`),
  ],
);

export const messageKinds = ['message', 'note', 'event'] as const;
export const messageDirections = ['inbound', 'outbound', 'internal'] as const;

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: messageKinds }).notNull(),
    channel: text('channel').notNull(),
    direction: text('direction', { enum: messageDirections }).notNull(),
    authorUserId: uuid('author_user_id'),
    authorContactId: uuid('author_contact_id'),
    authorName: text('author_name'),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html'),
    /** Provider id (email Message-ID, WhatsApp wamid, …): makes inbound writes idempotent. */
    externalId: text('external_id'),
    metadata: jsonb('metadata').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('messages_ticket_idx').on(t.ticketId, t.createdAt, t.id),
    uniqueIndex('messages_external_idx').on(t.channel, t.externalId).where(sql`external_id is not null`),
    index('messages_body_fts_idx').using('gin', sql`to_tsvector('simple', ${t.bodyText})`),
  ],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    messageId: uuid('message_id').notNull().references(() => messages.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    contentId: text('content_id'),
    content: text('content_base64').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_message_idx').on(t.messageId)],
);

export const ticketLinkKinds = ['related', 'split_from', 'merged_into'] as const;

export const ticketLinks = pgTable(
  'ticket_links',
  {
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    otherId: uuid('other_id').notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ticketLinkKinds }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.otherId] }), index('ticket_links_other_idx').on(t.otherId)],
);
