/**
 * The channels capability's part of data protection: how the contact is reached (identities),
 * what crossed each channel for them (addresses, provider metadata), their chat sessions, their
 * calls, and raw inbound mail that failed to become a message but came from their address.
 */
import { and, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { REDACTED, type PersonalDataSource } from '../privacy/index.js';
import { dropOriginals } from './email/originals.js';
import { calls, channelMessages, chatSessions, contactIdentities, inboundFailures } from './schema.js';

/** Rows about the person: theirs by contact, or belonging to one of their cases. */
const about = (table: { contactId: PgColumn; ticketId: PgColumn }, contactId: string, ticketIds: string[]): SQL =>
  ticketIds.length ? or(eq(table.contactId, contactId), inArray(table.ticketId, ticketIds))! : eq(table.contactId, contactId);

export const channelDataSource: PersonalDataSource = {
  async describe(db, contactId) {
    const identities = await db.select().from(contactIdentities).where(eq(contactIdentities.contactId, contactId));
    const chats = await db.select({ name: chatSessions.name, email: chatSessions.email }).from(chatSessions).where(eq(chatSessions.contactId, contactId));
    return {
      names: [...identities.map((i) => i.label ?? ''), ...chats.map((c) => c.name ?? '')].filter(Boolean),
      emails: [...identities.filter((i) => i.kind === 'email').map((i) => i.value), ...chats.map((c) => c.email ?? '')].filter(Boolean),
      phones: identities.filter((i) => i.kind === 'phone').map((i) => i.value),
    };
  },
  async export(db, subject) {
    const identities = await db
      .select({ kind: contactIdentities.kind, value: contactIdentities.value, label: contactIdentities.label, lastChannel: contactIdentities.lastChannel, lastSeenAt: contactIdentities.lastSeenAt, createdAt: contactIdentities.createdAt })
      .from(contactIdentities)
      .where(eq(contactIdentities.contactId, subject.contactId));
    const deliveries = await db
      .select({ channel: channelMessages.channel, direction: channelMessages.direction, ticketId: channelMessages.ticketId, address: channelMessages.address, status: channelMessages.status, createdAt: channelMessages.createdAt })
      .from(channelMessages)
      .where(about(channelMessages, subject.contactId, subject.ticketIds));
    const chats = await db
      .select({ id: chatSessions.id, ticketId: chatSessions.ticketId, name: chatSessions.name, email: chatSessions.email, emailVerifiedAt: chatSessions.emailVerifiedAt, language: chatSessions.language, createdAt: chatSessions.createdAt })
      .from(chatSessions)
      .where(about(chatSessions, subject.contactId, subject.ticketIds));
    const phoneCalls = await db
      .select({ direction: calls.direction, fromNumber: calls.fromNumber, toNumber: calls.toNumber, ticketId: calls.ticketId, state: calls.state, answeredAt: calls.answeredAt, endedAt: calls.endedAt, durationSeconds: calls.durationSeconds, createdAt: calls.createdAt })
      .from(calls)
      .where(about(calls, subject.contactId, subject.ticketIds));
    return { records: { identities, deliveries, chatSessions: chats, calls: phoneCalls } };
  },
  async erase(tx, subject) {
    // Originals first: the channel records say which messages were theirs or in their cases.
    const received = await tx.select({ messageId: channelMessages.messageId }).from(channelMessages).where(and(about(channelMessages, subject.contactId, subject.ticketIds), eq(channelMessages.direction, 'inbound')));
    const originals = await dropOriginals(tx, received.map((r) => r.messageId).filter((id): id is string => !!id));
    const identities = await tx.delete(contactIdentities).where(eq(contactIdentities.contactId, subject.contactId)).returning({ id: contactIdentities.id });
    const deliveries = await tx
      .update(channelMessages)
      .set({ address: null, error: null, metadata: {} })
      .where(about(channelMessages, subject.contactId, subject.ticketIds))
      .returning({ id: channelMessages.id });
    const chats = await tx
      .update(chatSessions)
      .set({ name: null, email: null, verifyTokenHash: null })
      .where(about(chatSessions, subject.contactId, subject.ticketIds))
      .returning({ id: chatSessions.id });
    const phoneCalls = await tx
      .update(calls)
      .set({ fromNumber: REDACTED, toNumber: REDACTED, fromCountry: null })
      .where(and(about(calls, subject.contactId, subject.ticketIds), eq(calls.direction, 'inbound')))
      .returning({ id: calls.id });
    const outboundCalls = await tx
      .update(calls)
      .set({ toNumber: REDACTED })
      .where(and(about(calls, subject.contactId, subject.ticketIds), sql`${calls.direction} <> 'inbound'`))
      .returning({ id: calls.id });
    // Raw mail is kept as bytes: look for the person's addresses and numbers in the decoded text.
    const needles = [...subject.identifiers.emails, ...subject.identifiers.phones.filter((p) => p.startsWith('+'))];
    let failures = 0;
    for (const needle of needles) {
      const gone = await tx
        .delete(inboundFailures)
        .where(sql`strpos(lower(encode(decode(${inboundFailures.raw}, 'base64'), 'escape')), ${needle.toLowerCase()}) > 0 or strpos(lower(${inboundFailures.envelope}::text), ${needle.toLowerCase()}) > 0`)
        .returning({ id: inboundFailures.id });
      failures += gone.length;
    }
    return { emailOriginals: originals, identities: identities.length, deliveries: deliveries.length, chatSessions: chats.length, calls: phoneCalls.length + outboundCalls.length, rawFailures: failures };
  },
  async purgeTickets(tx, ticketIds) {
    const chats = await tx.delete(chatSessions).where(inArray(chatSessions.ticketId, ticketIds)).returning({ id: chatSessions.id });
    const phoneCalls = await tx.delete(calls).where(inArray(calls.ticketId, ticketIds)).returning({ id: calls.id });
    return { chatSessions: chats.length, calls: phoneCalls.length };
  },
  async purgeRawFailures(tx, before) {
    const gone = await tx.delete(inboundFailures).where(lt(inboundFailures.createdAt, before)).returning({ id: inboundFailures.id });
    return { rawFailures: gone.length };
  },
};
