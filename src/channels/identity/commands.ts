/**
 * Commands of contact identities: attaching an address to a contact (moving it from another)
 * and detaching it, each audited on the contact's trail in the caller's transaction.
 */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/index.js';
import type { Db, DbOrTx } from '../../db/index.js';
import { newId } from '../../db/index.js';
import { notFound } from '../../errors/index.js';
import { contactIdentities } from '../schema.js';
import { findIdentity, identitiesOf, normaliseIdentityValue, type IdentityKind, type IdentityRow } from './store.js';

/**
 * Attaches an address to a contact (idempotent). If the address already belongs to another
 * contact it is moved, and the move is audited: the agent asserted who this person is.
 */
export async function linkIdentity(
  db: DbOrTx,
  contactId: string,
  input: { kind: IdentityKind; value: string; label?: string | null; channel?: string | null },
  actorUserId: string | null = null,
): Promise<IdentityRow> {
  const value = normaliseIdentityValue(input.kind, input.value);
  const existing = await findIdentity(db, input.kind, value);
  if (existing) {
    if (existing.contactId === contactId) return existing;
    const [moved] = await db
      .update(contactIdentities)
      .set({ contactId, label: input.label ?? existing.label })
      .where(eq(contactIdentities.id, existing.id))
      .returning();
    await recordAudit(db, {
      actorUserId,
      entity: 'contact',
      entityId: contactId,
      action: 'link_identity',
      changes: { [`${input.kind}:${value}`]: { from: existing.contactId, to: contactId } },
    });
    return moved;
  }
  const inserted = await db
    .insert(contactIdentities)
    .values({ id: newId(), contactId, kind: input.kind, value, label: input.label ?? null, lastChannel: input.channel ?? null })
    .onConflictDoNothing()
    .returning({ id: contactIdentities.id });
  const row = await findIdentity(db, input.kind, value);
  if (!row) throw new Error(`identity ${input.kind}:${value} vanished`);
  if (row.contactId !== contactId) return linkIdentity(db, contactId, input, actorUserId);
  // A person attaching an address is on the trail too; a channel linking what it just saw is not.
  if (inserted.length && actorUserId) {
    await recordAudit(db, { actorUserId, entity: 'contact', entityId: contactId, action: 'link_identity', changes: { [`${input.kind}:${value}`]: { from: null, to: contactId } } });
  }
  return row;
}

/** Detaches an address from a contact (audited). */
export async function unlinkIdentity(db: DbOrTx, identityId: string, actorUserId: string | null): Promise<IdentityRow | null> {
  const [row] = await db.delete(contactIdentities).where(eq(contactIdentities.id, identityId)).returning();
  if (row) {
    await recordAudit(db, {
      actorUserId,
      entity: 'contact',
      entityId: row.contactId,
      action: 'unlink_identity',
      changes: { [`${row.kind}:${row.value}`]: { from: row.contactId, to: null } },
    });
  }
  return row ?? null;
}

/** A person attaches an address to a contact (the contacts page): one transaction, audited. */
export async function attachIdentity(ctx: { db: Db; actorUserId: string }, contactId: string, input: { kind: IdentityKind; value: string; label?: string | null }): Promise<IdentityRow> {
  return ctx.db.transaction((tx) => linkIdentity(tx, contactId, input, ctx.actorUserId));
}

/** A person detaches one of a contact's addresses: one transaction, audited. */
export async function detachIdentity(ctx: { db: Db; actorUserId: string }, contactId: string, identityId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await identitiesOf(tx, contactId)).some((r) => r.id === identityId)) throw notFound('Identity', identityId);
    await unlinkIdentity(tx, identityId, ctx.actorUserId);
  });
}
