/**
 * The tickets capability's part of data protection: the cases a contact asked for, every message
 * they wrote, and the files attached. Erasure blanks the cases the contact requested (every line
 * of them is about the person) and the contact's own messages elsewhere; the cases stay, so
 * counts and reports keep their shape. Retention deletes expired closed cases outright.
 */
import { and, asc, eq, inArray, isNull, lt, notInArray, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { REDACTED, type PersonalDataSource } from '../privacy/index.js';
import { attachments, messages, tickets } from './schema.js';

/** The messages that are about the person: everything in their cases, and what they wrote anywhere. */
function messagesAbout(contactId: string, ticketIds: string[]): SQL {
  return ticketIds.length ? or(inArray(messages.ticketId, ticketIds), eq(messages.authorContactId, contactId))! : eq(messages.authorContactId, contactId);
}

export const ticketDataSource: PersonalDataSource = {
  async describe(db, contactId) {
    const rows = await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.contactId, contactId));
    return { ticketIds: rows.map((r) => r.id) };
  },
  async export(db, subject, { includeInternal }) {
    const cases = subject.ticketIds.length
      ? await db
          .select({ id: tickets.id, number: tickets.number, subject: tickets.subject, status: tickets.status, priority: tickets.priority, channel: tickets.channel, language: tickets.language, createdAt: tickets.createdAt, solvedAt: tickets.solvedAt, closedAt: tickets.closedAt })
          .from(tickets)
          .where(inArray(tickets.id, subject.ticketIds))
          .orderBy(asc(tickets.createdAt))
      : [];
    const visible = includeInternal ? undefined : and(eq(messages.kind, 'message'), or(eq(messages.direction, 'inbound'), eq(messages.direction, 'outbound')));
    const rows = await db
      .select({ id: messages.id, ticketId: messages.ticketId, kind: messages.kind, direction: messages.direction, channel: messages.channel, authorName: messages.authorName, bodyText: messages.bodyText, createdAt: messages.createdAt })
      .from(messages)
      .where(and(messagesAbout(subject.contactId, subject.ticketIds), visible))
      .orderBy(asc(messages.createdAt), asc(messages.id));
    const files = rows.length
      ? await db.select().from(attachments).where(inArray(attachments.messageId, rows.map((r) => r.id)))
      : [];
    return {
      records: {
        cases,
        messages: rows,
        attachments: files.map((a) => ({ id: a.id, messageId: a.messageId, filename: a.filename, contentType: a.contentType, size: a.size, path: `files/${a.messageId}/${a.filename}` })),
      },
      files: files.map((a) => ({ path: `${a.messageId}/${a.filename}`, content: Buffer.from(a.content, 'base64') })),
    };
  },
  async erase(tx, subject) {
    const about = messagesAbout(subject.contactId, subject.ticketIds);
    const ids = (await tx.select({ id: messages.id }).from(messages).where(about)).map((r) => r.id);
    let files = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      files += (await tx.delete(attachments).where(inArray(attachments.messageId, chunk)).returning({ id: attachments.id })).length;
      await tx.update(messages).set({ bodyText: REDACTED, bodyHtml: null, metadata: {} }).where(inArray(messages.id, chunk));
      // The person's name as author goes; an agent's stays (it is the agent's, not the customer's).
      await tx.update(messages).set({ authorName: null }).where(and(inArray(messages.id, chunk), isNull(messages.authorUserId)));
    }
    const cases = subject.ticketIds.length
      ? (await tx.update(tickets).set({ subject: REDACTED }).where(inArray(tickets.id, subject.ticketIds)).returning({ id: tickets.id })).length
      : 0;
    return { cases, messages: ids.length, attachments: files };
  },
  async expiredTickets(db, scope) {
    const owner = scope.organisationId
      ? eq(tickets.organisationId, scope.organisationId)
      : scope.exceptOrganisationIds.length
        ? or(isNull(tickets.organisationId), notInArray(tickets.organisationId, scope.exceptOrganisationIds))
        : undefined;
    const rows = await db
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.status, 'closed'), lt(tickets.closedAt, scope.closedBefore), owner))
      .orderBy(asc(tickets.closedAt))
      .limit(scope.limit);
    return rows.map((r) => r.id);
  },
  async purgeTickets(tx, ticketIds) {
    // Messages, attachments, links and channel records go with their case (foreign keys cascade).
    const files = await countAttachments(tx, ticketIds);
    const gone = await tx.delete(tickets).where(inArray(tickets.id, ticketIds)).returning({ id: tickets.id });
    return { cases: gone.length, attachments: files };
  },
};

async function countAttachments(db: DbOrTx, ticketIds: string[]): Promise<number> {
  const rows = await db.select({ id: attachments.id }).from(attachments).innerJoin(messages, eq(messages.id, attachments.messageId)).where(inArray(messages.ticketId, ticketIds));
  return rows.length;
}
