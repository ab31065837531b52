import { z } from 'zod';
import { listAudit } from '../audit/index.js';
import { getContact } from '../customers/index.js';
import { ticketPriorities, ticketStatuses } from './schema.js';
import { requireActor } from '../http/index.js';
import type { App } from '../http/index.js';
import { decodeCursor, iso, pageSchema, paginationQuery, toPage } from '../http/index.js';
import { notFound, problem } from '../errors/index.js';
import { commaList, idParams, idSchema } from '../http/index.js';
import { authorize, isCustomer, organisationScope, type Actor } from '../policies/index.js';
import { getTeam, getUser, userNames } from '../users/index.js';
import { needsHandoff } from './handoff-rule.js';
import { routeNewTicket } from './hooks.js';
import { isEmptyBulkPatch } from './bulk.js';
import { checkUpload, contentDisposition, servingOf } from './attachment-types.js';
import { addMessage, bulkUpdateTickets, createTicket, linkTickets, mergeTickets, splitTicket, updateTicket, type AttachmentInput, type CommandContext } from './commands.js';
import { messageSchema, presentMessagesFor, presentTicket, presentTicketsFor, ticketSchema, ticketSummarySchema } from './presenters.js';
import { getAttachment, getTicket, isCustomerVisibleMessage, listCustomerMessages, listMessages, listTickets, ticketSortKey, type TicketFilter, type TicketSort } from './store.js';

const statusList = commaList.pipe(z.array(z.enum(ticketStatuses)));
const priorityList = commaList.pipe(z.array(z.enum(ticketPriorities)));

const listQuery = z.object({
  ...paginationQuery,
  status: statusList.optional(),
  assigneeId: z.union([z.literal('me'), z.literal('none'), idSchema]).optional(),
  teamId: z.union([z.literal('mine'), idSchema]).optional(),
  organisationId: idSchema.optional(),
  contactId: idSchema.optional(),
  priority: priorityList.optional(),
  tag: z.string().max(100).optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(['updated_desc', 'created_desc', 'created_asc', 'priority_desc']).default('updated_desc'),
});

// contentId lets an HTML body show the file inline as `<img src="cid:…">`, as in a MIME email.
// The content's real type is sniffed and must be on the allow-list (see attachment-types.ts).
const attachmentInput = z.object({
  filename: z.string().min(1).max(255),
  contentType: z.string().max(200),
  contentBase64: z.base64('must be standard padded base64 (RFC 4648)').min(1, 'must not be empty'),
  contentId: z.string().min(1).max(255).optional(),
});

const createBody = z.object({
  subject: z.string().trim().min(1, 'must not be empty').max(500),
  body: z.string().min(1, 'must not be empty').max(200_000),
  bodyHtml: z.string().max(1_000_000).optional(),
  priority: z.enum(ticketPriorities).optional(),
  contactId: idSchema.optional(),
  organisationId: idSchema.optional(),
  teamId: idSchema.optional(),
  assigneeId: idSchema.optional(),
  siteId: idSchema.optional(),
  assetId: idSchema.optional(),
  type: z.string().max(100).optional(),
  tags: z.array(z.string().min(1).max(100)).max(50).optional(),
  channel: z.string().max(40).optional(),
  language: z.string().max(20).optional(),
  attachments: z.array(attachmentInput).max(20).optional(),
});

const patchBody = z.object({
  subject: z.string().trim().min(1).max(500).optional(),
  status: z.enum(ticketStatuses).optional(),
  priority: z.enum(ticketPriorities).optional(),
  type: z.string().max(100).nullable().optional(),
  teamId: idSchema.nullable().optional(),
  assigneeId: idSchema.nullable().optional(),
  tags: z.array(z.string().min(1).max(100)).max(50).optional(),
  siteId: idSchema.nullable().optional(),
  assetId: idSchema.nullable().optional(),
  contactId: idSchema.nullable().optional(),
  organisationId: idSchema.nullable().optional(),
  language: z.string().max(20).nullable().optional(),
});

const messageBody = z.object({
  kind: z.enum(['message', 'note']).default('message'),
  bodyText: z.string().min(1, 'must not be empty').max(200_000),
  bodyHtml: z.string().max(1_000_000).optional(),
  channel: z.string().max(40).optional(),
  attachments: z.array(attachmentInput).max(20).optional(),
});

const tagSchema = z.string().trim().min(1).max(100);

const bulkBody = z.object({
  ticketIds: z.array(idSchema).min(1).max(100),
  patch: z
    .object({
      status: z.enum(ticketStatuses).optional(),
      priority: z.enum(ticketPriorities).optional(),
      assigneeId: idSchema.nullable().optional(),
      teamId: idSchema.nullable().optional(),
      addTags: z.array(tagSchema).max(50).optional(),
      removeTags: z.array(tagSchema).max(50).optional(),
    })
    .strict(),
});

const bulkResultSchema = z
  .object({
    updated: z.array(z.string()),
    failed: z.array(z.object({ id: z.string(), status: z.number(), detail: z.string() })),
  })
  .meta({ id: 'BulkTicketResult' });

/**
 * Decodes uploads and holds each to the allow-list, by what its bytes are: refused with 415 (and
 * nothing stored) otherwise. The type stored is the sniffed one, not the one claimed.
 */
async function acceptUploads(list?: z.infer<typeof attachmentInput>[]): Promise<AttachmentInput[] | undefined> {
  if (!list?.length) return undefined;
  return Promise.all(
    list.map(async (a, i) => {
      const content = Buffer.from(a.contentBase64, 'base64');
      const verdict = await checkUpload({ filename: a.filename, contentType: a.contentType, content });
      if (!verdict.ok) throw problem(415, `${a.filename}: ${verdict.reason}`, { errors: [{ path: `body.attachments.${i}`, message: verdict.reason }] });
      return { filename: a.filename, contentType: verdict.contentType, content, contentId: a.contentId };
    }),
  );
}

/** Tickets: the queue, the ticket page, the conversation, merge/split/link and the audit trail. */
export default async function ticketRoutes(app: App) {
  const { db, realtime } = app.ctx;
  const commandContext = (actor: Actor): CommandContext => ({ db, realtime, registry: app.ctx.registry, actorUserId: actor.userId });

  async function loadVisible(actor: Actor, id: string) {
    const ticket = await getTicket(db, id);
    if (!ticket) throw notFound('Ticket', id);
    authorize(actor, 'read', 'ticket', ticket);
    return ticket;
  }

  app.get('/api/v1/tickets', {
    schema: { tags: ['tickets'], summary: 'List tickets (queues, filters, full-text search)', querystring: listQuery, response: { 200: pageSchema(ticketSummarySchema) } },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'list', 'ticket');
    const q = request.query;
    const filter: TicketFilter = { status: q.status, organisationId: q.organisationId, contactId: q.contactId, priority: q.priority, tag: q.tag, q: q.q };
    if (q.assigneeId) filter.assigneeId = q.assigneeId === 'me' ? actor.userId : q.assigneeId === 'none' ? null : q.assigneeId;
    if (q.teamId === 'mine') {
      if (!actor.teamIds.length) return { items: [], nextCursor: null };
      filter.teamId = actor.teamIds[0];
    } else if (q.teamId) filter.teamId = q.teamId;
    const scope = organisationScope(actor);
    if (scope) Object.assign(filter, scope);
    if (isCustomer(actor)) {
      // A customer sees no tags, so no ticket of theirs has one (and a tag filter would tell which do);
      // a search finds only what they can read, never words of an internal note.
      if (q.tag) return { items: [], nextCursor: null };
      filter.publicOnly = true;
    }
    const sort = q.sort as TicketSort;
    const after = decodeCursor(q.cursor, sort === 'priority_desc' ? 3 : 2);
    const rows = await listTickets(db, filter, sort, q.limit, after);
    const page = toPage(rows, q.limit, (r) => ticketSortKey(sort, r));
    return { items: await presentTicketsFor(db, actor, page.items), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/tickets', { schema: { tags: ['tickets'], summary: 'Open a ticket; the body becomes its first message', body: createBody, response: { 201: ticketSchema } } }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'create', 'ticket');
    const b = request.body;
    const customer = isCustomer(actor);
    // A customer opens tickets for itself only; staff may open on behalf of any contact.
    const contactId = customer ? actor.contactId ?? undefined : b.contactId;
    if (contactId && !customer && !(await getContact(db, contactId))) {
      throw problem(400, `Contact ${contactId} does not exist.`, { errors: [{ path: 'body.contactId', message: 'unknown contact' }] });
    }
    const { ticket } = await createTicket(commandContext(actor), {
      subject: b.subject,
      priority: b.priority,
      contactId,
      organisationId: customer ? actor.organisationId : b.organisationId,
      // A customer's request goes to the team the portal channel is routed to, as chat does.
      teamId: customer ? (await routeNewTicket(app.ctx.registry, db, { channel: 'portal', organisationId: actor.organisationId ?? null, contactId: contactId ?? null })) ?? undefined : b.teamId,
      assigneeId: customer ? undefined : b.assigneeId,
      siteId: b.siteId, assetId: b.assetId, type: b.type, tags: customer ? [] : b.tags,
      channel: customer ? 'portal' : b.channel ?? 'web',
      language: b.language,
      message: {
        kind: 'message', direction: customer ? 'inbound' : 'outbound', channel: customer ? 'portal' : b.channel ?? 'web',
        author: customer ? { contactId: actor.contactId, name: actor.name } : { userId: actor.userId },
        bodyText: b.body, bodyHtml: b.bodyHtml, attachments: await acceptUploads(b.attachments),
      },
    });
    return reply.status(201).send(await presentTicket(db, actor, ticket));
  });

  app.get('/api/v1/tickets/:id', { schema: { tags: ['tickets'], summary: 'Get a ticket', params: idParams, response: { 200: ticketSchema } } }, async (request) => {
    const actor = requireActor(request);
    return presentTicket(db, actor, await loadVisible(actor, request.params.id));
  });

  app.patch('/api/v1/tickets/:id', { schema: { tags: ['tickets'], summary: 'Change a ticket', params: idParams, body: patchBody, response: { 200: ticketSchema } } }, async (request) => {
    const actor = requireActor(request);
    const ticket = await loadVisible(actor, request.params.id);
    authorize(actor, 'update', 'ticket', ticket);
    if (needsHandoff(ticket, request.body)) {
      throw problem(422, `Moving a case away from its owner needs a hand-off summary, so the next person never asks the customer again: POST /api/v1/tickets/${ticket.id}/transfer with { assigneeId, teamId, summary }.`, { handoffRequired: true });
    }
    const updated = await updateTicket(commandContext(actor), ticket.id, request.body);
    return presentTicket(db, actor, updated);
  });

  app.post('/api/v1/tickets/bulk', {
    schema: {
      tags: ['tickets'],
      summary: 'Change up to 100 tickets at once (status, priority, assignee, team, tags); each is audited, and one refused ticket does not undo the others',
      body: bulkBody,
      response: { 200: bulkResultSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    // A role that may not change tickets at all is refused outright, not ticket by ticket.
    authorize(actor, 'update', 'ticket');
    const { ticketIds, patch } = request.body;
    if (isEmptyBulkPatch(patch)) throw problem(400, 'The patch names no change.', { errors: [{ path: 'body.patch', message: 'no change given' }] });
    // Checked once here: a wrong assignee or team would otherwise fail every ticket the same way.
    if (patch.assigneeId) {
      const found = await getUser(db, patch.assigneeId);
      if (!found || !found.user.active || found.user.role === 'customer') {
        throw problem(400, `User ${patch.assigneeId} cannot be assigned tickets.`, { errors: [{ path: 'body.patch.assigneeId', message: 'unknown or inactive staff user' }] });
      }
    }
    if (patch.teamId && !(await getTeam(db, patch.teamId))) {
      throw problem(400, `Team ${patch.teamId} does not exist.`, { errors: [{ path: 'body.patch.teamId', message: 'unknown team' }] });
    }
    return bulkUpdateTickets(commandContext(actor), ticketIds, patch, {
      check: (ticket) => {
        authorize(actor, 'read', 'ticket', ticket);
        authorize(actor, 'update', 'ticket', ticket);
        // The same rule as a single change: a case leaves its owner only with a hand-off summary,
        // which a bulk change cannot carry. Checked on the locked row, so it sees the real owner.
        if (needsHandoff(ticket, patch)) {
          throw problem(422, `Ticket #${ticket.number} has an owner; moving it needs a hand-off summary (transfer it from the ticket page).`, { handoffRequired: true });
        }
      },
      onError: (ticketId, err) => request.log.error({ err, ticketId }, 'bulk ticket update failed'),
    });
  });

  app.get('/api/v1/tickets/:id/messages', {
    schema: { tags: ['tickets'], summary: 'The conversation, oldest first (a customer sees only public messages and the events written for them, never notes or internal events)', params: idParams, querystring: z.object({ ...paginationQuery, limit: z.coerce.number().int().min(1).max(500).default(200) }), response: { 200: pageSchema(messageSchema) } },
  }, async (request) => {
    const actor = requireActor(request);
    const ticket = await loadVisible(actor, request.params.id);
    const after = decodeCursor(request.query.cursor, 2) as [string, string] | undefined;
    const rows = isCustomer(actor) ? await listCustomerMessages(db, ticket.id, request.query.limit, after) : await listMessages(db, ticket.id, request.query.limit, after);
    const page = toPage(rows, request.query.limit, (m) => [iso(m.createdAt), m.id]);
    return { items: await presentMessagesFor(db, actor, page.items), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/tickets/:id/messages', {
    schema: { tags: ['tickets'], summary: 'Reply, or add an internal note', params: idParams, body: messageBody, response: { 201: messageSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const ticket = await loadVisible(actor, request.params.id);
    const b = request.body;
    authorize(actor, b.kind === 'note' ? 'note' : 'reply', 'ticket', ticket);
    if (ticket.mergedIntoId) throw problem(409, 'This ticket was merged; reply on the ticket it was merged into.', { mergedIntoId: ticket.mergedIntoId });
    const customer = isCustomer(actor);
    // A closed case stays closed (its SLA and reports are final); the customer opens a new one, as by email.
    if (customer && ticket.status === 'closed') {
      throw problem(409, `Case #${ticket.number} is closed. Please open a new case; you can mention #${ticket.number} in it.`, { closed: true });
    }
    const { message } = await addMessage(commandContext(actor), ticket.id, {
      kind: b.kind,
      direction: b.kind === 'note' ? 'internal' : customer ? 'inbound' : 'outbound',
      channel: b.kind === 'note' ? 'internal' : customer ? 'portal' : b.channel ?? ticket.channel,
      author: customer ? { contactId: actor.contactId, name: actor.name } : { userId: actor.userId },
      bodyText: b.bodyText, bodyHtml: b.bodyHtml, attachments: await acceptUploads(b.attachments),
    });
    const [presented] = await presentMessagesFor(db, actor, [message]);
    return reply.status(201).send(presented);
  });

  app.post('/api/v1/tickets/:id/merge', {
    schema: { tags: ['tickets'], summary: 'Merge this ticket into another', params: idParams, body: z.object({ targetId: idSchema }), response: { 200: ticketSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const source = await loadVisible(actor, request.params.id);
    authorize(actor, 'merge', 'ticket', source);
    await loadVisible(actor, request.body.targetId);
    return presentTicket(db, actor, await mergeTickets(commandContext(actor), source.id, request.body.targetId));
  });

  app.post('/api/v1/tickets/:id/split', {
    schema: { tags: ['tickets'], summary: 'Split messages off into a new ticket', params: idParams, body: z.object({ messageIds: z.array(idSchema).min(1), subject: z.string().trim().min(1).max(500) }), response: { 201: ticketSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const source = await loadVisible(actor, request.params.id);
    authorize(actor, 'update', 'ticket', source);
    const created = await splitTicket(commandContext(actor), source.id, request.body.messageIds, request.body.subject);
    return reply.status(201).send(await presentTicket(db, actor, created));
  });

  app.post('/api/v1/tickets/:id/links', {
    schema: { tags: ['tickets'], summary: 'Link a related ticket', params: idParams, body: z.object({ otherId: idSchema, kind: z.literal('related').default('related') }), response: { 200: ticketSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const ticket = await loadVisible(actor, request.params.id);
    authorize(actor, 'update', 'ticket', ticket);
    await loadVisible(actor, request.body.otherId);
    await linkTickets(commandContext(actor), ticket.id, request.body.otherId);
    return presentTicket(db, actor, ticket);
  });

  app.get('/api/v1/tickets/:id/audit', {
    schema: {
      tags: ['tickets'], summary: 'Who changed what and when', params: idParams,
      response: { 200: pageSchema(z.object({ id: z.number(), at: z.string(), actor: z.object({ id: z.string(), name: z.string() }).nullable(), action: z.string(), changes: z.record(z.string(), z.unknown()) })) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const ticket = await loadVisible(actor, request.params.id);
    authorize(actor, 'audit', 'ticket', ticket);
    const rows = await listAudit(db, 'ticket', ticket.id);
    const names = await userNames(db, rows.map((r) => r.actorUserId!));
    return {
      items: rows.map((r) => ({
        id: r.id, at: iso(r.at)!, action: r.action, changes: r.changes as Record<string, unknown>,
        actor: r.actorUserId ? { id: r.actorUserId, name: names.get(r.actorUserId) ?? '' } : r.actorLabel ? { id: '', name: r.actorLabel } : null,
      })),
      nextCursor: null,
    };
  });

  app.get('/api/v1/attachments/:id', {
    schema: { tags: ['tickets'], summary: 'Download an attachment (served as a download with its sniffed type; only raster images inline, active content as application/octet-stream)', params: idParams },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const found = await getAttachment(db, request.params.id);
    if (!found) throw notFound('Attachment', request.params.id);
    const ticket = await loadVisible(actor, found.ticketId);
    if (found.kind === 'note') authorize(actor, 'note', 'ticket', ticket);
    // A customer reaches only files of entries it may see (not of an internal event).
    if (isCustomer(actor) && !isCustomerVisibleMessage(found)) throw notFound('Attachment', request.params.id);
    const a = found.attachment;
    const content = Buffer.from(a.content, 'base64');
    // Whatever arrived by email is kept, but served by what its bytes are, never rendered as a page
    // of ours: nosniff so the browser keeps our type, and a sandbox in case it is opened anyway.
    const serving = await servingOf({ contentType: a.contentType, content });
    return reply
      .header('content-type', serving.contentType)
      .header('content-disposition', contentDisposition(serving.inline, a.filename))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private')
      .send(content);
  });
}
