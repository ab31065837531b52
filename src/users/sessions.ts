import { and, eq, gt, sql } from 'drizzle-orm';
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

/**
 * Resolves a session cookie or a bearer token to an actor in one round trip (it runs on every
 * request); null when neither is valid.
 */
export async function resolveActor(db: DbOrTx, credentials: { cookie?: string; bearer?: string }): Promise<Actor | null> {
  const userIdSql = credentials.bearer
    ? sql`(update api_tokens set last_used_at = now() where token_hash = ${hashSecret(credentials.bearer)} returning user_id)`
    : credentials.cookie
      ? sql`(select user_id from sessions where id = ${hashSecret(credentials.cookie)} and expires_at > now())`
      : null;
  if (!userIdSql) return null;
  const [row] = await queryRows<{ id: string; name: string; email: string; role: Actor['role']; organisation_id: string | null; contact_id: string | null; team_ids: string[] | null }>(
    db,
    sql`with who as ${userIdSql}
        select u.id, u.name, u.email, u.role, u.organisation_id, u.contact_id,
               array(select team_id from team_members tm where tm.user_id = u.id) as team_ids
        from users u join who on who.user_id = u.id where u.active`,
  );
  if (!row) return null;
  return { userId: row.id, name: row.name, email: row.email, role: row.role, organisationId: row.organisation_id, contactId: row.contact_id, teamIds: row.team_ids ?? [] };
}
