/**
 * Commands of the culture engine: admin overrides per organisation/contact and managers' edits
 * of curated country fields. Each change and its audit entry commit in one transaction.
 */
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/index.js';
import type { Db } from '../db/index.js';
import { newId } from '../db/index.js';
import { cultureCountryEdits, cultureOverrides } from './schema.js';
import type { CuratedField } from './edits.js';
import type { OverrideScope } from './store.js';
import type { PolicyFieldName } from './types.js';

/**
 * Sets (inserts or replaces) one override and audits it on the organisation's or contact's
 * own trail, so "why does this customer get WhatsApp?" is answered where people look.
 */
export async function setOverride(db: Db, input: { scope: OverrideScope; scopeId: string; field: PolicyFieldName; value: unknown; reason: string; actorUserId: string | null }): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(cultureOverrides).where(and(eq(cultureOverrides.scope, input.scope), eq(cultureOverrides.scopeId, input.scopeId), eq(cultureOverrides.field, input.field)));
    const values = { value: input.value, reason: input.reason, updatedBy: input.actorUserId, updatedAt: new Date() };
    if (before) await tx.update(cultureOverrides).set(values).where(eq(cultureOverrides.id, before.id));
    else await tx.insert(cultureOverrides).values({ id: newId(), scope: input.scope, scopeId: input.scopeId, field: input.field, ...values });
    await recordAudit(tx, {
      actorUserId: input.actorUserId, entity: input.scope, entityId: input.scopeId, action: 'culture_override.set',
      changes: { [`culture.${input.field}`]: { from: before ? { value: before.value, reason: before.reason } : null, to: { value: input.value, reason: input.reason } } },
    });
  });
}

/** Removes an override (the field goes back to country/observed); false when there was none. */
export async function deleteOverride(db: Db, input: { scope: OverrideScope; scopeId: string; field: PolicyFieldName; actorUserId: string | null }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [gone] = await tx.delete(cultureOverrides)
      .where(and(eq(cultureOverrides.scope, input.scope), eq(cultureOverrides.scopeId, input.scopeId), eq(cultureOverrides.field, input.field)))
      .returning();
    if (!gone) return false;
    await recordAudit(tx, {
      actorUserId: input.actorUserId, entity: input.scope, entityId: input.scopeId, action: 'culture_override.delete',
      changes: { [`culture.${input.field}`]: { from: { value: gone.value, reason: gone.reason }, to: null } },
    });
    return true;
  });
}

/** Sets one curated field of a country and audits it under entity `culture_country`. */
export async function setCountryEdit(db: Db, input: { country: string; field: CuratedField; value: unknown; note: string | null; actorUserId: string | null }): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(cultureCountryEdits).where(and(eq(cultureCountryEdits.country, input.country), eq(cultureCountryEdits.field, input.field)));
    const values = { value: input.value, note: input.note, updatedBy: input.actorUserId, updatedAt: new Date() };
    if (before) await tx.update(cultureCountryEdits).set(values).where(eq(cultureCountryEdits.id, before.id));
    else await tx.insert(cultureCountryEdits).values({ id: newId(), country: input.country, field: input.field, ...values });
    await recordAudit(tx, {
      actorUserId: input.actorUserId, entity: 'culture_country', entityId: input.country, action: 'culture_country.edit',
      changes: { [input.field]: { from: before ? before.value : null, to: input.value } },
    });
  });
}

/** Reverts a curated field to the shipped table; false when it was not edited. */
export async function deleteCountryEdit(db: Db, input: { country: string; field: CuratedField; actorUserId: string | null }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [gone] = await tx.delete(cultureCountryEdits).where(and(eq(cultureCountryEdits.country, input.country), eq(cultureCountryEdits.field, input.field))).returning();
    if (!gone) return false;
    await recordAudit(tx, { actorUserId: input.actorUserId, entity: 'culture_country', entityId: input.country, action: 'culture_country.revert', changes: { [input.field]: { from: gone.value, to: null } } });
    return true;
  });
}
