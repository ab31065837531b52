import { z } from 'zod';
import { contactNames, organisationNames } from '../customers/index.js';
import type { DbOrTx } from '../db/index.js';
import { messageDirections, messageKinds, ticketPriorities, ticketStatuses } from './schema.js';
import { iso } from '../http/index.js';
import { can, isCustomer, permissions, type Actor } from '../policies/index.js';
import { teamNames, userNames } from '../users/index.js';
import { attachmentsOf, customerEvents, isCustomerVisibleMessage, linksOf, type MessageRow, type TicketListRow, type TicketRow } from './store.js';

const ref = z.object({ id: z.string(), name: z.string() }).nullable();

export const ticketSummarySchema = z
  .object({
    id: z.string(), number: z.number(), subject: z.string(), status: z.enum(ticketStatuses), priority: z.enum(ticketPriorities), type: z.string().nullable(),
    channel: z.string(), language: z.string().nullable(), teamId: z.string().nullable(), assigneeId: z.string().nullable(), organisationId: z.string().nullable(),
    siteId: z.string().nullable(), contactId: z.string().nullable(), assetId: z.string().nullable(), tags: z.array(z.string()), createdAt: z.string(),
    updatedAt: z.string(), firstResponseAt: z.string().nullable(), solvedAt: z.string().nullable(), mergedIntoId: z.string().nullable(),
    contact: ref, organisation: ref, assignee: ref, team: ref,
  })
  .meta({ id: 'TicketSummary' });

export const ticketSchema = ticketSummarySchema
  .extend({
    links: z.array(z.object({ ticketId: z.string(), number: z.number(), subject: z.string(), kind: z.string() })),
    permissions: z.object({ update: z.boolean(), reply: z.boolean(), note: z.boolean(), merge: z.boolean() }),
  })
  .meta({ id: 'Ticket' });

export const messageSchema = z
  .object({
    id: z.string(), ticketId: z.string(), kind: z.enum(messageKinds), channel: z.string(), direction: z.enum(messageDirections),
    author: z.object({ type: z.enum(['user', 'contact', 'system']), id: z.string().nullable(), name: z.string() }),
    bodyText: z.string(), bodyHtml: z.string().nullable(),
    // contentId is the MIME Content-ID (without angle brackets) an HTML body's `cid:` image refers to.
    attachments: z.array(z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number(), contentId: z.string().nullable() })),
    metadata: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .meta({ id: 'Message' });

export type TicketSummary = z.infer<typeof ticketSummarySchema>;

/**
 * Presents tickets with the names an agent reads (staff: routes use `presentTicketsFor`). Rows from `listTickets` carry the names already
 * (joined in the query); other rows get them in four lookups for the whole page, never one per row.
 */
export async function presentTickets(db: DbOrTx, rows: (TicketRow | TicketListRow)[]): Promise<TicketSummary[]> {
  const joined = rows.length > 0 && rows.every((r) => 'contactName' in r);
  const [contacts, orgs, users, teams] = joined
    ? (['contact', 'organisation', 'assignee', 'team'] as const).map((kind) => namesFromRows(rows as TicketListRow[], kind))
    : await Promise.all([
        contactNames(db, rows.map((r) => r.contactId!)),
        organisationNames(db, rows.map((r) => r.organisationId!)),
        userNames(db, rows.map((r) => r.assigneeId!)),
        teamNames(db, rows.map((r) => r.teamId!)),
      ]);
  const named = (map: Map<string, string>, id: string | null) => (id && map.has(id) ? { id, name: map.get(id)! } : null);
  return rows.map((r) => ({
    id: r.id, number: r.number, subject: r.subject, status: r.status, priority: r.priority, type: r.type, channel: r.channel, language: r.language,
    teamId: r.teamId, assigneeId: r.assigneeId, organisationId: r.organisationId, siteId: r.siteId, contactId: r.contactId, assetId: r.assetId,
    tags: r.tags, createdAt: iso(r.createdAt)!, updatedAt: iso(r.updatedAt)!, firstResponseAt: iso(r.firstResponseAt), solvedAt: iso(r.solvedAt),
    mergedIntoId: r.mergedIntoId,
    contact: named(contacts, r.contactId), organisation: named(orgs, r.organisationId), assignee: named(users, r.assigneeId), team: named(teams, r.teamId),
  }));
}

function namesFromRows(rows: TicketListRow[], kind: 'contact' | 'organisation' | 'assignee' | 'team'): Map<string, string> {
  const idKey = { contact: 'contactId', organisation: 'organisationId', assignee: 'assigneeId', team: 'teamId' }[kind] as keyof TicketListRow;
  const nameKey = `${kind}Name` as keyof TicketListRow;
  return new Map(rows.filter((r) => r[idKey] && r[nameKey] != null).map((r) => [r[idKey] as string, r[nameKey] as string]));
}

/**
 * Tickets as the caller may see them: everything for staff; for a customer the same shape without
 * what is ours alone — internal tags are left out (they are how the desk sorts work, e.g.
 * "difficult-customer"). Every route a customer can reach presents tickets through this or
 * `presentTicket`, never `presentTickets` directly.
 */
export async function presentTicketsFor(db: DbOrTx, actor: Actor, rows: (TicketRow | TicketListRow)[]): Promise<TicketSummary[]> {
  const summaries = await presentTickets(db, rows);
  return isCustomer(actor) ? summaries.map(customerSafeSummary) : summaries;
}

const customerSafeSummary = (t: TicketSummary): TicketSummary => ({ ...t, tags: [] });

/** One ticket with its links and what the caller may do with it (a customer's view for a customer: see `presentTicketsFor`). */
export async function presentTicket(db: DbOrTx, actor: Actor, row: TicketRow): Promise<z.infer<typeof ticketSchema>> {
  const [summary] = await presentTicketsFor(db, actor, [row]);
  // A customer sees links only to tickets it may read itself: a link to another organisation's case would name it.
  const links = await linksOf(db, row.id, isCustomer(actor) ? (other) => can(actor, 'read', 'ticket', other) : undefined);
  return { ...summary, links, permissions: permissions(actor, 'ticket', row, ['update', 'reply', 'note', 'merge']) };
}

export type PresentedMessage = z.infer<typeof messageSchema>;

/**
 * The conversation as the caller may see it. Staff: every entry as stored. A customer: only
 * public messages and the events written for them (`isCustomerVisibleMessage`: no notes, no
 * bounces or delivery failures naming other addresses, no auto-replies), and of each entry's
 * metadata only what the portal shows — a call's direction and length, an event's sentence —
 * never our mailbox routing, headers, provider ids or delivery internals.
 */
export async function presentMessagesFor(db: DbOrTx, actor: Actor, rows: MessageRow[]): Promise<PresentedMessage[]> {
  return isCustomer(actor) ? presentCustomerMessages(db, rows) : presentMessages(db, rows);
}

/** The customer's view of these entries (see `presentMessagesFor`), whoever asks: the portal timeline. */
export async function presentCustomerMessages(db: DbOrTx, rows: MessageRow[]): Promise<PresentedMessage[]> {
  const visible = rows.filter(isCustomerVisibleMessage);
  return (await presentMessages(db, visible)).map((m) => ({ ...m, metadata: customerMetadata(m) }));
}

const pick = (source: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));

function customerMetadata(m: PresentedMessage): Record<string, unknown> {
  const meta = m.metadata;
  if (m.kind === 'event') return pick(meta, customerEvents[String(meta.event)] ?? []);
  const call = meta.call;
  if (call && typeof call === 'object') {
    // The customer's own number only: the other end may be an agent's direct line.
    const c = call as Record<string, unknown>;
    return { call: pick(c, ['direction', 'answered', 'durationSeconds', c.direction === 'inbound' ? 'from' : 'to']) };
  }
  return {};
}

/** Messages with author names and attachment metadata, as stored: for staff (routes use `presentMessagesFor`). */
export async function presentMessages(db: DbOrTx, rows: MessageRow[]): Promise<z.infer<typeof messageSchema>[]> {
  const [users, contacts, files] = await Promise.all([
    userNames(db, rows.map((r) => r.authorUserId!)),
    contactNames(db, rows.map((r) => r.authorContactId!)),
    attachmentsOf(db, rows.map((r) => r.id)),
  ]);
  return rows.map((r) => {
    const author = r.authorUserId
      ? { type: 'user' as const, id: r.authorUserId, name: users.get(r.authorUserId) ?? r.authorName ?? '' }
      : r.authorContactId
        ? { type: 'contact' as const, id: r.authorContactId, name: contacts.get(r.authorContactId) ?? r.authorName ?? '' }
        : { type: 'system' as const, id: null, name: r.authorName ?? 'Rapport' };
    return {
      id: r.id, ticketId: r.ticketId, kind: r.kind, channel: r.channel, direction: r.direction, author, bodyText: r.bodyText, bodyHtml: r.bodyHtml,
      attachments: files.filter((f) => f.messageId === r.id).map((f) => ({ id: f.id, filename: f.filename, contentType: f.contentType, size: f.size, contentId: f.contentId })),
      metadata: (r.metadata ?? {}) as Record<string, unknown>,
      createdAt: iso(r.createdAt)!,
    };
  });
}
