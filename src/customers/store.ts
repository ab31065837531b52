import { eq, inArray, sql } from 'drizzle-orm';
import { diff, recordAudit } from '../audit/index.js';
import type { DbOrTx } from '../db/index.js';
import { newId } from '../db/index.js';
import { contacts, organisations } from './schema.js';

export type ContactRow = typeof contacts.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;

/** One contact by id (used by tickets, channels and the culture engine). */
export async function getContact(db: DbOrTx, id: string): Promise<ContactRow | null> {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
  return row ?? null;
}

export async function getOrganisation(db: DbOrTx, id: string): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

/** Finds a contact by one of its email addresses (case-insensitive; stored lower-case). */
export async function findContactByEmail(db: DbOrTx, email: string): Promise<ContactRow | null> {
  const [row] = await db.select().from(contacts).where(sql`${contacts.emails} @> array[${email.trim().toLowerCase()}]::text[]`).limit(1);
  return row ?? null;
}

/** Finds a contact by an E.164 phone number. */
export async function findContactByPhone(db: DbOrTx, e164: string): Promise<ContactRow | null> {
  const [row] = await db.select().from(contacts).where(sql`${contacts.phones} @> array[${e164}]::text[]`).limit(1);
  return row ?? null;
}

/** Names of organisations and contacts by id, for list presenters. */
export async function organisationNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function contactNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: contacts.id, name: contacts.name }).from(contacts).where(inArray(contacts.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type NewContact = Omit<typeof contacts.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/**
 * Creates a contact with the same normalisation as the contacts API (lower-case emails) and an
 * audit entry, for capabilities that meet new people (a first email, a first WhatsApp message).
 */
export async function createContact(db: DbOrTx, values: NewContact, actor: { userId?: string | null; label?: string }): Promise<ContactRow> {
  const [row] = await db
    .insert(contacts)
    .values({ ...values, id: newId(), emails: (values.emails ?? []).map((e) => e.trim().toLowerCase()) })
    .returning();
  await recordAudit(db, {
    actorUserId: actor.userId ?? null, actorLabel: actor.label ?? null, entity: 'contact', entityId: row.id, action: 'create',
    changes: diff({}, { name: row.name, emails: row.emails.length ? row.emails : undefined, phones: row.phones.length ? row.phones : undefined }),
  });
  return row;
}

/** The organisation that registered an email domain, so a new person lands on their company's record. */
export async function organisationByDomain(db: DbOrTx, domain: string): Promise<string | null> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(sql`${organisations.domains} @> array[${domain.toLowerCase()}]::text[]`).limit(1);
  return row?.id ?? null;
}
