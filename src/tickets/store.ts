import { and, asc, desc, eq, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/index.js';
import { attachments, messages, ticketLinks, tickets } from './schema.js';
import { contacts, organisations } from '../customers/index.js';
import { teams, users } from '../users/index.js';

export type TicketRow = typeof tickets.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;

/** A ticket with the names a queue shows, fetched in the same query (no lookups per page). */
export type TicketListRow = TicketRow & { contactName: string | null; organisationName: string | null; assigneeName: string | null; teamName: string | null };

export type TicketSort = 'updated_desc' | 'created_desc' | 'created_asc' | 'priority_desc';

export interface TicketFilter {
  status?: string[];
  assigneeId?: string | null; // null = unassigned
  teamId?: string;
  organisationId?: string;
  contactId?: string;
  priority?: string[];
  tag?: string;
  q?: string;
  /** Search only what a customer may see: the subject, the number and customer-visible messages. */
  publicOnly?: boolean;
  includeMerged?: boolean;
  /**
   * How `q` is matched (see `textCondition`); `listTickets` picks one from the planner's estimate
   * when unset. Both give the same rows: tests set it to compare them.
   */
  searchStrategy?: SearchStrategy;
}

/**
 * `index`: collect every matching ticket from the full-text GIN indexes (cost grows with the
 * number of hits — right for a rare word). `walk`: walk the queue's sort index and test each
 * ticket until the page is full (cost grows with tickets per hit — right for a common word).
 */
export type SearchStrategy = 'index' | 'walk';

const sortColumns = {
  updated_desc: { cols: [tickets.updatedAt, tickets.id], dir: 'desc' },
  created_desc: { cols: [tickets.createdAt, tickets.id], dir: 'desc' },
  created_asc: { cols: [tickets.createdAt, tickets.id], dir: 'asc' },
  priority_desc: { cols: [tickets.priorityRank, tickets.updatedAt, tickets.id], dir: 'desc' },
} as const;

/** The sort key of a row for its cursor, in the order of the sort's columns. */
export function ticketSortKey(sort: TicketSort, row: TicketRow): unknown[] {
  if (sort === 'priority_desc') return [row.priorityRank, row.updatedAt.toISOString(), row.id];
  const at = sort === 'updated_desc' ? row.updatedAt : row.createdAt;
  return [at.toISOString(), row.id];
}

/**
 * Keyset condition "after this row", as a row comparison `(a, b) < (x, y)`: PostgreSQL uses it
 * as an index condition and starts the scan at the cursor. (The spelled-out OR form was only a
 * filter: page 200 of the queue read and dropped 10,000 index entries first.) Every column of a
 * sort has the same direction, so one comparison is exact.
 */
function afterKey(sort: TicketSort, key: unknown[]): SQL {
  const { cols, dir } = sortColumns[sort];
  const values = key.map((v, i) => (cols[i] === tickets.updatedAt || cols[i] === tickets.createdAt ? new Date(String(v)) : v));
  const left = sql.join(cols.map((c) => sql`${c}`), sql`, `);
  const right = sql.join(values.map((v, i) => (cols[i] === tickets.id ? sql`${v}::uuid` : cols[i] === tickets.priorityRank ? sql`${v}::int` : sql`${v}::timestamptz`)), sql`, `);
  return dir === 'desc' ? sql`(${left}) < (${right})` : sql`(${left}) > (${right})`;
}

/** Filters as SQL, shared by the list and by anything that needs the same selection. */
export function ticketConditions(filter: TicketFilter): SQL[] {
  const c: SQL[] = [];
  if (!filter.includeMerged) c.push(sql`${tickets.mergedIntoId} is null`);
  if (filter.status?.length) c.push(inArray(tickets.status, filter.status as TicketRow['status'][]));
  if (filter.assigneeId === null) c.push(sql`${tickets.assigneeId} is null`);
  else if (filter.assigneeId) c.push(eq(tickets.assigneeId, filter.assigneeId));
  if (filter.teamId) c.push(eq(tickets.teamId, filter.teamId));
  if (filter.organisationId) c.push(eq(tickets.organisationId, filter.organisationId));
  if (filter.contactId) c.push(eq(tickets.contactId, filter.contactId));
  if (filter.priority?.length) c.push(inArray(tickets.priority, filter.priority as TicketRow['priority'][]));
  if (filter.tag) c.push(sql`${tickets.tags} @> array[${filter.tag}]::text[]`);
  if (filter.q) c.push(textCondition(filter.q, filter.searchStrategy ?? 'index', filter.publicOnly ?? false));
  return c;
}

/**
 * The text condition of a search: the ticket's number, a word of its subject, or a word of one of
 * its messages (only those a customer may see when `publicOnly`).
 */
function textCondition(raw: string, strategy: SearchStrategy, publicOnly: boolean): SQL {
  const q = raw.trim();
  const numberMatch = /^#?(\d{1,12})$/.exec(q);
  const number = numberMatch ? Number(numberMatch[1]) : -1;
  const text = sql`plainto_tsquery('simple', ${q})`;
  const visible = publicOnly ? sql` and ${customerVisibleSql()}` : sql``;
  if (strategy === 'walk') {
    // Tested row by row while the sort index is walked: the subject's tsvector is computed on the
    // spot and the messages are reached through messages_ticket_idx, so a page costs about
    // (page size ÷ share of tickets that match) tickets, whatever the total number of hits.
    return sql`(${tickets.number} = ${number} or to_tsvector('simple', ${tickets.subject}) @@ ${text}
      or exists (select 1 from ${messages} where ${messages.ticketId} = ${tickets.id} and to_tsvector('simple', ${messages.bodyText}) @@ ${text}${visible}))`;
  }
  // A union of id lists, not an OR of conditions: each branch uses its own index (number,
  // subject GIN, message GIN). Wrapped in array(…) so it runs once and the tickets are then
  // fetched by primary key, whatever the planner guesses about how many rows match.
  return sql`${tickets.id} = any(array(
    select id from tickets where number = ${number}
    union select id from tickets where to_tsvector('simple', subject) @@ ${text}
    union select ticket_id from messages where to_tsvector('simple', body_text) @@ ${text}${visible}))`;
}

/**
 * Picks the search strategy from the planner's row estimates (one EXPLAIN, no rows read). The walk
 * tests about `page × tickets ÷ hits` tickets, the index path fetches and sorts every hit, so the
 * walk wins once the hits pass roughly √(40 × tickets) — measured at 250,000 tickets, see
 * docs/performance.md. But a wrong walk is the expensive mistake (a word on no ticket walks the
 * whole table), and the planner knows a word is common only when ANALYZE listed it among the
 * full-text index's most common words; any other word gets a floor estimate. So the estimate is
 * compared with that floor, read from a word no ticket has: the walk is taken only for a word the
 * statistics know to be frequent, and an unanalysed table always takes the index path.
 */
export async function chooseSearchStrategy(db: DbOrTx, q: string): Promise<SearchStrategy> {
  const text = sql`plainto_tsquery('simple', ${q.trim()})`;
  const none = sql`to_tsquery('simple', 'rapportnosuchwordanywhere')`;
  const [{ total }] = await queryRows<{ total: number }>(db, sql`select greatest(reltuples, 0)::float8 as total from pg_class where oid = 'tickets'::regclass`);
  if (total < 1000) return 'index';
  const subjects = (query: SQL) => estimatedRows(db, sql`select 1 from tickets where to_tsvector('simple', subject) @@ ${query}`);
  const bodies = (query: SQL) => estimatedRows(db, sql`select 1 from messages where to_tsvector('simple', body_text) @@ ${query}`);
  const [subject, body, subjectFloor, bodyFloor] = [await subjects(text), await bodies(text), await subjects(none), await bodies(none)];
  const hits = subject + body;
  return hits > 2 * (subjectFloor + bodyFloor) && hits * hits > 40 * total ? 'walk' : 'index';
}

/** The planner's row estimate for a query (its top plan node; a Gather's is the total). */
async function estimatedRows(db: DbOrTx, query: SQL): Promise<number> {
  const rows = await queryRows<{ 'QUERY PLAN': unknown }>(db, sql`explain (format json) ${query}`);
  const raw = rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[];
  return plan[0]?.Plan['Plan Rows'] ?? 0;
}

/**
 * One page of tickets; fetches `limit + 1` rows so the caller knows whether there is a next page.
 * The page is chosen first, on the tickets table alone (ordered and cut by the sort's index), and
 * only its rows are joined to the names: a search never joins contacts for hits it then drops.
 */
export async function listTickets(db: DbOrTx, filter: TicketFilter, sort: TicketSort, limit: number, after?: unknown[]): Promise<TicketListRow[]> {
  const strategy = filter.q && !filter.searchStrategy ? await chooseSearchStrategy(db, filter.q) : filter.searchStrategy;
  const conditions = ticketConditions({ ...filter, searchStrategy: strategy });
  if (after) conditions.push(afterKey(sort, after));
  const { cols, dir } = sortColumns[sort];
  const order = sql.join(cols.map((c) => (dir === 'desc' ? sql`${c} desc` : sql`${c} asc`)), sql`, `);
  const page = sql`${tickets.id} = any(array(select ${tickets.id} from ${tickets} where ${and(...conditions) ?? sql`true`} order by ${order} limit ${limit + 1}))`;
  return db
    .select({ ...getTableColumns(tickets), contactName: contacts.name, organisationName: organisations.name, assigneeName: users.name, teamName: teams.name })
    .from(tickets)
    .leftJoin(contacts, eq(contacts.id, tickets.contactId))
    .leftJoin(organisations, eq(organisations.id, tickets.organisationId))
    .leftJoin(users, eq(users.id, tickets.assigneeId))
    .leftJoin(teams, eq(teams.id, tickets.teamId))
    .where(page)
    .orderBy(...cols.map((c) => (dir === 'desc' ? desc(c) : asc(c))))
    .limit(limit + 1);
}

export async function getTicket(db: DbOrTx, id: string): Promise<TicketRow | null> {
  const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
  return row ?? null;
}

export async function getTicketByNumber(db: DbOrTx, number: number): Promise<TicketRow | null> {
  const [row] = await db.select().from(tickets).where(eq(tickets.number, number));
  return row ?? null;
}

/**
 * System events written for the customer to read (seed 004: a shared paper trail — who has the
 * case now, when the next update is promised, that a duplicate was merged in) and the metadata keys
 * each may show them. Every other event (bounces, delivery failures naming addresses,
 * auto-replies) is internal. A merge is shown only when written `forCustomer`: both tickets were
 * the same organisation's, so its subject names nothing the customer could not read already.
 */
export const customerEvents: Readonly<Record<string, readonly string[]>> = {
  promise: ['event', 'dueAt', 'channel', 'by'],
  handoff: ['event', 'toName'],
  merged: ['event', 'sourceNumber', 'sourceSubject'],
};
/** Events a customer sees only when the event itself says it was written for them. */
const customerEventsWhenMarked: readonly string[] = ['merged'];

/** Whether a customer may see this entry: a public message, or an event written for them. */
export function isCustomerVisibleMessage(m: Pick<MessageRow, 'kind' | 'direction' | 'metadata'>): boolean {
  if (m.kind === 'message') return m.direction !== 'internal';
  if (m.kind !== 'event') return false;
  const metadata = (m.metadata ?? {}) as { event?: unknown; forCustomer?: unknown };
  const event = metadata.event;
  if (typeof event !== 'string' || !Object.hasOwn(customerEvents, event)) return false;
  return !customerEventsWhenMarked.includes(event) || metadata.forCustomer === true;
}

/** `isCustomerVisibleMessage` as SQL, so a customer's page of messages is filtered before it is cut. */
function customerVisibleSql(): SQL {
  const always = Object.keys(customerEvents).filter((e) => !customerEventsWhenMarked.includes(e));
  const list = (events: readonly string[]) => sql.join(events.map((e) => sql`${e}`), sql`, `);
  const event = sql`${messages.metadata}->>'event'`;
  return sql`((${messages.kind} = 'message' and ${messages.direction} <> 'internal') or (${messages.kind} = 'event' and (${event} in (${list(always)}) or (${event} in (${list(customerEventsWhenMarked)}) and ${messages.metadata}->>'forCustomer' = 'true'))))`;
}

/** Messages of a ticket, oldest first, keyset-paginated on (created_at, id). */
export async function listMessages(db: DbOrTx, ticketId: string, limit: number, after?: [string, string], includeNotes = true): Promise<MessageRow[]> {
  const conditions: (SQL | undefined)[] = [eq(messages.ticketId, ticketId)];
  if (!includeNotes) conditions.push(sql`${messages.kind} <> 'note'`);
  if (after) conditions.push(sql`(${messages.createdAt}, ${messages.id}) > (${new Date(after[0])}::timestamptz, ${after[1]}::uuid)`);
  return db.select().from(messages).where(and(...conditions)).orderBy(asc(messages.createdAt), asc(messages.id)).limit(limit + 1);
}

/** The entries of a ticket a customer may see (`isCustomerVisibleMessage`), oldest first, keyset-paginated. */
export async function listCustomerMessages(db: DbOrTx, ticketId: string, limit: number, after?: [string, string]): Promise<MessageRow[]> {
  const conditions: SQL[] = [eq(messages.ticketId, ticketId), customerVisibleSql()];
  if (after) conditions.push(sql`(${messages.createdAt}, ${messages.id}) > (${new Date(after[0])}::timestamptz, ${after[1]}::uuid)`);
  return db.select().from(messages).where(and(...conditions)).orderBy(asc(messages.createdAt), asc(messages.id)).limit(limit + 1);
}

export async function findMessageByExternalId(db: DbOrTx, channel: string, externalId: string): Promise<MessageRow | null> {
  const [row] = await db.select().from(messages).where(and(eq(messages.channel, channel), eq(messages.externalId, externalId)));
  return row ?? null;
}

/** Attachment metadata (without content) for a set of messages. */
export async function attachmentsOf(db: DbOrTx, messageIds: string[]) {
  if (!messageIds.length) return [];
  return db
    .select({ id: attachments.id, messageId: attachments.messageId, filename: attachments.filename, contentType: attachments.contentType, size: attachments.size, contentId: attachments.contentId })
    .from(attachments)
    .where(inArray(attachments.messageId, messageIds));
}

export async function getAttachment(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ attachment: attachments, ticketId: messages.ticketId, kind: messages.kind, direction: messages.direction, metadata: messages.metadata })
    .from(attachments)
    .innerJoin(messages, eq(messages.id, attachments.messageId))
    .where(eq(attachments.id, id));
  return row ?? null;
}

/** The ticket's links; `visible` drops those to tickets the caller may not see (another organisation's). */
export async function linksOf(db: DbOrTx, ticketId: string, visible?: (other: { organisationId: string | null; contactId: string | null }) => boolean) {
  const rows = await db
    .select({ ticketId: ticketLinks.ticketId, otherId: ticketLinks.otherId, kind: ticketLinks.kind })
    .from(ticketLinks)
    .where(or(eq(ticketLinks.ticketId, ticketId), eq(ticketLinks.otherId, ticketId)));
  const otherIds = rows.map((r) => (r.ticketId === ticketId ? r.otherId : r.ticketId));
  const others = otherIds.length
    ? await db.select({ id: tickets.id, number: tickets.number, subject: tickets.subject, organisationId: tickets.organisationId, contactId: tickets.contactId }).from(tickets).where(inArray(tickets.id, otherIds))
    : [];
  return rows.flatMap((r) => {
    const otherId = r.ticketId === ticketId ? r.otherId : r.ticketId;
    const other = others.find((o) => o.id === otherId);
    if (visible && (!other || !visible(other))) return [];
    return [{ ticketId: otherId, number: other?.number ?? 0, subject: other?.subject ?? '', kind: r.kind }];
  });
}
