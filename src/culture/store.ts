/**
 * The culture engine's queries: admin overrides per organisation/contact and managers' edits of
 * curated country fields. The writes are in commands.ts.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
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

