import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db/index.js';
import { auditLog } from './schema.js';

export type Changes = Record<string, { from: unknown; to: unknown }>;

export interface AuditInput {
  actorUserId?: string | null;
  actorLabel?: string | null;
  entity: string;
  entityId: string;
  action: string;
  changes?: Changes;
}

/** Appends one entry to the audit trail, inside the caller's transaction so it commits with the change. */
export async function recordAudit(db: DbOrTx, input: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: input.actorUserId ?? null,
    actorLabel: input.actorLabel ?? null,
    entity: input.entity,
    entityId: input.entityId,
    action: input.action,
    changes: input.changes ?? {},
  });
}

/**
 * The shape of a simple command: opens one transaction (a savepoint inside a caller's), makes
 * the change, then writes the audit entry describing its result, so both commit or neither.
 */
export async function audited<T>(db: DbOrTx, change: (tx: Tx) => Promise<T>, entry: (result: T) => AuditInput): Promise<T> {
  return db.transaction(async (tx) => {
    const result = await change(tx);
    await recordAudit(tx, entry(result));
    return result;
  });
}

/** The fields that differ between a record before and after a patch: what the audit trail stores. */
export function diff(before: Record<string, unknown>, patch: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const [key, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    const from = before[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from: from ?? null, to };
  }
  return changes;
}

/** The trail of one record, oldest first. */
export async function listAudit(db: DbOrTx, entity: string, entityId: string, limit = 500) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id))
    .limit(limit);
}

/**
 * Empties the recorded changes of these records' entries (an erasure): the trail keeps who did
 * what and when, but no longer the values, which were the person's data. Returns entries changed.
 */
export async function redactAuditOf(db: DbOrTx, records: [entity: string, entityId: string][]): Promise<number> {
  let changed = 0;
  for (const [entity, entityId] of records) {
    const rows = await db
      .update(auditLog)
      .set({ changes: {} })
      .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId), sql`${auditLog.changes} <> '{}'::jsonb`))
      .returning({ id: auditLog.id });
    changed += rows.length;
  }
  return changed;
}
