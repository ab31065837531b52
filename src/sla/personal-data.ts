/** The SLA capability holds no personal data, only clocks per case: retention deletes them with their case. */
import { inArray } from 'drizzle-orm';
import type { PersonalDataSource } from '../privacy/index.js';
import { slaAlerts, ticketEvents, ticketSla } from './schema.js';

export const slaDataSource: PersonalDataSource = {
  async purgeTickets(tx, ticketIds) {
    const clocks = await tx.delete(ticketSla).where(inArray(ticketSla.ticketId, ticketIds)).returning({ id: ticketSla.ticketId });
    const events = await tx.delete(ticketEvents).where(inArray(ticketEvents.ticketId, ticketIds)).returning({ id: ticketEvents.id });
    const alerts = await tx.delete(slaAlerts).where(inArray(slaAlerts.ticketId, ticketIds)).returning({ id: slaAlerts.id });
    return { slaClocks: clocks.length, slaEvents: events.length, slaAlerts: alerts.length };
  },
};
