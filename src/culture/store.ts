/**
 * The culture engine's queries: admin overrides per organisation/contact and managers' edits of
 * curated country fields. Every write records an audit entry in the same transaction.
 */
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/index.js';
import type { Db, DbOrTx } from '../db/index.js';
import { newId } from '../db/index.js';
import { cultureCountryEdits, cultureOverrides } from './schema.js';
import { userNames } from '../users/index.js';
import type { CuratedEdits, CuratedField } from './edits.js';
import type { PolicyOverrides } from './overrides.js';
import type { PolicyFieldName } from './types.js';

export type OverrideScope = 'organisation' | 'contact';

export interface StoredOverride {
  field: PolicyFieldName;
  value: unknown;
  reason: string;
  updatedBy: { id: string; name: string } | null;
  updatedAt: string;
}

async function withNames<R extends { updatedBy: string | null }>(db: DbOrTx, rows: R[]) {
  const names = await userNames(db, rows.map((r) => r.updatedBy).filter((x): x is string => !!x));
  return (id: string | null) => (id ? { id, name: names.get(id) ?? 'unknown user' } : null);
}

/** The overrides set for one organisation or contact, oldest field first. */
export async function listOverrides(db: DbOrTx, scope: OverrideScope, scopeId: string): Promise<StoredOverride[]> {
  const rows = await db.select().from(cultureOverrides).where(and(eq(cultureOverrides.scope, scope), eq(cultureOverrides.scopeId, scopeId))).orderBy(cultureOverrides.field);
  const who = await withNames(db, rows);
  return rows.map((r) => ({ field: r.field as PolicyFieldName, value: r.value, reason: r.reason, updatedBy: who(r.updatedBy), updatedAt: r.updatedAt.toISOString() }));
}

/** Stored overrides in the shape `resolveEffectivePolicy` takes. */
export function toPolicyOverrides(stored: StoredOverride[]): PolicyOverrides {
  return Object.fromEntries(stored.map((o) => [o.field, { value: o.value, reason: o.reason, by: o.updatedBy?.name, at: o.updatedAt }]));
}

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

export interface StoredEdit {
  country: string;
  field: CuratedField;
  value: unknown;
  note: string | null;
  updatedBy: { id: string; name: string } | null;
  updatedAt: string;
}

/** Managers' edits of curated fields, for one country or all (a few dozen rows at most). */
export async function listCountryEdits(db: DbOrTx, country?: string): Promise<StoredEdit[]> {
  const rows = await db.select().from(cultureCountryEdits).where(country ? eq(cultureCountryEdits.country, country) : undefined).orderBy(cultureCountryEdits.country, cultureCountryEdits.field);
  const who = await withNames(db, rows);
  return rows.map((r) => ({ country: r.country, field: r.field as CuratedField, value: r.value, note: r.note, updatedBy: who(r.updatedBy), updatedAt: r.updatedAt.toISOString() }));
}

/** Stored edits of one country in the shape the profile builder takes. */
export function toCuratedEdits(edits: StoredEdit[]): CuratedEdits {
  return Object.fromEntries(edits.map((e) => [e.field, { value: e.value, note: e.note ?? undefined, by: e.updatedBy?.name, at: e.updatedAt }])) as CuratedEdits;
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
