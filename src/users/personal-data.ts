/**
 * The users capability's part of data protection: a customer's sign-in account for the contact.
 * Erasure keeps the row (its id is in the audit trail and on the messages it wrote) but removes
 * the person from it and closes it: no password, no sessions, no tokens.
 */
import { eq, inArray } from 'drizzle-orm';
import { REDACTED, type PersonalDataSource } from '../privacy/index.js';
import { apiTokens, sessions, users } from './schema.js';

export const userDataSource: PersonalDataSource = {
  async describe(db, contactId) {
    const rows = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.contactId, contactId));
    return { userIds: rows.map((r) => r.id), names: rows.map((r) => r.name), emails: rows.map((r) => r.email) };
  },
  async export(db, subject) {
    if (!subject.userIds.length) return {};
    const rows = await db
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale, timeZone: users.timeZone, active: users.active, createdAt: users.createdAt })
      .from(users)
      .where(inArray(users.id, subject.userIds));
    return { records: { accounts: rows } };
  },
  async erase(tx, subject) {
    if (!subject.userIds.length) return {} as Record<string, number>;
    const closedSessions = await tx.delete(sessions).where(inArray(sessions.userId, subject.userIds)).returning({ id: sessions.id });
    const tokens = await tx.delete(apiTokens).where(inArray(apiTokens.userId, subject.userIds)).returning({ id: apiTokens.id });
    for (const id of subject.userIds) {
      // The address must stay unique and must not be anyone's: a reserved domain (RFC 2606).
      await tx.update(users).set({ email: `erased-${id}@erased.invalid`, name: REDACTED, passwordHash: null, active: false, updatedAt: new Date() }).where(eq(users.id, id));
    }
    return { accounts: subject.userIds.length, sessions: closedSessions.length, apiTokens: tokens.length };
  },
};
