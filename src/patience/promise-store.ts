/** Stored follow-up promises. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { newId } from '../db/index.js';
import { followUpPromises } from './schema.js';

export type PromiseRow = typeof followUpPromises.$inferSelect;

/** Stores a new promise; the caller schedules its reminder and deadline jobs in the same transaction. */
export async function createPromise(db: DbOrTx, input: { ticketId: string; createdByUserId: string | null; dueAt: Date; channel: string; note?: string | null; createdAt?: Date }): Promise<PromiseRow> {
  const [row] = await db
    .insert(followUpPromises)
    .values({ id: newId(), ticketId: input.ticketId, createdByUserId: input.createdByUserId, dueAt: input.dueAt, channel: input.channel, note: input.note ?? null, createdAt: input.createdAt ?? new Date() })
    .returning();
  return row;
}

/** A ticket's promises, oldest first (a case rarely has more than a handful). */
export async function listPromises(db: DbOrTx, ticketId: string): Promise<PromiseRow[]> {
  return db.select().from(followUpPromises).where(eq(followUpPromises.ticketId, ticketId)).orderBy(asc(followUpPromises.createdAt), asc(followUpPromises.id));
}

/** One promise by id, for its jobs and the cancel route. */
export async function getPromise(db: DbOrTx, id: string): Promise<PromiseRow | null> {
  const [row] = await db.select().from(followUpPromises).where(eq(followUpPromises.id, id));
  return row ?? null;
}

/** Promises of a ticket still waiting to be kept: not kept, broken or cancelled. */
export async function openPromises(db: DbOrTx, ticketId: string): Promise<PromiseRow[]> {
  return db
    .select()
    .from(followUpPromises)
    .where(and(eq(followUpPromises.ticketId, ticketId), isNull(followUpPromises.keptAt), isNull(followUpPromises.brokenAt), isNull(followUpPromises.cancelledAt)))
    .orderBy(asc(followUpPromises.dueAt));
}

/** Sets one of the promise's outcome timestamps (only if still unset: the first outcome stands). */
export async function markPromise(db: DbOrTx, id: string, field: 'keptAt' | 'brokenAt' | 'cancelledAt' | 'remindedAt', at: Date): Promise<boolean> {
  const column = followUpPromises[field];
  const rows = await db.update(followUpPromises).set({ [field]: at }).where(and(eq(followUpPromises.id, id), isNull(column))).returning({ id: followUpPromises.id });
  return rows.length > 0;
}
