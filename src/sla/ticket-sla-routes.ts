/** A ticket's SLA over HTTP: its clocks, and a compact batch form for queue rows. */
import { z } from 'zod';
import { requireActor } from '../http/index.js';
import type { App } from '../http/index.js';
import { iso } from '../http/index.js';
import { notFound } from '../errors/index.js';
import { commaList, idParams, idSchema } from '../http/index.js';
import { authorize, organisationScope } from '../policies/index.js';
import { getTicket } from '../tickets/index.js';
import { calendarDefinitionApiSchema } from '../calendars/index.js';
import { SLA_METRICS, type SlaClock } from './sla-clock.js';
import { getTicketSlas } from './ticket-sla-store.js';
import { ticketSlaClocks } from './ticket-sla.js';
import { queueSlaItem } from './queue-sla.js';

const states = z.enum(['ok', 'warning', 'breached', 'met', 'paused']);

const clockSchema = z
  .object({
    metric: z.enum(SLA_METRICS), targetMinutes: z.number(), startedAt: z.string(), dueAt: z.string().nullable(), warningAt: z.string().nullable(),
    stoppedAt: z.string().nullable(), elapsedBusinessMinutes: z.number(), remainingBusinessMinutes: z.number(), state: states, earlierBreaches: z.number(),
  })
  .meta({ id: 'SlaClock' });

const ticketSlaSchema = z
  .object({
    ticketId: z.string(),
    state: states.nullable(),
    policy: z.object({ id: z.string(), name: z.string(), warningPercent: z.number(), pauseOnHold: z.boolean() }).nullable(),
    calendar: z.object({ source: z.enum(['contract', 'coverage', 'policy', 'country', 'default']), definition: calendarDefinitionApiSchema }).nullable(),
    clocks: z.array(clockSchema),
  })
  .meta({ id: 'TicketSla' });

export const queueSlaSchema = z
  .object({ ticketId: z.string(), state: states.nullable(), metric: z.enum(SLA_METRICS).nullable(), dueAt: z.string().nullable(), remainingBusinessMinutes: z.number().nullable(), breaches: z.number() })
  .meta({ id: 'QueueSla' });

const presentClock = (c: SlaClock) => ({
  metric: c.metric, targetMinutes: c.targetMinutes, startedAt: iso(c.startedAt)!, dueAt: iso(c.dueAt), warningAt: iso(c.warningAt), stoppedAt: iso(c.stoppedAt),
  elapsedBusinessMinutes: c.elapsedBusinessMinutes, remainingBusinessMinutes: c.remainingBusinessMinutes, state: c.state, earlierBreaches: c.earlierBreaches,
});

/** Registers a ticket's SLA detail and the batch summary the queue uses. */
export default async function ticketSlaRoutes(app: App) {
  const { db } = app.ctx;
  const tags = ['sla'];

  app.get('/api/v1/tickets/:id/sla', { schema: { tags, summary: 'A ticket\'s SLA targets, time left and state per target', params: idParams, response: { 200: ticketSlaSchema } } }, async (request) => {
    const actor = requireActor(request);
    const ticket = await getTicket(db, request.params.id);
    if (!ticket) throw notFound('Ticket', request.params.id);
    authorize(actor, 'read', 'ticket', ticket);
    authorize(actor, 'read', 'ticket_sla');
    const { applied, clocks, state } = await ticketSlaClocks(db, ticket);
    return {
      ticketId: ticket.id,
      state,
      policy: applied ? { id: applied.policyId, name: applied.policyName, warningPercent: Math.round(applied.targets.warningRatio * 100), pauseOnHold: applied.targets.pauseOnHold } : null,
      calendar: applied ? { source: applied.calendarSource, definition: applied.calendar } : null,
      clocks: clocks.map(presentClock),
    };
  });

  app.get('/api/v1/sla/tickets', {
    schema: {
      tags, summary: 'SLA state and time left of several tickets at once (for queue rows)',
      querystring: z.object({ ids: commaList.pipe(z.array(idSchema).min(1).max(200)) }),
      response: { 200: z.object({ items: z.array(queueSlaSchema) }) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'read', 'ticket_sla');
    // Staff only (rule above), so no organisation scope applies; kept explicit for when that changes.
    if (organisationScope(actor)) return { items: [] };
    const now = new Date();
    const rows = await getTicketSlas(db, request.query.ids);
    return { items: rows.map((r) => queueSlaItem(r, now)) };
  });
}
