/** The culture engine's part of data protection: an admin's overrides for one contact, whose reasons describe the person. */
import { and, eq } from 'drizzle-orm';
import type { PersonalDataSource } from '../privacy/index.js';
import { cultureOverrides } from './schema.js';

const ofContact = (contactId: string) => and(eq(cultureOverrides.scope, 'contact'), eq(cultureOverrides.scopeId, contactId));

export const cultureDataSource: PersonalDataSource = {
  async export(db, subject) {
    const rows = await db.select({ field: cultureOverrides.field, value: cultureOverrides.value, reason: cultureOverrides.reason, updatedAt: cultureOverrides.updatedAt }).from(cultureOverrides).where(ofContact(subject.contactId));
    return { records: { serviceOverrides: rows } };
  },
  async erase(tx, subject) {
    const gone = await tx.delete(cultureOverrides).where(ofContact(subject.contactId)).returning({ id: cultureOverrides.id });
    return { serviceOverrides: gone.length };
  },
};
