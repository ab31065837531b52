/**
 * Commands of users, teams, preferences and personal API tokens. Each opens one transaction in
 * which the record changes and its audit entry is written.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { diff, recordAudit } from '../audit/index.js';
import { isUniqueViolation, queryRows, type Db } from '../db/index.js';
import { notFound, problem } from '../errors/index.js';
import { createApiToken, revokeApiToken, revokeCredentials, type ApiTokenRow } from './sessions.js';
import { createTeam, createUser, getTeam, getUser, updateTeam, updateUser, type NewUser } from './store.js';

export interface UserCommandContext {
  db: Db;
  actorUserId: string;
}

type TeamInput = Parameters<typeof createTeam>[1];

export async function addUser(ctx: UserCommandContext, input: NewUser): Promise<{ id: string }> {
  return ctx.db.transaction(async (tx) => {
    const user = await createUser(tx, input);
    const { password: _password, ...shown } = input;
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'user', entityId: user.id, action: 'create', changes: diff({}, shown) });
    return user;
  });
}

/**
 * Changes a user. Old credentials must not outlive a new password, a new role or a
 * deactivation: every session and API token of the user ends (but `keepCookie`, the admin's
 * own session when changing their own password or role). Taking token rights away ends the
 * tokens alone. The ended credentials are audited with the change.
 */
export async function changeUser(ctx: UserCommandContext, id: string, patch: Partial<NewUser>, options: { keepCookie?: string } = {}): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await getUser(tx, id);
    if (!before) throw notFound('User', id);
    const newPassword = !!patch.password;
    const newRole = patch.role !== undefined && patch.role !== before.user.role;
    const deactivated = patch.active === false && before.user.active;
    const tokensTaken = patch.apiTokensAllowed === false && before.user.apiTokensAllowed;
    await updateUser(tx, id, patch);
    const { password, ...shown } = patch;
    const changes = diff({ ...before.user, teamIds: before.teamIds }, shown);
    if (password) changes.password = { from: '***', to: '***' };
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'user', entityId: id, action: 'update', changes });
    if (newPassword || newRole || deactivated || tokensTaken) {
      const self = id === ctx.actorUserId;
      const ended = await revokeCredentials(tx, id, {
        sessions: newPassword || newRole || deactivated,
        keepCookie: self && !deactivated ? options.keepCookie : undefined,
      });
      await recordAudit(tx, {
        actorUserId: ctx.actorUserId, entity: 'user', entityId: id, action: 'revoke_credentials',
        changes: { sessions: { from: ended.sessions, to: 0 }, apiTokens: { from: ended.tokens, to: 0 } },
      });
    }
  });
}

/** The signed-in user's own preferences (name, locale, time zone). */
export async function changeMyPreferences(ctx: UserCommandContext, patch: Pick<Partial<NewUser>, 'locale' | 'name' | 'timeZone'>): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, ctx.actorUserId, patch);
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'user', entityId: ctx.actorUserId, action: 'update_preferences', changes: Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, { from: null, to: v }])) });
  });
}

/** Two requests naming a team alike at the same moment both pass the store's check; the index decides, as a 409. */
const duplicateTeamName = (name: string | undefined) => (err: unknown): never => {
  if (isUniqueViolation(err)) throw problem(409, `A team named ${name ?? ''} already exists.`);
  throw err;
};

export async function addTeam(ctx: UserCommandContext, input: TeamInput): Promise<{ id: string }> {
  return ctx.db.transaction(async (tx) => {
    const created = await createTeam(tx, input);
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'team', entityId: created.id, action: 'create', changes: diff({}, input) });
    return created;
  }).catch(duplicateTeamName(input.name));
}

export async function changeTeam(ctx: UserCommandContext, id: string, patch: Partial<TeamInput>): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await getTeam(tx, id);
    if (!before) throw notFound('Team', id);
    await updateTeam(tx, id, patch);
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'team', entityId: id, action: 'update', changes: diff({ ...before.team, memberIds: before.memberIds }, patch) });
  }).catch(duplicateTeamName(patch.name));
}

/** Issues one of the actor's personal API tokens (the secret is returned once). */
export async function issueApiToken(ctx: UserCommandContext, name: string, expiresAt: Date): Promise<{ id: string; token: string; expiresAt: Date }> {
  return ctx.db.transaction(async (tx) => {
    const created = await createApiToken(tx, ctx.actorUserId, name, expiresAt);
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'api_token', entityId: created.id, action: 'create', changes: { name: { from: null, to: name }, expiresAt: { from: null, to: expiresAt.toISOString() } } });
    return created;
  });
}

export async function revokeMyApiToken(ctx: UserCommandContext, id: string): Promise<ApiTokenRow> {
  return ctx.db.transaction(async (tx) => {
    const revoked = await revokeApiToken(tx, ctx.actorUserId, id);
    if (!revoked) throw notFound('API token', id);
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'api_token', entityId: revoked.id, action: 'revoke', changes: { name: { from: revoked.name, to: null } } });
    return revoked;
  });
}

/**
 * Creates the first admin on an empty database, from RAPPORT_ADMIN_EMAIL / RAPPORT_ADMIN_PASSWORD
 * or with a generated password that is returned (and printed) once. Does nothing when users exist.
 */
export async function ensureFirstAdmin(db: Db, email?: string, password?: string): Promise<{ email: string; password: string | null } | null> {
  const adminEmail = email ?? 'admin@rapport.example';
  const generated = password ? null : randomBytes(12).toString('base64url');
  return db.transaction(async (tx) => {
    // Several nodes may start at once on one PostgreSQL: the lock makes exactly one create the admin.
    await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
    const [{ count }] = await queryRows<{ count: number }>(tx, sql`select count(*)::int as count from users where role = 'admin'`);
    if (count > 0) return null;
    const user = await createUser(tx, { email: adminEmail, name: 'Administrator', role: 'admin', password: password ?? generated!, timeZone: 'UTC' });
    await recordAudit(tx, { actorLabel: 'system', entity: 'user', entityId: user.id, action: 'create_first_admin' });
    return { email: adminEmail, password: generated };
  });
}
