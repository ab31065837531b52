/** The processing log and the retention policies: reads and plain writes, no rules. */
import { and, desc, eq, isNotNull, lt, or, sql } from 'drizzle-orm';
import { newId, type DbOrTx } from '../db/index.js';
import { processingLog, retentionPolicies, type processingKinds, type processingStatuses } from './schema.js';

export type ProcessingKind = (typeof processingKinds)[number];
export type ProcessingStatus = (typeof processingStatuses)[number];
export type ProcessingEntry = typeof processingLog.$inferSelect;
export type RetentionPolicy = typeof retentionPolicies.$inferSelect;

export const DEFAULT_SCOPE = 'default';

export interface NewEntry {
  kind: ProcessingKind;
  status: ProcessingStatus;
  contactId?: string | null;
  organisationId?: string | null;
  actorUserId?: string | null;
  actorLabel?: string | null;
  counts?: Record<string, unknown>;
}

/** Appends an entry to the processing log. */
export async function logProcessing(db: DbOrTx, entry: NewEntry): Promise<ProcessingEntry> {
  const done = entry.status !== 'pending';
  const [row] = await db
    .insert(processingLog)
    .values({ id: newId(), ...entry, counts: entry.counts ?? {}, finishedAt: done ? new Date() : null })
    .returning();
  return row!;
}

/** Records how a pending entry ended. */
export async function finishProcessing(db: DbOrTx, id: string, status: ProcessingStatus, counts: Record<string, unknown>, error: string | null = null): Promise<void> {
  await db.update(processingLog).set({ status, counts, error, finishedAt: new Date() }).where(eq(processingLog.id, id));
}

export async function getProcessing(db: DbOrTx, id: string): Promise<ProcessingEntry | undefined> {
  const [row] = await db.select().from(processingLog).where(eq(processingLog.id, id));
  return row;
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listProcessing(db: DbOrTx, opts: { limit: number; after?: [string, string]; kind?: ProcessingKind; contactId?: string }): Promise<ProcessingEntry[]> {
  const conditions = [];
  if (opts.kind) conditions.push(eq(processingLog.kind, opts.kind));
  if (opts.contactId) conditions.push(eq(processingLog.contactId, opts.contactId));
  if (opts.after) {
    const at = new Date(opts.after[0]);
    conditions.push(or(lt(processingLog.createdAt, at), and(eq(processingLog.createdAt, at), lt(processingLog.id, opts.after[1]))));
  }
  return db
    .select()
    .from(processingLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(processingLog.createdAt), desc(processingLog.id))
    .limit(opts.limit + 1);
}

export async function listRetentionPolicies(db: DbOrTx): Promise<RetentionPolicy[]> {
  return db.select().from(retentionPolicies).orderBy(retentionPolicies.scope);
}

export async function organisationPolicies(db: DbOrTx): Promise<RetentionPolicy[]> {
  return db.select().from(retentionPolicies).where(isNotNull(retentionPolicies.organisationId));
}

export async function getRetentionPolicy(db: DbOrTx, scope: string): Promise<RetentionPolicy | undefined> {
  const [row] = await db.select().from(retentionPolicies).where(eq(retentionPolicies.scope, scope));
  return row;
}

/** Writes one scope's policy (insert or replace). */
export async function putRetentionPolicy(
  db: DbOrTx,
  scope: string,
  values: { organisationId: string | null; closedCaseMonths: number | null; rawFailureDays: number | null; updatedBy: string | null },
): Promise<RetentionPolicy> {
  const [row] = await db
    .insert(retentionPolicies)
    .values({ scope, ...values, updatedAt: new Date() })
    .onConflictDoUpdate({ target: retentionPolicies.scope, set: { ...values, updatedAt: sql`now()` } })
    .returning();
  return row!;
}

export async function deleteRetentionPolicy(db: DbOrTx, scope: string): Promise<boolean> {
  const rows = await db.delete(retentionPolicies).where(eq(retentionPolicies.scope, scope)).returning();
  return rows.length > 0;
}
