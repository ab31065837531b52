/**
 * Chat widgets (what an admin configures) and chat sessions (one per visitor's browser: the
 * secret it keeps maps it back to its contact and ticket, so a visitor who reloads the page or
 * comes back tomorrow continues the same conversation).
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.js';
import { newId } from '../../db/index.js';
import { chatSessions, chatWidgets } from '../schema.js';

export type WidgetRow = typeof chatWidgets.$inferSelect;
export type SessionRow = typeof chatSessions.$inferSelect;
export type WidgetInput = Partial<Omit<typeof chatWidgets.$inferInsert, 'id' | 'key' | 'createdAt' | 'updatedAt'>>;

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export async function listWidgets(db: DbOrTx, limit = 200, after?: [string, string]): Promise<WidgetRow[]> {
  const where = after
    ? or(gt(chatWidgets.createdAt, new Date(after[0])), and(eq(chatWidgets.createdAt, new Date(after[0])), gt(chatWidgets.id, after[1])))
    : undefined;
  return db.select().from(chatWidgets).where(where).orderBy(asc(chatWidgets.createdAt), asc(chatWidgets.id)).limit(limit + 1);
}

export async function getWidget(db: DbOrTx, id: string): Promise<WidgetRow | null> {
  const [row] = await db.select().from(chatWidgets).where(eq(chatWidgets.id, id));
  return row ?? null;
}

export async function widgetByKey(db: DbOrTx, key: string): Promise<WidgetRow | null> {
  const [row] = await db.select().from(chatWidgets).where(eq(chatWidgets.key, key));
  return row ?? null;
}

/** Creates a widget with a fresh public key (the value of `data-widget` in the embed snippet). */
export async function createWidget(db: DbOrTx, input: WidgetInput & { name: string; key?: string }): Promise<WidgetRow> {
  const [row] = await db
    .insert(chatWidgets)
    .values({ ...input, id: newId(), key: input.key ?? `w_${randomBytes(12).toString('base64url')}` })
    .returning();
  return row;
}

export async function updateWidget(db: DbOrTx, id: string, patch: WidgetInput): Promise<WidgetRow | null> {
  const [row] = await db.update(chatWidgets).set({ ...patch, updatedAt: new Date() }).where(eq(chatWidgets.id, id)).returning();
  return row ?? null;
}

export async function deleteWidget(db: DbOrTx, id: string): Promise<boolean> {
  return (await db.delete(chatWidgets).where(eq(chatWidgets.id, id)).returning({ id: chatWidgets.id })).length > 0;
}

/** Starts a session; returns the row and the secret for the visitor's browser (never stored in clear). */
export async function createSession(
  db: DbOrTx,
  input: { widgetId: string; name?: string | null; email?: string | null; language?: string | null },
): Promise<{ session: SessionRow; secret: string }> {
  const secret = randomBytes(24).toString('base64url');
  const [session] = await db
    .insert(chatSessions)
    .values({
      id: newId(),
      widgetId: input.widgetId,
      secretHash: hashSecret(secret),
      name: input.name ?? null,
      email: input.email?.trim().toLowerCase() || null,
      language: input.language ?? null,
      lastSeenAt: new Date(),
    })
    .returning();
  return { session, secret };
}

export async function sessionBySecret(db: DbOrTx, widgetId: string, secret: string): Promise<SessionRow | null> {
  const [row] = await db
    .select()
    .from(chatSessions)
    .where(and(eq(chatSessions.secretHash, hashSecret(secret)), eq(chatSessions.widgetId, widgetId)));
  return row ?? null;
}

export async function getSession(db: DbOrTx, id: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(chatSessions).where(eq(chatSessions.id, id));
  return row ?? null;
}

/** The most recent chat session on a ticket (where a chat reply goes). */
export async function sessionForTicket(db: DbOrTx, ticketId: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(chatSessions).where(eq(chatSessions.ticketId, ticketId)).orderBy(desc(chatSessions.createdAt)).limit(1);
  return row ?? null;
}

export async function updateSession(
  db: DbOrTx,
  id: string,
  patch: Partial<Pick<SessionRow, 'contactId' | 'ticketId' | 'name' | 'email' | 'language' | 'lastSeenAt' | 'emailVerifiedAt' | 'verifyTokenHash' | 'verifyExpiresAt'>>,
): Promise<SessionRow | null> {
  const [row] = await db.update(chatSessions).set(patch).where(eq(chatSessions.id, id)).returning();
  return row ?? null;
}

/** The session whose email-proof link this is, while the link still works. */
export async function sessionByProofToken(db: DbOrTx, token: string, now = new Date()): Promise<SessionRow | null> {
  const [row] = await db
    .select()
    .from(chatSessions)
    .where(and(eq(chatSessions.verifyTokenHash, hashSecret(token)), gt(chatSessions.verifyExpiresAt, now)));
  return row ?? null;
}

/** Whether the visitor is still there: their socket refreshed `lastSeenAt` recently. */
export function isPresent(session: Pick<SessionRow, 'lastSeenAt'>, awaySeconds: number, now = new Date()): boolean {
  return !!session.lastSeenAt && now.getTime() - session.lastSeenAt.getTime() < awaySeconds * 1000;
}
