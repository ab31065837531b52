/**
 * The customers capability's part of data protection: the contact record itself. Erasure keeps
 * the row, anonymous and marked erased, so its cases and the reports keep their shape.
 */
import { eq } from 'drizzle-orm';
import { REDACTED, nameForms, type PersonalDataSource } from '../privacy/index.js';
import { contacts, organisations, sites } from './schema.js';
import { getContact, getOrganisation } from './store.js';

export const contactDataSource: PersonalDataSource = {
  async describe(db, contactId) {
    const contact = await getContact(db, contactId);
    if (!contact) return {};
    return {
      exists: true,
      organisationId: contact.organisationId,
      names: nameForms(contact.name, contact.givenName, contact.familyName),
      emails: contact.emails,
      phones: contact.phones,
    };
  },
  async hasOrganisation(db, organisationId) {
    return !!(await getOrganisation(db, organisationId));
  },
  async export(db, subject) {
    const contact = await getContact(db, subject.contactId);
    if (!contact) return {};
    const [organisation] = contact.organisationId ? await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, contact.organisationId)) : [];
    const [site] = contact.siteId ? await db.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.id, contact.siteId)) : [];
    return { records: { contact: { ...contact, organisation: organisation ?? null, site: site ?? null } } };
  },
  async erase(tx, subject) {
    const rows = await tx
      .update(contacts)
      .set({ name: REDACTED, givenName: null, familyName: null, emails: [], phones: [], jobTitle: null, notes: null, siteId: null, erasedAt: new Date(), updatedAt: new Date() })
      .where(eq(contacts.id, subject.contactId))
      .returning({ id: contacts.id });
    return { contacts: rows.length };
  },
};
