/**
 * Calls and agents' direct numbers. A call row is keyed by the telephony system's call id, so a
 * retried event updates the same call; an agent's number decides whose screen a call pops on.
 */
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.js';
import { newId } from '../../db/index.js';
import { agentPhones, calls } from '../schema.js';

export type CallRow = typeof calls.$inferSelect;

export async function callByExternalId(db: DbOrTx, externalId: string): Promise<CallRow | null> {
  const [row] = await db.select().from(calls).where(eq(calls.externalId, externalId));
  return row ?? null;
}

export async function getCall(db: DbOrTx, id: string): Promise<CallRow | null> {
  const [row] = await db.select().from(calls).where(eq(calls.id, id));
  return row ?? null;
}

/** Inserts the call the first time its id is seen; returns the row either way (safe under retries). */
export async function ensureCall(db: DbOrTx, input: Omit<typeof calls.$inferInsert, 'id'>): Promise<CallRow> {
  await db.insert(calls).values({ ...input, id: newId() }).onConflictDoNothing();
  const row = await callByExternalId(db, input.externalId);
  if (!row) throw new Error(`call ${input.externalId} could not be stored`);
  return row;
}

export async function updateCall(db: DbOrTx, id: string, patch: Partial<typeof calls.$inferInsert>): Promise<CallRow> {
  const [row] = await db.update(calls).set(patch).where(eq(calls.id, id)).returning();
  return row;
}

/** Calls newest first, optionally one contact's, keyset-paginated on (created_at, id). */
export async function listCalls(db: DbOrTx, opts: { contactId?: string; limit: number; after?: [string, string] }): Promise<CallRow[]> {
  const conditions = [];
  if (opts.contactId) conditions.push(eq(calls.contactId, opts.contactId));
  if (opts.after) {
    const at = new Date(opts.after[0]);
    conditions.push(or(lt(calls.createdAt, at), and(eq(calls.createdAt, at), lt(calls.id, opts.after[1]))));
  }
  return db
    .select()
    .from(calls)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(calls.createdAt), desc(calls.id))
    .limit(opts.limit + 1);
}

/** The user whose direct number this is, if any. */
export async function agentForNumber(db: DbOrTx, e164: string): Promise<string | null> {
  const [row] = await db.select().from(agentPhones).where(eq(agentPhones.number, e164));
  return row?.userId ?? null;
}

export async function listAgentPhones(db: DbOrTx): Promise<{ number: string; userId: string }[]> {
  return db.select({ number: agentPhones.number, userId: agentPhones.userId }).from(agentPhones).orderBy(agentPhones.number);
}

export async function setAgentPhone(db: DbOrTx, number: string, userId: string | null): Promise<void> {
  if (!userId) {
    await db.delete(agentPhones).where(eq(agentPhones.number, number));
    return;
  }
  await db.insert(agentPhones).values({ number, userId }).onConflictDoUpdate({ target: agentPhones.number, set: { userId } });
}
