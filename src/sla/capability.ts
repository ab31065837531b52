/**
 * The SLA capability's start-up work: keep clocks in step with tickets (ticket hook), run the
 * SLA checks that send warnings and breaches, deliver outgoing webhooks, and hand urgent work
 * round the world with follow-the-sun.
 */
import type { Capability } from '../capabilities.js';
import { registerRecurring } from '../jobs/queue.js';
import { registerTicketHook } from '../tickets/hooks.js';
import { getTicket } from '../tickets/store.js';
import { dispatchSlaAlerts } from './alert-dispatch.js';
import { seedSlaDemo } from './demo.js';
import { FOLLOW_THE_SUN_EVERY_SECONDS, FOLLOW_THE_SUN_JOB, runFollowTheSun } from '../handoffs/follow-the-sun-job.js';
import { onTicketChange } from './hooks.js';
import { refreshTicketSla, SLA_CHECK_JOB } from './ticket-sla.js';
import { deliverWebhook, WEBHOOK_DELIVER_JOB } from '../notifications/webhooks.js';
import '../policies/sla.js';

export const slaCapability: Capability = {
  name: 'sla',
  async start(ctx) {
    registerTicketHook('sla', onTicketChange);
    ctx.jobs.register(SLA_CHECK_JOB, async (payload: { ticketId: string }, { db }) => {
      // One transaction: an alert is claimed and announced together, or not at all (and retried).
      await db.transaction(async (tx) => {
        const ticket = await getTicket(tx, payload.ticketId);
        if (!ticket) return;
        const { clocks } = await refreshTicketSla(tx, ticket);
        await dispatchSlaAlerts(tx, ctx.realtime, ticket, clocks);
      });
    });
    ctx.jobs.register(WEBHOOK_DELIVER_JOB, async (payload: { deliveryId: string }, { db }) => deliverWebhook(db, payload.deliveryId));
    await registerRecurring(ctx.jobs, ctx.db, FOLLOW_THE_SUN_JOB, FOLLOW_THE_SUN_EVERY_SECONDS, async (_payload, { db }) => {
      await runFollowTheSun(db, ctx.realtime);
    });
  },
  seedDemo: seedSlaDemo,
};
