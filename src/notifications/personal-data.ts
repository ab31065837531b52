/**
 * The notifications capability's part of data protection: agents' notifications about the
 * contact's cases carry the case's subject and the customer's name, so they go. Webhook payloads
 * already sent are redacted by the privacy sweep (they are a record of what left the system).
 */
import { inArray } from 'drizzle-orm';
import type { PersonalDataSource } from '../privacy/index.js';
import { agentNotifications } from './schema.js';

export const notificationDataSource: PersonalDataSource = {
  async erase(tx, subject) {
    if (!subject.ticketIds.length) return {} as Record<string, number>;
    const gone = await tx.delete(agentNotifications).where(inArray(agentNotifications.ticketId, subject.ticketIds)).returning({ id: agentNotifications.id });
    return { notifications: gone.length };
  },
  async purgeTickets(tx, ticketIds) {
    const gone = await tx.delete(agentNotifications).where(inArray(agentNotifications.ticketId, ticketIds)).returning({ id: agentNotifications.id });
    return { notifications: gone.length };
  },
};
