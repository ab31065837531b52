import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
// Foreign keys name the other capability's table: schema files may import each other's schema.ts.
import { contacts } from '../customers/schema.js';
import { messages, tickets } from '../tickets/schema.js';

/** How a contact is reached on each channel: the key that makes every channel one conversation. */
export const identityKinds = ['email', 'phone', 'telegram', 'chat'] as const;

export const contactIdentities = pgTable(
  'contact_identities',
  {
    id: uuid('id').primaryKey(),
    contactId: uuid('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: identityKinds }).notNull(),
    /** Normalised: lower-case email, E.164 number (voice, SMS, WhatsApp), Telegram chat id, chat visitor id. */
    value: text('value').notNull(),
    /** What the person calls themselves there (WhatsApp profile name, Telegram @username). */
    label: text('label'),
    /** The channel this identity was last used on (a number is used for calls, SMS and WhatsApp). */
    lastChannel: text('last_channel'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contact_identities_value_idx').on(t.kind, t.value), index('contact_identities_contact_idx').on(t.contactId)],
);

export const channelDirections = ['inbound', 'outbound'] as const;
export const channelStatuses = ['received', 'queued', 'sent', 'delivered', 'read', 'failed'] as const;

/**
 * Every message that crossed a channel, in or out, with the provider's id: the email Message-ID
 * (threading looks replies up here), WhatsApp wamid, Telegram chat:message, Twilio SID. Written in
 * the same transaction as the ticket message, so the two never disagree.
 */
export const channelMessages = pgTable(
  'channel_messages',
  {
    id: uuid('id').primaryKey(),
    channel: text('channel').notNull(),
    direction: text('direction', { enum: channelDirections }).notNull(),
    externalId: text('external_id'),
    ticketId: uuid('ticket_id').notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    /** The ticket message (tickets capability); null for mail that only left a trace (ignored auto-reply). */
    messageId: uuid('message_id'),
    contactId: uuid('contact_id'),
    /** The customer's address on this channel (email, E.164, chat id) — where a reply goes. */
    address: text('address'),
    status: text('status', { enum: channelStatuses }).notNull(),
    error: text('error'),
    metadata: jsonb('metadata').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('channel_messages_external_idx').on(t.channel, t.externalId).where(sql`external_id is not null`),
    uniqueIndex('channel_messages_outbound_idx').on(t.messageId).where(sql`direction = 'outbound'`),
    index('channel_messages_ticket_idx').on(t.ticketId, t.createdAt),
    index('channel_messages_contact_idx').on(t.contactId, t.channel, t.direction, t.createdAt),
  ],
);

/** Inbound input we could not turn into a message: kept raw, shown to admins, never dropped. */
export const inboundFailures = pgTable(
  'inbound_failures',
  {
    id: uuid('id').primaryKey(),
    channel: text('channel').notNull(),
    /** Where it came from: "smtp", "imap:<mailbox>", "webhook". */
    source: text('source').notNull(),
    reason: text('reason').notNull(),
    detail: text('detail'),
    /** The raw bytes, base64. */
    raw: text('raw_base64').notNull(),
    sha256: text('sha256').notNull(),
    envelope: jsonb('envelope').notNull().default({}),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inbound_failures_sha_idx').on(t.channel, t.sha256), index('inbound_failures_created_idx').on(t.createdAt, t.id)],
);

/** Email addresses Rapport answers for: the routing table for inbound mail and, optionally, an IMAP box to poll. */
export const emailMailboxes = pgTable(
  'email_mailboxes',
  {
    id: uuid('id').primaryKey(),
    address: text('address').notNull().unique(),
    /** Display name on outgoing mail ("Rapport Support"). */
    name: text('name'),
    teamId: uuid('team_id'),
    active: boolean('active').notNull().default(true),
    imapHost: text('imap_host'),
    imapPort: integer('imap_port'),
    imapSecure: boolean('imap_secure').notNull().default(true),
    imapUser: text('imap_user'),
    imapPassword: text('imap_password'),
    imapFolder: text('imap_folder').notNull().default('INBOX'),
    imapEnabled: boolean('imap_enabled').notNull().default(false),
    lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
    lastPollError: text('last_poll_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('email_mailboxes_created_idx').on(t.createdAt, t.id)],
);

/** Which team receives new conversations from a messaging channel (whatsapp, telegram, sms, phone, chat). */
export const channelRoutes = pgTable('channel_routes', {
  channel: text('channel').primaryKey(),
  teamId: uuid('team_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An embeddable web chat: its public key, team, opening hours and the sites allowed to embed it. */
export const chatWidgets = pgTable(
  'chat_widgets',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull().unique(),
    name: text('name').notNull(),
    teamId: uuid('team_id'),
    /** An SLA calendar (sla capability) giving the hours; or `hours` inline; neither = always open. */
    calendarId: uuid('calendar_id'),
    hours: jsonb('hours'),
    allowedOrigins: text('allowed_origins').array().notNull().default([]),
    color: text('color').notNull().default('#1c7ed6'),
    defaultLanguage: text('default_language').notNull().default('en'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('chat_widgets_created_idx').on(t.createdAt, t.id)],
);

/** A visitor's chat: the secret in their browser maps to a contact and the ticket. */
export const chatSessions = pgTable(
  'chat_sessions',
  {
    id: uuid('id').primaryKey(),
    widgetId: uuid('widget_id').notNull().references(() => chatWidgets.id, { onDelete: 'cascade' }),
    /** sha256 of the visitor's session secret (the browser keeps the secret). */
    secretHash: text('secret_hash').notNull().unique(),
    contactId: uuid('contact_id'),
    ticketId: uuid('ticket_id'),
    name: text('name'),
    /** The email the visitor typed: theirs to answer to, but not proof of who they are. */
    email: text('email'),
    /** When the visitor proved `email` is theirs (the link we sent to it was opened); only then is the chat joined to that address's contact. */
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** sha256 of the link token sent to `email`, and until when it works. */
    verifyTokenHash: text('verify_token_hash').unique(),
    verifyExpiresAt: timestamp('verify_expires_at', { withTimezone: true }),
    language: text('language'),
    /** Refreshed while the visitor's socket is open; older than a minute means the visitor left. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('chat_sessions_ticket_idx').on(t.ticketId)],
);

export const callStates = ['ringing', 'answered', 'ended'] as const;

/** Phone calls reported by the telephony system, for screen pops and the ticket log. */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey(),
    /** The telephony system's call id. */
    externalId: text('external_id').notNull().unique(),
    direction: text('direction').notNull().default('inbound'),
    fromNumber: text('from_number').notNull(),
    toNumber: text('to_number').notNull(),
    fromCountry: text('from_country'),
    contactId: uuid('contact_id'),
    ticketId: uuid('ticket_id'),
    agentUserId: uuid('agent_user_id'),
    state: text('state', { enum: callStates }).notNull(),
    ringingAt: timestamp('ringing_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    durationSeconds: integer('duration_seconds'),
    loggedMessageId: uuid('logged_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('calls_contact_idx').on(t.contactId, t.createdAt), index('calls_created_idx').on(t.createdAt, t.id)],
);

/** An agent's direct number or extension: a call to it pops on that agent's screen only. */
export const agentPhones = pgTable('agent_phones', {
  number: text('number').primaryKey(),
  userId: uuid('user_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every accepted email as it arrived, byte for byte, beside the message made from it: the
 * original an agent can download ("show original"), and what is kept when parsing lost something.
 * Goes with its message (retention) and with its contact (erasure).
 */
export const emailOriginals = pgTable('email_originals', {
  messageId: uuid('message_id').primaryKey().references(() => messages.id, { onDelete: 'cascade' }),
  raw: text('raw_base64').notNull(),
  sha256: text('sha256').notNull(),
  size: integer('size').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
