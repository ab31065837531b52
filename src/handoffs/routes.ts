/** Transfers with a hand-off summary: the draft, the transfer itself and the record of every hand-off. */
import { z } from 'zod';
import { requireActor } from '../http/index.js';
import type { App } from '../http/index.js';
import { notFound } from '../errors/index.js';
import { idSchema } from '../http/index.js';
import { listHandoffs } from '../patience/index.js';
import { authorize, type Actor } from '../policies/index.js';
import { presentTicket, ticketSchema } from '../tickets/index.js';
import { getTicket } from '../tickets/index.js';
import { getUser } from '../users/index.js';
import { MIN_SUMMARY_LENGTH, transferTicket } from './commands.js';
import { draftTransferSummary } from './draft.js';

const ticketParams = z.object({ id: idSchema });

const handoffFactsSchema = z
  .object({
    subject: z.string(),
    customerName: z.string().nullable(),
    organisationName: z.string().nullable(),
    contacts: z.object({ count: z.number().int(), since: z.string(), channels: z.array(z.string()) }).nullable(),
    firstAsk: z.string().nullable(),
    latest: z.object({ at: z.string(), text: z.string() }).nullable(),
    done: z.array(z.object({ at: z.string(), author: z.string().nullable(), note: z.boolean(), text: z.string() })),
    promises: z.array(z.object({ dueAt: z.string(), channel: z.string() })),
    patience: z.object({ score: z.number(), reasons: z.array(z.string()) }).nullable(),
    fromOwner: z.string().nullable(),
    toOwner: z.string().nullable(),
  })
  .meta({ id: 'HandoffFacts', description: 'What the drafted summary says, as data, for a client to word in its reader\'s language' });

export default async function handoffRoutes(app: App) {
  const { db, realtime } = app.ctx;
  const tags = ['patience'];

  async function visibleTicket(actor: Actor, id: string) {
    const ticket = await getTicket(db, id);
    if (!ticket) throw notFound('Ticket', id);
    authorize(actor, 'read', 'ticket', ticket);
    return ticket;
  }

  app.get('/api/v1/tickets/:id/transfer/draft', {
    schema: {
      tags, summary: 'A hand-off summary drafted from the case record, for the agent to edit before transferring', params: ticketParams,
      querystring: z.object({ assigneeId: idSchema.optional(), teamId: idSchema.optional() }),
      response: { 200: z.object({ summary: z.string(), facts: handoffFactsSchema, minLength: z.number() }) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const ticket = await visibleTicket(actor, request.params.id);
    authorize(actor, 'update', 'ticket', ticket);
    const me = await getUser(db, actor.userId);
    const { summary, facts } = await draftTransferSummary(db, ticket, { assigneeId: request.query.assigneeId, teamId: request.query.teamId }, me?.user.timeZone ?? 'UTC');
    const at = (d: Date) => d.toISOString();
    return {
      summary,
      facts: {
        ...facts,
        contacts: facts.contacts && { ...facts.contacts, since: at(facts.contacts.since) },
        latest: facts.latest && { ...facts.latest, at: at(facts.latest.at) },
        done: facts.done.map((d) => ({ ...d, at: at(d.at) })),
        promises: facts.promises.map((p) => ({ ...p, dueAt: at(p.dueAt) })),
      },
      minLength: MIN_SUMMARY_LENGTH,
    };
  });

  app.post('/api/v1/tickets/:id/transfer', {
    schema: {
      tags, summary: 'Transfer a ticket to a person and/or team; a hand-off summary is required', params: ticketParams,
      body: z.object({ assigneeId: idSchema.nullable().optional(), teamId: idSchema.nullable().optional(), summary: z.string().max(20_000) }),
      response: { 200: ticketSchema },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const ticket = await visibleTicket(actor, request.params.id);
    authorize(actor, 'update', 'ticket', ticket);
    const { summary, ...target } = request.body;
    const after = await transferTicket({ db, realtime, registry: app.ctx.registry, actorUserId: actor.userId }, ticket.id, target, summary);
    return presentTicket(db, actor, after);
  });

  app.get('/api/v1/tickets/:id/handoffs', {
    schema: {
      tags, summary: 'Every transfer of a ticket with its hand-off summary', params: ticketParams,
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), kind: z.string(), fromUserId: z.string().nullable(), fromTeamId: z.string().nullable(), toUserId: z.string().nullable(), toTeamId: z.string().nullable(), summary: z.string(), createdByUserId: z.string().nullable(), createdAt: z.string() })), nextCursor: z.null() }) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const ticket = await visibleTicket(actor, request.params.id);
    authorize(actor, 'read', 'ticket_sla');
    const rows = await listHandoffs(db, ticket.id);
    return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })), nextCursor: null };
  });}
