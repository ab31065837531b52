/**
 * What one contact has recently sent across all their tickets: the read side other capabilities
 * (the culture engine's observed-behaviour rule, patience) use instead of querying the tickets
 * and messages tables themselves.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { messages, tickets } from './schema.js';

export interface InboundContact {
  ticketId: string;
  channel: string;
  bodyText: string;
  createdAt: Date;
}

/**
 * The contact's most recent inbound messages and calls (newest first), across every ticket
 * they are the contact of. Uses the tickets-by-contact index, then each ticket's messages index.
 */
export async function recentInboundContacts(db: DbOrTx, contactId: string, limit: number): Promise<InboundContact[]> {
  return db
    .select({ ticketId: messages.ticketId, channel: messages.channel, bodyText: messages.bodyText, createdAt: messages.createdAt })
    .from(messages)
    .innerJoin(tickets, eq(tickets.id, messages.ticketId))
    .where(and(eq(tickets.contactId, contactId), eq(messages.direction, 'inbound'), eq(messages.kind, 'message')))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit);
}

/**
 * Inbound contacts per case for the contact's most recent cases (newest first), merged tickets
 * excluded because their messages moved to the surviving ticket.
 */
export async function inboundContactsPerCase(db: DbOrTx, contactId: string, cases: number): Promise<{ ticketId: string; inbound: number }[]> {
  const recent = db
    .select({ id: tickets.id, createdAt: tickets.createdAt })
    .from(tickets)
    .where(and(eq(tickets.contactId, contactId), isNull(tickets.mergedIntoId)))
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(cases)
    .as('recent');
  const rows = await db
    .select({
      ticketId: recent.id,
      createdAt: recent.createdAt,
      inbound: sql<number>`count(${messages.id}) filter (where ${messages.direction} = 'inbound' and ${messages.kind} = 'message')::int`,
    })
    .from(recent)
    .leftJoin(messages, eq(messages.ticketId, recent.id))
    .groupBy(recent.id, recent.createdAt)
    .orderBy(desc(recent.createdAt));
  return rows.map((r) => ({ ticketId: r.ticketId, inbound: Number(r.inbound) }));
}
