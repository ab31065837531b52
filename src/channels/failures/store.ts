/**
 * Inbound input that did not become a message — a malformed email, an automated message with
 * no ticket to attach to — kept byte for byte so nothing is lost: an admin can read it, fix the
 * cause and re-run it. Idempotent on the content hash, so a sender retrying a broken message
 * does not fill the list.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.js';
import { newId } from '../../db/index.js';
import { storable, storableText } from '../../db/index.js';
import { inboundFailures } from '../schema.js';

export type FailureRow = typeof inboundFailures.$inferSelect;

export interface FailureInput {
  channel: string;
  source: string;
  reason: string;
  detail?: string | null;
  raw: Buffer;
  envelope?: Record<string, unknown>;
  /** Kept for the record but not reported (e.g. a bounce nobody needs to act on). */
  resolved?: boolean;
}

/** Stores the raw input; returns the row (the existing one if these exact bytes were seen before). */
export async function storeFailure(db: DbOrTx, input: FailureInput): Promise<{ row: FailureRow; isNew: boolean }> {
  const sha256 = createHash('sha256').update(input.raw).digest('hex');
  const [inserted] = await db
    .insert(inboundFailures)
    .values({
      id: newId(),
      channel: input.channel,
      source: storableText(input.source),
      reason: input.reason,
      // The raw bytes are kept as base64; the readable fields must be storable whatever came in.
      detail: input.detail ? storableText(input.detail.slice(0, 4000)) : null,
      raw: input.raw.toString('base64'),
      sha256,
      envelope: storable(input.envelope ?? {}),
      resolvedAt: input.resolved ? new Date() : null,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { row: inserted, isNew: true };
  const [existing] = await db
    .select()
    .from(inboundFailures)
    .where(and(eq(inboundFailures.channel, input.channel), eq(inboundFailures.sha256, sha256)));
  return { row: existing, isNew: false };
}

/** Unresolved (or all) failures, newest first, keyset-paginated on (created_at, id). */
export async function listFailures(db: DbOrTx, opts: { limit: number; after?: [string, string]; includeResolved?: boolean }): Promise<FailureRow[]> {
  const conditions = [];
  if (!opts.includeResolved) conditions.push(isNull(inboundFailures.resolvedAt));
  if (opts.after) {
    const at = new Date(opts.after[0]);
    conditions.push(or(lt(inboundFailures.createdAt, at), and(eq(inboundFailures.createdAt, at), lt(inboundFailures.id, opts.after[1]))));
  }
  return db
    .select()
    .from(inboundFailures)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(inboundFailures.createdAt), desc(inboundFailures.id))
    .limit(opts.limit + 1);
}

export async function getFailure(db: DbOrTx, id: string): Promise<FailureRow | null> {
  const [row] = await db.select().from(inboundFailures).where(eq(inboundFailures.id, id));
  return row ?? null;
}

export async function resolveFailure(db: DbOrTx, id: string): Promise<FailureRow | null> {
  const [row] = await db.update(inboundFailures).set({ resolvedAt: new Date() }).where(eq(inboundFailures.id, id)).returning();
  return row ?? null;
}

export async function openFailureCount(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(inboundFailures).where(isNull(inboundFailures.resolvedAt));
  return Number(row?.n ?? 0);
}
