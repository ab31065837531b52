/**
 * Contact identities: one person, several addresses (emails, a number used for calls, SMS and
 * WhatsApp, a Telegram chat, a web-chat visitor). Whatever channel a message comes from, it is
 * resolved here to the same contact, so the agent sees one customer and one conversation.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.js';
import { newId } from '../../db/index.js';
import { contactIdentities, identityKinds } from '../schema.js';
import { findContactByEmail, findContactByPhone, getContact } from '../../customers/index.js';
import { createContactFromChannel } from './new-contact.js';

export type IdentityKind = (typeof identityKinds)[number];
export type IdentityRow = typeof contactIdentities.$inferSelect;

export interface IdentityInput {
  kind: IdentityKind;
  /** Already normalised (lower-case email, E.164, chat id). */
  value: string;
  /** The person's name as the channel gives it. */
  name?: string | null;
  label?: string | null;
  /** The channel the message came on (whatsapp, sms, phone, email …). */
  channel: string;
  language?: string | null;
  country?: string | null;
}

export interface ResolvedContact {
  contactId: string;
  organisationId: string | null;
  identityId: string;
  /** True when this message created the contact. */
  created: boolean;
}

/** Normalises an identity value for its kind, so lookups never miss on case or spacing. */
export function normaliseIdentityValue(kind: IdentityKind, value: string): string {
  const v = value.trim();
  return kind === 'email' ? v.toLowerCase() : v;
}

export async function findIdentity(db: DbOrTx, kind: IdentityKind, value: string): Promise<IdentityRow | null> {
  const [row] = await db
    .select()
    .from(contactIdentities)
    .where(and(eq(contactIdentities.kind, kind), eq(contactIdentities.value, normaliseIdentityValue(kind, value))));
  return row ?? null;
}

/**
 * The contact who already owns an email address or phone number: the identity table first, then
 * the addresses typed on contact records by hand. Null when nobody does.
 */
export async function contactOwning(db: DbOrTx, kind: 'email' | 'phone', value: string): Promise<string | null> {
  const identity = await findIdentity(db, kind, value);
  if (identity) return identity.contactId;
  const contact = kind === 'email' ? await findContactByEmail(db, normaliseIdentityValue(kind, value)) : await findContactByPhone(db, value);
  return contact?.id ?? null;
}

/** Every identity of a contact, oldest first (the agent's "reach them on" list). */
export async function identitiesOf(db: DbOrTx, contactId: string): Promise<IdentityRow[]> {
  return db.select().from(contactIdentities).where(eq(contactIdentities.contactId, contactId)).orderBy(asc(contactIdentities.createdAt));
}

async function touch(db: DbOrTx, id: string, channel: string, label?: string | null): Promise<void> {
  await db
    .update(contactIdentities)
    .set({ lastChannel: channel, lastSeenAt: new Date(), ...(label ? { label } : {}) })
    .where(eq(contactIdentities.id, id));
}

/**
 * The contact behind an address: the identity table first, then the contact records' own
 * email and phone lists (contacts entered by hand), and only then a new contact. Safe against
 * two messages from a new address arriving at once: the unique index decides, the loser re-reads.
 */
export async function resolveContact(db: DbOrTx, input: IdentityInput): Promise<ResolvedContact> {
  const value = normaliseIdentityValue(input.kind, input.value);
  const known = await findIdentity(db, input.kind, value);
  if (known) {
    await touch(db, known.id, input.channel, input.label);
    const contact = await getContact(db, known.contactId);
    return { contactId: known.contactId, organisationId: contact?.organisationId ?? null, identityId: known.id, created: false };
  }

  let contact =
    input.kind === 'email' ? await findContactByEmail(db, value) : input.kind === 'phone' ? await findContactByPhone(db, value) : null;
  let created = false;
  let contactId: string;
  let organisationId: string | null;
  if (contact) {
    contactId = contact.id;
    organisationId = contact.organisationId;
  } else {
    const made = await createContactFromChannel(db, {
      name: input.name?.trim() || (input.kind === 'email' ? value.split('@')[0] : input.label || value),
      email: input.kind === 'email' ? value : null,
      phone: input.kind === 'phone' ? value : null,
      country: input.country ?? null,
      language: input.language ?? null,
      preferredChannel: input.channel,
      via: input.channel,
    });
    contactId = made.id;
    organisationId = made.organisationId;
    created = true;
  }
  const inserted = await db
    .insert(contactIdentities)
    .values({ id: newId(), contactId, kind: input.kind, value, label: input.label ?? null, lastChannel: input.channel, lastSeenAt: new Date() })
    .onConflictDoNothing()
    .returning({ id: contactIdentities.id });
  if (inserted[0]) return { contactId, organisationId, identityId: inserted[0].id, created };
  // Someone else linked this address a moment ago: theirs wins.
  const winner = await findIdentity(db, input.kind, value);
  if (!winner) throw new Error(`identity ${input.kind}:${value} could not be stored`);
  contact = await getContact(db, winner.contactId);
  return { contactId: winner.contactId, organisationId: contact?.organisationId ?? null, identityId: winner.id, created: false };
}

/** The contact's address on a kind of identity, most recently used first (where to send a reply). */
export async function latestIdentity(db: DbOrTx, contactId: string, kind: IdentityKind): Promise<IdentityRow | null> {
  const [row] = await db
    .select()
    .from(contactIdentities)
    .where(and(eq(contactIdentities.contactId, contactId), eq(contactIdentities.kind, kind)))
    .orderBy(sql`${contactIdentities.lastSeenAt} desc nulls last`, sql`${contactIdentities.createdAt} desc`)
    .limit(1);
  return row ?? null;
}
