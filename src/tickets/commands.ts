import { and, eq, inArray } from 'drizzle-orm';
import { diff, recordAudit } from '../audit/index.js';
import type { Db, Tx } from '../db/index.js';
import { newId } from '../db/index.js';
import { attachments, messages, ticketLinks, tickets } from './schema.js';
import { contacts } from '../customers/index.js';
import { Problem, problem } from '../errors/index.js';
import type { Registry } from '../http/index.js';
import type { RealtimeHub } from '../realtime/index.js';
import { patchForTicket, type BulkTicketPatch } from './bulk.js';
import { runTicketHooks } from './hooks.js';
import { priorityRank, statusAfterMessage, statusTimestamps, type TicketPriority, type TicketStatus } from './status.js';
import { checkTicketReferences } from './references.js';
import { getTicket, isCustomerVisibleMessage, type MessageRow, type TicketRow } from './store.js';

export interface CommandContext {
  db: Db;
  realtime?: RealtimeHub;
  /** The app's registry: its ticket hooks run inside every change's transaction. */
  registry: Registry;
  /** The user doing it; null for the system or an inbound channel. */
  actorUserId: string | null;
  actorLabel?: string;
  /**
   * Set by `inOneTransaction`: `db` is then the caller's transaction, and realtime pushes wait
   * here until it commits, so no browser hears of a change that may still roll back.
   */
  afterCommit?: (() => void)[];
}

/**
 * Runs several commands as one: they share one transaction (each command's own becomes a
 * savepoint in it), so a compound change such as a transfer or a promise commits whole or not
 * at all, and its realtime pushes go out after the commit.
 */
export async function inOneTransaction<T>(ctx: CommandContext, work: (tx: Tx, inner: CommandContext) => Promise<T>): Promise<T> {
  const afterCommit: (() => void)[] = [];
  const result = await ctx.db.transaction((tx) => work(tx, { ...ctx, db: tx, afterCommit }));
  if (ctx.afterCommit) ctx.afterCommit.push(...afterCommit);
  else for (const push of afterCommit) push();
  return result;
}

export interface MessageAuthor {
  userId?: string | null;
  contactId?: string | null;
  name?: string | null;
}

export interface AttachmentInput {
  filename: string;
  contentType: string;
  content: Buffer;
  contentId?: string | null;
}

export interface MessageInput {
  kind: 'message' | 'note' | 'event';
  direction: 'inbound' | 'outbound' | 'internal';
  channel: string;
  author: MessageAuthor;
  bodyText: string;
  bodyHtml?: string | null;
  externalId?: string | null;
  metadata?: Record<string, unknown>;
  attachments?: AttachmentInput[];
  createdAt?: Date;
}

export interface CreateTicketInput {
  subject: string;
  priority?: TicketPriority;
  status?: TicketStatus;
  type?: string | null;
  channel?: string;
  language?: string | null;
  teamId?: string | null;
  assigneeId?: string | null;
  organisationId?: string | null;
  siteId?: string | null;
  contactId?: string | null;
  assetId?: string | null;
  tags?: string[];
  createdAt?: Date;
  /** The first message; omit for a ticket opened without one (e.g. a phone call logged later). */
  message?: Omit<MessageInput, 'channel'> & { channel?: string };
}

async function insertMessage(tx: Tx, ticketId: string, input: MessageInput): Promise<MessageRow> {
  const id = newId();
  const [row] = await tx
    .insert(messages)
    .values({
      id,
      ticketId,
      kind: input.kind,
      channel: input.channel,
      direction: input.direction,
      authorUserId: input.author.userId ?? null,
      authorContactId: input.author.contactId ?? null,
      authorName: input.author.name ?? null,
      bodyText: input.bodyText,
      bodyHtml: input.bodyHtml ?? null,
      externalId: input.externalId ?? null,
      metadata: input.metadata ?? {},
      createdAt: input.createdAt ?? new Date(),
    })
    .returning();
  if (input.attachments?.length) {
    await tx.insert(attachments).values(
      input.attachments.map((a) => ({
        id: newId(), messageId: id, filename: a.filename, contentType: a.contentType, size: a.content.length,
        contentId: a.contentId ?? null, content: a.content.toString('base64'),
      })),
    );
  }
  return row;
}

/**
 * Tells browsers a ticket changed. `customers` says whether the organisation's customer users may
 * hear of it too: a note, an internal event or a change only staff see (tags) reaches staff only.
 */
function publish(ctx: CommandContext, type: string, ticket: TicketRow, customers: boolean, extra: Record<string, unknown> = {}) {
  // Realtime is best effort: the change is committed; a missed push is caught by the next refresh.
  const push = () => void ctx.realtime?.publish({ type, data: { ticketId: ticket.id, number: ticket.number, ...extra }, organisationId: ticket.organisationId, customers }).catch(() => {});
  if (ctx.afterCommit) ctx.afterCommit.push(push);
  else push();
}

/** Ticket fields the customer's view leaves out (see `presentTicketsFor`): changing only these is not news for them. */
const staffOnlyFields = new Set(['tags']);

/**
 * Opens a ticket with its first message in one transaction. The organisation follows from the
 * contact when not given, so a customer writing in lands on their company's record.
 */
export async function createTicket(ctx: CommandContext, input: CreateTicketInput): Promise<{ ticket: TicketRow; message: MessageRow | null }> {
  const result = await ctx.db.transaction(async (tx) => {
    let organisationId = input.organisationId ?? null;
    if (input.contactId && !organisationId) {
      const [contact] = await tx.select({ organisationId: contacts.organisationId }).from(contacts).where(eq(contacts.id, input.contactId));
      if (!contact) throw problem(400, `Contact ${input.contactId} does not exist.`, { errors: [{ path: 'body.contactId', message: 'unknown contact' }] });
      organisationId = contact.organisationId;
    }
    await checkTicketReferences(tx, { ...input, organisationId });
    const now = input.createdAt ?? new Date();
    const priority = input.priority ?? 'normal';
    const [ticket] = await tx
      .insert(tickets)
      .values({
        id: newId(),
        subject: input.subject,
        status: input.status ?? 'new',
        priority,
        priorityRank: priorityRank[priority],
        type: input.type ?? null,
        channel: input.channel ?? input.message?.channel ?? 'web',
        language: input.language ?? null,
        teamId: input.teamId ?? null,
        assigneeId: input.assigneeId ?? null,
        organisationId,
        siteId: input.siteId ?? null,
        contactId: input.contactId ?? null,
        assetId: input.assetId ?? null,
        tags: input.tags ?? [],
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const message = input.message
      ? await insertMessage(tx, ticket.id, { ...input.message, channel: input.message.channel ?? ticket.channel, createdAt: input.message.createdAt ?? now })
      : null;
    await recordAudit(tx, {
      actorUserId: ctx.actorUserId, actorLabel: ctx.actorLabel, entity: 'ticket', entityId: ticket.id, action: 'create',
      changes: diff({}, { subject: ticket.subject, status: ticket.status, priority: ticket.priority, channel: ticket.channel, contactId: ticket.contactId, teamId: ticket.teamId, assigneeId: ticket.assigneeId }),
    });
    await runTicketHooks(ctx.registry, tx, { type: 'created', ticket, message, actorUserId: ctx.actorUserId });
    return { ticket, message };
  });
  publish(ctx, 'ticket.created', result.ticket, true);
  return result;
}

/**
 * Adds a message or internal note to a ticket and moves its status as the conversation implies
 * (a customer reply reopens; the first agent reply starts work). Records the first response.
 */
export async function addMessage(ctx: CommandContext, ticketId: string, input: MessageInput): Promise<{ ticket: TicketRow; message: MessageRow }> {
  const result = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(tickets).where(eq(tickets.id, ticketId)).for('update');
    if (!before) throw problem(404, `Ticket ${ticketId} was not found.`);
    const message = await insertMessage(tx, ticketId, input);
    const status = statusAfterMessage(before.status, input);
    const at = message.createdAt;
    const patch: Partial<typeof tickets.$inferInsert> = { updatedAt: at, status, ...statusTimestamps(before.status, status, at) };
    if (input.kind === 'message' && input.direction === 'outbound' && !before.firstResponseAt) patch.firstResponseAt = at;
    const [ticket] = await tx.update(tickets).set(patch).where(eq(tickets.id, ticketId)).returning();
    await recordAudit(tx, {
      actorUserId: ctx.actorUserId, actorLabel: ctx.actorLabel, entity: 'ticket', entityId: ticketId,
      action: input.kind === 'note' ? 'add_note' : input.direction === 'inbound' ? 'customer_message' : 'reply',
      changes: { messageId: { from: null, to: message.id }, ...(status !== before.status ? { status: { from: before.status, to: status } } : {}) },
    });
    await runTicketHooks(ctx.registry, tx, { type: 'message', ticket, before, message, actorUserId: ctx.actorUserId });
    return { ticket, message };
  });
  publish(ctx, 'message.created', result.ticket, isCustomerVisibleMessage(result.message), { messageId: result.message.id, kind: result.message.kind });
  return result;
}

export type TicketPatch = Partial<Pick<TicketRow, 'subject' | 'status' | 'priority' | 'type' | 'teamId' | 'assigneeId' | 'tags' | 'siteId' | 'assetId' | 'contactId' | 'organisationId' | 'language'>>;

/**
 * Changes ticket fields, audits each changed field, and lets other capabilities react. The patch
 * may be a function of the locked row, for a change that depends on the ticket's current state
 * (adding a tag to its own list); it may throw a problem to refuse, and nothing is written.
 */
export async function updateTicket(
  ctx: CommandContext,
  ticketId: string,
  patchOrChange: TicketPatch | ((before: TicketRow) => TicketPatch),
  options: { summary?: string; at?: Date } = {},
): Promise<TicketRow> {
  let customersSee = false;
  const ticket = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(tickets).where(eq(tickets.id, ticketId)).for('update');
    if (!before) throw problem(404, `Ticket ${ticketId} was not found.`);
    const patch = typeof patchOrChange === 'function' ? patchOrChange(before) : patchOrChange;
    const changes = diff(before, patch);
    if (Object.keys(changes).length === 0) return before;
    const changedReferences = Object.fromEntries(Object.keys(changes).map((field) => [field, (patch as Record<string, unknown>)[field]]));
    await checkTicketReferences(tx, { ...before, ...patch }, changedReferences);
    customersSee = Object.keys(changes).some((field) => !staffOnlyFields.has(field));
    const now = options.at ?? new Date();
    const values: Partial<typeof tickets.$inferInsert> = { ...patch, updatedAt: now };
    if (patch.priority) values.priorityRank = priorityRank[patch.priority];
    if (patch.status) Object.assign(values, statusTimestamps(before.status, patch.status, now));
    const [after] = await tx.update(tickets).set(values).where(eq(tickets.id, ticketId)).returning();
    await recordAudit(tx, { actorUserId: ctx.actorUserId, actorLabel: ctx.actorLabel, entity: 'ticket', entityId: ticketId, action: 'update', changes });
    await runTicketHooks(ctx.registry, tx, { type: 'updated', ticket: after, before, actorUserId: ctx.actorUserId, summary: options.summary });
    return after;
  });
  publish(ctx, 'ticket.updated', ticket, customersSee);
  return ticket;
}

export interface BulkUpdateResult {
  updated: string[];
  failed: { id: string; status: number; detail: string }[];
}

/**
 * Applies one change to many tickets, each through `updateTicket` in its own transaction: every
 * ticket is audited and its hooks (SLA clocks, patience) run as for a single change, and one
 * ticket that is missing, refused by `check` or failing does not undo the others.
 */
export async function bulkUpdateTickets(
  ctx: CommandContext,
  ticketIds: string[],
  change: BulkTicketPatch,
  options: { check?: (ticket: TicketRow) => void; onError?: (id: string, error: unknown) => void } = {},
): Promise<BulkUpdateResult> {
  const result: BulkUpdateResult = { updated: [], failed: [] };
  for (const id of new Set(ticketIds)) {
    try {
      await updateTicket(ctx, id, (before) => {
        options.check?.(before);
        const planned = patchForTicket(before, change);
        if ('error' in planned) throw problem(400, planned.error);
        return planned.patch;
      });
      result.updated.push(id);
    } catch (error) {
      // A problem says what is wrong with this ticket; anything else is ours, logged, not shown.
      if (error instanceof Problem) result.failed.push({ id, status: error.status, detail: error.detail ?? error.title });
      else {
        options.onError?.(id, error);
        result.failed.push({ id, status: 500, detail: 'The ticket could not be changed.' });
      }
    }
  }
  return result;
}

/**
 * Merges a duplicate into a target: its messages move to the target (the conversation stays
 * whole), the source is closed and points at the target, and both trails say so.
 */
export async function mergeTickets(ctx: CommandContext, sourceId: string, targetId: string): Promise<TicketRow> {
  if (sourceId === targetId) throw problem(400, 'A ticket cannot be merged into itself.');
  const target = await ctx.db.transaction(async (tx) => {
    const rows = await tx.select().from(tickets).where(inArray(tickets.id, [sourceId, targetId])).for('update');
    const source = rows.find((r) => r.id === sourceId);
    const into = rows.find((r) => r.id === targetId);
    if (!source || !into) throw problem(404, 'Both tickets must exist to merge them.');
    if (source.mergedIntoId) throw problem(409, `Ticket #${source.number} is already merged into another ticket.`);
    if (into.mergedIntoId) throw problem(409, `Ticket #${into.number} was itself merged; merge into the ticket it went to.`);
    await tx.update(messages).set({ ticketId: targetId }).where(eq(messages.ticketId, sourceId));
    const now = new Date();
    const mergedTags = [...new Set([...into.tags, ...source.tags])];
    const [closedSource] = await tx.update(tickets).set({ mergedIntoId: targetId, status: 'closed', closedAt: now, updatedAt: now }).where(eq(tickets.id, sourceId)).returning();
    const [after] = await tx.update(tickets).set({ updatedAt: now, tags: mergedTags }).where(eq(tickets.id, targetId)).returning();
    await tx.insert(ticketLinks).values({ ticketId: sourceId, otherId: targetId, kind: 'merged_into' }).onConflictDoNothing();
    await insertMessage(tx, targetId, {
      kind: 'event', direction: 'internal', channel: 'system', author: { userId: ctx.actorUserId }, bodyText: `Ticket #${source.number} "${source.subject}" was merged into this ticket.`,
      // The customer reads of the merge only when the duplicate was theirs too (see `customerEvents`).
      metadata: { event: 'merged', sourceId, sourceNumber: source.number, sourceSubject: source.subject, forCustomer: source.organisationId !== null && source.organisationId === into.organisationId },
    });
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'ticket', entityId: sourceId, action: 'merge', changes: { mergedIntoId: { from: null, to: targetId } } });
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'ticket', entityId: targetId, action: 'merge_in', changes: { mergedFrom: { from: null, to: sourceId } } });
    // Both tickets changed: SLA clocks, patience and the other hooks see it like any update.
    await runTicketHooks(ctx.registry, tx, { type: 'updated', ticket: closedSource!, before: source, actorUserId: ctx.actorUserId, summary: `merged into #${into.number}` });
    await runTicketHooks(ctx.registry, tx, { type: 'updated', ticket: after!, before: into, actorUserId: ctx.actorUserId, summary: `#${source.number} merged in` });
    return after;
  });
  publish(ctx, 'ticket.updated', target, true);
  return target;
}

/** Splits chosen messages off into a new ticket for the same customer, linked to the original. */
export async function splitTicket(ctx: CommandContext, sourceId: string, messageIds: string[], subject: string): Promise<TicketRow> {
  const source = await getTicket(ctx.db, sourceId);
  if (!source) throw problem(404, `Ticket ${sourceId} was not found.`);
  const created = await ctx.db.transaction(async (tx) => {
    // Every id must name a message of this ticket, once: rows are distinct, so a repeat fails too.
    const own = messageIds.length ? await tx.select({ id: messages.id }).from(messages).where(and(inArray(messages.id, messageIds), eq(messages.ticketId, sourceId))) : [];
    if (!messageIds.length || own.length !== messageIds.length) {
      throw problem(400, 'Every message to split off must belong to this ticket.', { errors: [{ path: 'body.messageIds', message: 'unknown message' }] });
    }
    const now = new Date();
    const [ticket] = await tx
      .insert(tickets)
      .values({
        id: newId(), subject, status: 'open', priority: source.priority, priorityRank: source.priorityRank, type: source.type, channel: source.channel,
        language: source.language, teamId: source.teamId, assigneeId: source.assigneeId, organisationId: source.organisationId, siteId: source.siteId,
        contactId: source.contactId, assetId: source.assetId, tags: source.tags, createdAt: now, updatedAt: now,
      })
      .returning();
    await tx.update(messages).set({ ticketId: ticket.id }).where(inArray(messages.id, messageIds));
    await tx.insert(ticketLinks).values({ ticketId: ticket.id, otherId: sourceId, kind: 'split_from' });
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'ticket', entityId: ticket.id, action: 'split_from', changes: { source: { from: null, to: sourceId }, messages: { from: null, to: messageIds.length } } });
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'ticket', entityId: sourceId, action: 'split', changes: { newTicket: { from: null, to: ticket.id } } });
    await runTicketHooks(ctx.registry, tx, { type: 'created', ticket, message: null, actorUserId: ctx.actorUserId });
    return ticket;
  });
  publish(ctx, 'ticket.created', created, true);
  return created;
}

/** Links two related tickets (e.g. the same fault at two sites). */
export async function linkTickets(ctx: CommandContext, ticketId: string, otherId: string): Promise<void> {
  if (ticketId === otherId) throw problem(400, 'A ticket cannot be linked to itself.');
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, [ticketId, otherId]));
    if (rows.length !== 2) throw problem(404, 'Both tickets must exist to link them.');
    await tx.insert(ticketLinks).values({ ticketId, otherId, kind: 'related' }).onConflictDoNothing();
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'ticket', entityId: ticketId, action: 'link', changes: { related: { from: null, to: otherId } } });
  });
}
