import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { newId } from '../db/ids.js';
import { apiTokens, sessions, teamMembers, users } from '../db/schema/index.js';
import type { Actor } from '../policies/index.js';
import { hashSecret, newSecret } from './passwords.js';

export const sessionCookie = 'rapport_session';

/** Starts a session and returns the cookie value (only its hash is stored). */
export async function createSession(db: DbOrTx, userId: string, days: number): Promise<{ cookie: string; expiresAt: Date }> {
  const { secret, hash } = newSecret();
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await db.insert(sessions).values({ id: hash, userId, expiresAt });
  return { cookie: secret, expiresAt };
}

export async function deleteSession(db: DbOrTx, cookie: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashSecret(cookie)));
}

/** Issues a personal API token for integrations (phone systems, scripts). Shown once. */
export async function createApiToken(db: DbOrTx, userId: string, name: string): Promise<{ id: string; token: string }> {
  const { secret, hash } = newSecret('rpt_');
  const id = newId();
  await db.insert(apiTokens).values({ id, userId, name, tokenHash: hash });
  return { id, token: secret };
}

/** Loads the actor behind a user id: role, organisation and teams. */
export async function loadActor(db: DbOrTx, userId: string): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user) return null;
  const teams = await db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId));
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organisationId: user.organisationId,
    contactId: user.contactId,
    teamIds: teams.map((t) => t.teamId),
  };
}

/** Resolves a session cookie or a bearer token to an actor; null when neither is valid. */
export async function resolveActor(db: DbOrTx, credentials: { cookie?: string; bearer?: string }): Promise<Actor | null> {
  if (credentials.bearer) {
    const [token] = await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiTokens.tokenHash, hashSecret(credentials.bearer)))
      .returning({ userId: apiTokens.userId });
    return token ? loadActor(db, token.userId) : null;
  }
  if (credentials.cookie) {
    const [session] = await db
      .select({ userId: sessions.userId })
      .from(sessions)
      .where(and(eq(sessions.id, hashSecret(credentials.cookie)), gt(sessions.expiresAt, new Date())));
    return session ? loadActor(db, session.userId) : null;
  }
  return null;
}
