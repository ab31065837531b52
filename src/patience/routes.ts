/** Patience, follow-up promises, transfers with hand-off summaries, and the customer's view of a case. */
import { z } from 'zod';
import { requireActor } from '../http/index.js';
import type { App } from '../http/index.js';
import { iso } from '../http/index.js';
import { notFound } from '../errors/index.js';
import { idSchema } from '../http/index.js';
import { authorize, permissions, type Actor } from '../policies/index.js';
import type { CommandContext } from '../tickets/index.js';
import { getTicket, listMessages } from '../tickets/index.js';
import { gatherCaseFacts, promisesWithStatus } from './case-facts.js';
import { customerTimeline } from './customer-timeline.js';
import { PATIENCE_REASONS, scorePatience } from './patience-score.js';
import { REMINDER_LEAD_MINUTES } from './follow-up-promises.js';
import { cancelPromise, makePromise } from './commands.js';
import { REMEDY_ACTIONS, recommendRemedy } from './remedy.js';
import { patienceSchema, promiseSchema, timelineSchema } from './schemas.js';

const ticketParams = z.object({ id: idSchema });

/** Registers the patience, promise and customer-timeline endpoints. */
export default async function patienceRoutes(app: App) {
  const { db, realtime } = app.ctx;
  const tags = ['patience'];
  const commandContext = (actor: Actor): CommandContext => ({ db, realtime, registry: app.ctx.registry, actorUserId: actor.userId });

  async function visibleTicket(actor: Actor, id: string) {
    const ticket = await getTicket(db, id);
    if (!ticket) throw notFound('Ticket', id);
    authorize(actor, 'read', 'ticket', ticket);
    return ticket;
  }

  async function promisesOf(actor: Actor, ticketId: string) {
    const promises = await promisesWithStatus(db, ticketId, await listMessages(db, ticketId, 5000, undefined, false), new Date());
    return promises.map(({ row, status }) => ({
      id: row.id, ticketId: row.ticketId, dueAt: row.dueAt.toISOString(), channel: row.channel, note: row.note, createdAt: row.createdAt.toISOString(),
      createdByUserId: row.createdByUserId, state: status.state, remindAt: status.remindAt.toISOString(), fulfilledAt: iso(status.fulfilledAt), onPromisedChannel: status.onPromisedChannel,
      permissions: permissions(actor, 'promise', undefined, ['cancel']),
    }));
  }

  app.get('/api/v1/tickets/:id/patience', { schema: { tags, summary: 'Patience score with its reasons, the facts behind it and proportional remedy guidance', params: ticketParams, response: { 200: patienceSchema } } }, async (request) => {
    const actor = requireActor(request);
    const ticket = await visibleTicket(actor, request.params.id);
    authorize(actor, 'read', 'ticket_sla');
    const { facts, expected, assignments, contactsByChannel } = await gatherCaseFacts(db, ticket, new Date());
    const patience = scorePatience(facts);
    return {
      ticketId: ticket.id, score: patience.score, level: patience.level,
      reasons: patience.reasons.map((r) => ({ code: r.code as (typeof PATIENCE_REASONS)[number], points: r.points, values: r.values })),
      remedy: (() => {
        const g = recommendRemedy(patience);
        return { level: g.level, goodwill: g.goodwill, steps: g.steps.map((s) => ({ action: s.action as (typeof REMEDY_ACTIONS)[number], because: s.because })) };
      })(),
      facts: {
        customerContacts: facts.customerContacts, expectedContacts: facts.expectedContacts, expectedContactsSource: expected.source, contactsByChannel,
        firstContactAt: facts.firstContactAt.toISOString(), waitingSince: iso(facts.waitingSince ?? null), reopenings: facts.reopenings, transfers: facts.transfers,
        pingPongs: assignments.pingPongs.map((p) => ({ at: p.at.toISOString(), kind: p.kind, ownerId: p.ownerId, fromId: p.fromId, leftAt: p.leftAt.toISOString() })),
        brokenPromises: facts.brokenPromises, slaBreaches: facts.slaBreaches,
        previousOwners: { userIds: assignments.users, teamIds: assignments.teams },
      },
    };
  });

  app.get('/api/v1/tickets/:id/promises', { schema: { tags, summary: 'Follow-up promises of a ticket with their state', params: ticketParams, response: { 200: z.object({ items: z.array(promiseSchema), nextCursor: z.null() }) } } }, async (request) => {
    const actor = requireActor(request);
    const ticket = await visibleTicket(actor, request.params.id);
    authorize(actor, 'read', 'promise');
    return { items: await promisesOf(actor, ticket.id), nextCursor: null };
  });

  app.post('/api/v1/tickets/:id/promises', {
    schema: {
      tags, summary: `Record "I will update you by …" on a channel; shown to the customer, reminded ${REMINDER_LEAD_MINUTES} minutes before, flagged when broken`,
      params: ticketParams,
      body: z.object({ dueAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant, e.g. 2026-04-01T14:00:00Z' }), channel: z.string().trim().min(1).max(40), note: z.string().max(2000).optional() }),
      response: { 201: promiseSchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const ticket = await visibleTicket(actor, request.params.id);
    authorize(actor, 'create', 'promise');
    const promise = await makePromise({ ...commandContext(actor), actorName: actor.name }, ticket, { dueAt: new Date(request.body.dueAt), channel: request.body.channel, note: request.body.note });
    const items = await promisesOf(actor, ticket.id);
    return reply.status(201).send(items.find((p) => p.id === promise.id)!);
  });

  app.post('/api/v1/tickets/:id/promises/:promiseId/cancel', {
    schema: { tags, summary: 'Withdraw a promise (for example when the customer asked to wait)', params: z.object({ id: idSchema, promiseId: idSchema }), response: { 200: promiseSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const ticket = await visibleTicket(actor, request.params.id);
    authorize(actor, 'cancel', 'promise');
    await cancelPromise(commandContext(actor), ticket, request.params.promiseId);
    return (await promisesOf(actor, ticket.id)).find((p) => p.id === request.params.promiseId)!;
  });

  app.get('/api/v1/portal/tickets/:id/timeline', {
    schema: { tags: ['portal'], summary: 'The case as the customer sees it: the same record minus internal notes, its owner and when the next update is due', params: ticketParams, response: { 200: timelineSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const ticket = await visibleTicket(actor, request.params.id);
    return customerTimeline(db, ticket);
  });
}
