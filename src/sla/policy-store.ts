/** Stored SLA policies: targets per tier and priority. */
import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { newId } from '../db/index.js';
import { slaPolicies } from './schema.js';
import type { SlaClockPolicy } from './sla-clock.js';
import type { Priority, SlaTier } from './policy-selection.js';

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;
export type SlaPolicyInput = Omit<typeof slaPolicies.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/** Policies in creation order (the tie-break order of policy selection), keyset-paginated. */
export async function listSlaPolicies(db: DbOrTx, limit: number, after?: [string, string]): Promise<SlaPolicyRow[]> {
  const cond = after ? or(gt(slaPolicies.createdAt, new Date(after[0])), and(eq(slaPolicies.createdAt, new Date(after[0])), gt(slaPolicies.id, after[1]))) : undefined;
  return db.select().from(slaPolicies).where(cond).orderBy(asc(slaPolicies.createdAt), asc(slaPolicies.id)).limit(limit + 1);
}

/** Every active policy, for selection; there are few, so one query without paging. */
export async function activeSlaPolicies(db: DbOrTx): Promise<(SlaPolicyRow & { tier: SlaTier | null; priority: Priority | null })[]> {
  const rows = await db.select().from(slaPolicies).where(eq(slaPolicies.active, true)).orderBy(asc(slaPolicies.createdAt), asc(slaPolicies.id));
  return rows as (SlaPolicyRow & { tier: SlaTier | null; priority: Priority | null })[];
}

/** One policy by id. */
export async function getSlaPolicy(db: DbOrTx, id: string): Promise<SlaPolicyRow | null> {
  const [row] = await db.select().from(slaPolicies).where(eq(slaPolicies.id, id));
  return row ?? null;
}

/** Stores a policy; it applies to tickets from their next (re)assessment on. */
export async function createSlaPolicy(db: DbOrTx, input: SlaPolicyInput): Promise<SlaPolicyRow> {
  const [row] = await db.insert(slaPolicies).values({ ...input, id: newId() }).returning();
  return row;
}

/** Changes a policy; running tickets keep the targets captured when it was applied. */
export async function updateSlaPolicy(db: DbOrTx, id: string, patch: Partial<SlaPolicyInput>): Promise<SlaPolicyRow> {
  const [row] = await db.update(slaPolicies).set({ ...patch, updatedAt: new Date() }).where(eq(slaPolicies.id, id)).returning();
  return row;
}

/** Deletes a policy; tickets measured against it keep their captured targets. */
export async function deleteSlaPolicy(db: DbOrTx, id: string): Promise<void> {
  await db.delete(slaPolicies).where(eq(slaPolicies.id, id));
}

/** The clock settings a policy row stands for. */
export function clockPolicyOf(row: SlaPolicyRow): SlaClockPolicy {
  return {
    firstResponseMinutes: row.firstResponseMinutes,
    nextUpdateMinutes: row.nextUpdateMinutes,
    resolutionMinutes: row.resolutionMinutes,
    warningRatio: row.warningPercent / 100,
    pauseOnHold: row.pauseOnHold,
  };
}
