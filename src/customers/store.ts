import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
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

/** The organisation that registered an email domain, so a new person lands on their company's record. */
export async function organisationByDomain(db: DbOrTx, domain: string): Promise<string | null> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(sql`${organisations.domains} @> array[${domain.toLowerCase()}]::text[]`).limit(1);
  return row?.id ?? null;
}
