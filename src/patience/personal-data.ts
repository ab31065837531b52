/**
 * The patience capability's part of data protection: follow-up promises (their notes) and
 * hand-off summaries of the contact's cases, which retell the case in words.
 */
import { inArray } from 'drizzle-orm';
import { REDACTED, type PersonalDataSource } from '../privacy/index.js';
import { followUpPromises, handoffs } from './schema.js';

export const patienceDataSource: PersonalDataSource = {
  async export(db, subject, { includeInternal }) {
    if (!subject.ticketIds.length) return {};
    const promises = await db
      .select({ ticketId: followUpPromises.ticketId, dueAt: followUpPromises.dueAt, channel: followUpPromises.channel, note: followUpPromises.note, keptAt: followUpPromises.keptAt, brokenAt: followUpPromises.brokenAt, createdAt: followUpPromises.createdAt })
      .from(followUpPromises)
      .where(inArray(followUpPromises.ticketId, subject.ticketIds));
    // Hand-off summaries are written for the next agent: internal, like notes.
    const summaries = includeInternal
      ? await db.select({ ticketId: handoffs.ticketId, kind: handoffs.kind, summary: handoffs.summary, createdAt: handoffs.createdAt }).from(handoffs).where(inArray(handoffs.ticketId, subject.ticketIds))
      : [];
    return { records: { followUpPromises: promises, ...(includeInternal ? { handoffs: summaries } : {}) } };
  },
  async erase(tx, subject) {
    if (!subject.ticketIds.length) return {} as Record<string, number>;
    const promises = await tx.update(followUpPromises).set({ note: null }).where(inArray(followUpPromises.ticketId, subject.ticketIds)).returning({ id: followUpPromises.id });
    const summaries = await tx.update(handoffs).set({ summary: REDACTED }).where(inArray(handoffs.ticketId, subject.ticketIds)).returning({ id: handoffs.id });
    return { followUpPromises: promises.length, handoffs: summaries.length };
  },
  async purgeTickets(tx, ticketIds) {
    const promises = await tx.delete(followUpPromises).where(inArray(followUpPromises.ticketId, ticketIds)).returning({ id: followUpPromises.id });
    const summaries = await tx.delete(handoffs).where(inArray(handoffs.ticketId, ticketIds)).returning({ id: handoffs.id });
    return { followUpPromises: promises.length, handoffs: summaries.length };
  },
};
