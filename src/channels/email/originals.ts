/** The raw bytes of every accepted email, kept beside its message. */
import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.js';
import { emailOriginals } from '../schema.js';

/** Keeps the original; a second delivery of the same message (an SMTP retry) keeps the first. */
export async function keepOriginal(db: DbOrTx, messageId: string, raw: Buffer): Promise<void> {
  await db
    .insert(emailOriginals)
    .values({ messageId, raw: raw.toString('base64'), sha256: createHash('sha256').update(raw).digest('hex'), size: raw.length })
    .onConflictDoNothing();
}

export async function getOriginal(db: DbOrTx, messageId: string): Promise<Buffer | null> {
  const [row] = await db.select({ raw: emailOriginals.raw }).from(emailOriginals).where(eq(emailOriginals.messageId, messageId));
  return row ? Buffer.from(row.raw, 'base64') : null;
}

/** Deletes the originals of these messages (an erasure); returns how many went. */
export async function dropOriginals(db: DbOrTx, messageIds: string[]): Promise<number> {
  let gone = 0;
  for (let i = 0; i < messageIds.length; i += 500) {
    gone += (await db.delete(emailOriginals).where(inArray(emailOriginals.messageId, messageIds.slice(i, i + 500))).returning({ id: emailOriginals.messageId })).length;
  }
  return gone;
}
