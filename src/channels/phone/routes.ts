/**
 * The call-event API a PBX or cloud telephony system posts to (with an API token), and the
 * calls an agent looks at: a contact's call history, and linking a live call to a ticket from
 * the screen pop.
 */
import { z } from 'zod';
import { requireActor } from '../../http/index.js';
import type { App } from '../../http/index.js';
import { decodeCursor, iso, pageSchema, paginationQuery, toPage } from '../../http/index.js';
import { notFound, problem } from '../../errors/index.js';
import { idParams, idSchema } from '../../http/index.js';
import { authorize } from '../../policies/index.js';
import { getTicket } from '../../tickets/index.js';
import { handleCallEvent } from './calls.js';
import { linkCallToTicket } from './commands.js';
import { getCall, listCalls, type CallRow } from './store.js';

const tags = ['calls'];

const callSchema = z
  .object({
    id: z.string(),
    callId: z.string(),
    direction: z.string(),
    from: z.string(),
    to: z.string(),
    fromCountry: z.string().nullable(),
    contactId: z.string().nullable(),
    ticketId: z.string().nullable(),
    agentUserId: z.string().nullable(),
    state: z.enum(['ringing', 'answered', 'ended']),
    ringingAt: z.string().nullable(),
    answeredAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    durationSeconds: z.number().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Call' });

const present = (c: CallRow) => ({
  id: c.id, callId: c.externalId, direction: c.direction, from: c.fromNumber, to: c.toNumber, fromCountry: c.fromCountry, contactId: c.contactId,
  ticketId: c.ticketId, agentUserId: c.agentUserId, state: c.state, ringingAt: iso(c.ringingAt), answeredAt: iso(c.answeredAt), endedAt: iso(c.endedAt),
  durationSeconds: c.durationSeconds, createdAt: iso(c.createdAt)!,
});

const eventBody = z.object({
  event: z.enum(['ringing', 'answered', 'ended']),
  callId: z.string().min(1).max(200),
  from: z.string().min(1).max(64),
  to: z.string().min(1).max(64),
  direction: z.enum(['inbound', 'outbound']).default('inbound'),
  at: z.iso.datetime({ offset: true }).optional(),
  agentEmail: z.string().email().optional(),
  agentId: idSchema.optional(),
  ticketId: idSchema.optional(),
  defaultCountry: z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO country code such as PL').optional(),
});

export default async function callRoutes(app: App) {
  const { db } = app.ctx;

  app.post('/api/v1/calls/events', {
    schema: {
      tags,
      summary: 'Report a call event (ringing, answered, ended) from the telephony system; pops the caller on agents’ screens and logs the call on the ticket',
      body: eventBody,
      response: { 200: z.object({ call: callSchema }) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'report', 'call');
    const b = request.body;
    if (b.ticketId && !(await getTicket(db, b.ticketId))) throw problem(400, `Ticket ${b.ticketId} does not exist.`, { errors: [{ path: 'body.ticketId', message: 'unknown ticket' }] });
    const call = await handleCallEvent(app.ctx, { ...b, at: b.at ? new Date(b.at) : undefined, defaultCountry: b.defaultCountry?.toUpperCase() }, actor.userId);
    return { call: present(call) };
  });

  app.get('/api/v1/calls', {
    schema: { tags, summary: 'Calls, newest first (optionally one contact’s)', querystring: z.object({ ...paginationQuery, contactId: idSchema.optional() }), response: { 200: pageSchema(callSchema) } },
  }, async (request) => {
    authorize(requireActor(request), 'read', 'call');
    const q = request.query;
    const rows = await listCalls(db, { contactId: q.contactId, limit: q.limit, after: decodeCursor(q.cursor, 2) as [string, string] | undefined });
    const page = toPage(rows, q.limit, (c) => [iso(c.createdAt), c.id]);
    return { items: page.items.map(present), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/calls/:id', { schema: { tags, summary: 'One call', params: idParams, response: { 200: callSchema } } }, async (request) => {
    authorize(requireActor(request), 'read', 'call');
    const call = await getCall(db, request.params.id);
    if (!call) throw notFound('Call', request.params.id);
    return present(call);
  });

  app.post('/api/v1/calls/:id/ticket', {
    schema: { tags, summary: 'Log this (live) call on the ticket the agent picked', params: idParams, body: z.object({ ticketId: idSchema }), response: { 200: callSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'update', 'call');
    const call = await getCall(db, request.params.id);
    if (!call) throw notFound('Call', request.params.id);
    if (call.loggedMessageId) throw problem(409, 'This call is already logged on a ticket.', { ticketId: call.ticketId });
    const ticket = await getTicket(db, request.body.ticketId);
    if (!ticket) throw notFound('Ticket', request.body.ticketId);
    authorize(actor, 'update', 'ticket', ticket);
    return present(await linkCallToTicket({ db, actorUserId: actor.userId }, call, ticket.id));
  });
}
