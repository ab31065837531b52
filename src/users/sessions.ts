import { and, desc, eq, lt, ne, or, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/index.js';
import { newId } from '../db/index.js';
import { apiTokens, sessions, teamMembers, users } from './schema.js';
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

/** How long a personal API token lives unless its owner says otherwise, and at most. */
export const tokenLifetimeDays = { default: 90, max: 365 };

/** Issues a personal API token for integrations (phone systems, scripts). Shown once; expires. */
export async function createApiToken(db: DbOrTx, userId: string, name: string, expiresAt: Date): Promise<{ id: string; token: string; expiresAt: Date }> {
  const { secret, hash } = newSecret('rpt_');
  const id = newId();
  await db.insert(apiTokens).values({ id, userId, name, tokenHash: hash, expiresAt });
  return { id, token: secret, expiresAt };
}

export type ApiTokenRow = Omit<typeof apiTokens.$inferSelect, 'tokenHash'>;

/** One user's tokens, newest first, keyset-paginated (never the hash). */
export async function listApiTokens(db: DbOrTx, userId: string, limit: number, after?: [string, string]): Promise<ApiTokenRow[]> {
  const where = after
    ? and(eq(apiTokens.userId, userId), or(lt(apiTokens.createdAt, new Date(after[0])), and(eq(apiTokens.createdAt, new Date(after[0])), lt(apiTokens.id, after[1]))))
    : eq(apiTokens.userId, userId);
  return db
    .select({ id: apiTokens.id, userId: apiTokens.userId, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .where(where)
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(limit + 1);
}

/** Deletes one of a user's tokens; null when the user has no such token. */
export async function revokeApiToken(db: DbOrTx, userId: string, id: string): Promise<ApiTokenRow | null> {
  const [row] = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
    .returning({ id: apiTokens.id, userId: apiTokens.userId, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, expiresAt: apiTokens.expiresAt });
  return row ?? null;
}

/**
 * Ends a user's sessions and deletes their API tokens, after a change that must not leave old
 * credentials working (new password, new role, deactivation). `keepCookie` spares the session
 * the change was made from, so users changing their own password stay signed in there.
 */
export async function revokeCredentials(db: DbOrTx, userId: string, options: { keepCookie?: string; sessions?: boolean; tokens?: boolean } = {}): Promise<{ sessions: number; tokens: number }> {
  let sessionCount = 0;
  let tokenCount = 0;
  if (options.sessions !== false) {
    const keep = options.keepCookie ? ne(sessions.id, hashSecret(options.keepCookie)) : undefined;
    sessionCount = (await db.delete(sessions).where(and(eq(sessions.userId, userId), keep)).returning({ id: sessions.id })).length;
  }
  if (options.tokens !== false) {
    tokenCount = (await db.delete(apiTokens).where(eq(apiTokens.userId, userId)).returning({ id: apiTokens.id })).length;
  }
  return { sessions: sessionCount, tokens: tokenCount };
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

/**
 * Resolves a session cookie or a bearer token to an actor in one round trip (it runs on every
 * request); null when neither is valid.
 */
export async function resolveActor(db: DbOrTx, credentials: { cookie?: string; bearer?: string }): Promise<Actor | null> {
  // An expired token is refused; so is a customer's token once an admin no longer allows them any.
  const userIdSql = credentials.bearer
    ? sql`(update api_tokens set last_used_at = now() where token_hash = ${hashSecret(credentials.bearer)} and expires_at > now() returning user_id)`
    : credentials.cookie
      ? sql`(select user_id from sessions where id = ${hashSecret(credentials.cookie)} and expires_at > now())`
      : null;
  if (!userIdSql) return null;
  const [row] = await queryRows<{ id: string; name: string; email: string; role: Actor['role']; organisation_id: string | null; contact_id: string | null; team_ids: string[] | null }>(
    db,
    sql`with who as ${userIdSql}
        select u.id, u.name, u.email, u.role, u.organisation_id, u.contact_id,
               array(select team_id from team_members tm where tm.user_id = u.id) as team_ids
        from users u join who on who.user_id = u.id
        where u.active ${credentials.bearer ? sql`and (u.role <> 'customer' or u.api_tokens_allowed)` : sql``}`,
  );
  if (!row) return null;
  return { userId: row.id, name: row.name, email: row.email, role: row.role, organisationId: row.organisation_id, contactId: row.contact_id, teamIds: row.team_ids ?? [] };
}
