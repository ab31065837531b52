/** Stored hand-offs: every transfer and the summary that went with it. */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { newId } from '../db/index.js';
import { handoffs } from './schema.js';

export type HandoffRow = typeof handoffs.$inferSelect;

/** Stores a transfer and its summary: the next owner's briefing and the evidence ping-pong detection reads. */
export async function recordHandoff(db: DbOrTx, input: Omit<typeof handoffs.$inferInsert, 'id'>): Promise<HandoffRow> {
  const [row] = await db.insert(handoffs).values({ ...input, id: newId() }).returning();
  return row;
}

/** A ticket's hand-offs, oldest first. */
export async function listHandoffs(db: DbOrTx, ticketId: string): Promise<HandoffRow[]> {
  return db.select().from(handoffs).where(eq(handoffs.ticketId, ticketId)).orderBy(asc(handoffs.createdAt), asc(handoffs.id));
}
