/**
 * The SLA capability: keep clocks in step with tickets (ticket hook) and run the SLA checks that
 * send warnings and breaches.
 */
import { calendarUsages } from '../calendars/index.js';
import type { Capability } from '../http/index.js';
import { ticketHooks } from '../tickets/index.js';
import { personalDataSources } from '../privacy/index.js';
import { slaDataSource } from './personal-data.js';
import { getTicket } from '../tickets/index.js';
import { dispatchSlaAlerts } from './alert-dispatch.js';
import { slaPolicyCalendarUsage, teamShiftCalendarUsage } from './calendar-usage.js';
import { seedSlaDemo } from './demo.js';
import { onTicketChange } from './hooks.js';
import slaRoutes from './routes.js';
import { refreshTicketSla, SLA_CHECK_JOB } from './ticket-sla.js';

export const slaCapability: Capability = {
  name: 'sla',
  routes: slaRoutes,
  register(ctx) {
    ctx.registry.add(ticketHooks, 'sla', onTicketChange);
    ctx.registry.add(personalDataSources, 'sla', slaDataSource);
    ctx.registry.add(calendarUsages, 'sla.team-shifts', teamShiftCalendarUsage);
    ctx.registry.add(calendarUsages, 'sla.policies', slaPolicyCalendarUsage);
    ctx.jobs.register(SLA_CHECK_JOB, async (payload: { ticketId: string }, { db }) => {
      // One transaction: an alert is claimed and announced together, or not at all (and retried).
      await db.transaction(async (tx) => {
        const ticket = await getTicket(tx, payload.ticketId);
        if (!ticket) return;
        const { clocks } = await refreshTicketSla(tx, ticket);
        await dispatchSlaAlerts(tx, ctx.realtime, ticket, clocks);
      });
    });
  },
  seedDemo: seedSlaDemo,
};
