import { and, asc, eq, gt, ilike, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { newId } from '../db/index.js';
import { teamMembers, teams, users } from './schema.js';
import { hashPassword } from './passwords.js';
import { problem } from '../errors/index.js';

export type UserRow = typeof users.$inferSelect;
export type NewUser = Omit<typeof users.$inferInsert, 'id' | 'passwordHash'> & { password?: string; teamIds?: string[] };

async function teamIdsByUser(db: DbOrTx, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await db.select().from(teamMembers).where(inArray(teamMembers.userId, userIds));
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.teamId]);
  return map;
}

/** Users with their team ids, ordered by name, keyset-paginated. */
export async function listUsers(db: DbOrTx, opts: { limit: number; after?: [string, string]; q?: string; role?: string; teamId?: string }) {
  const conditions = [];
  if (opts.after) conditions.push(or(gt(users.name, opts.after[0]), and(eq(users.name, opts.after[0]), gt(users.id, opts.after[1]))));
  if (opts.q) conditions.push(or(ilike(users.name, `%${opts.q}%`), ilike(users.email, `%${opts.q}%`)));
  if (opts.role) conditions.push(eq(users.role, opts.role as UserRow['role']));
  if (opts.teamId) conditions.push(inArray(users.id, db.select({ id: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, opts.teamId))));
  const rows = await db.select().from(users).where(and(...conditions)).orderBy(asc(users.name), asc(users.id)).limit(opts.limit + 1);
  const teamsOf = await teamIdsByUser(db, rows.map((r) => r.id));
  return rows.map((r) => ({ user: r, teamIds: teamsOf.get(r.id) ?? [] }));
}

export async function getUser(db: DbOrTx, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  if (!user) return null;
  return { user, teamIds: (await teamIdsByUser(db, [id])).get(id) ?? [] };
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | null> {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return user ?? null;
}

/** Creates a user (email lower-cased and unique) with an optional password and team memberships. */
export async function createUser(db: DbOrTx, input: NewUser): Promise<UserRow> {
  const email = input.email.trim().toLowerCase();
  if (await findUserByEmail(db, email)) throw problem(409, `A user with the email ${email} already exists.`);
  const { password, teamIds, ...rest } = input;
  const id = newId();
  const [user] = await db
    .insert(users)
    .values({ ...rest, id, email, passwordHash: password ? await hashPassword(password) : null })
    .returning();
  if (teamIds?.length) await db.insert(teamMembers).values(teamIds.map((teamId) => ({ teamId, userId: id })));
  return user;
}

export async function updateUser(db: DbOrTx, id: string, patch: Partial<NewUser>): Promise<UserRow> {
  const { password, teamIds, ...rest } = patch;
  const values: Partial<typeof users.$inferInsert> = { ...rest, updatedAt: new Date() };
  if (rest.email) values.email = rest.email.trim().toLowerCase();
  if (password) values.passwordHash = await hashPassword(password);
  const [user] = await db.update(users).set(values).where(eq(users.id, id)).returning();
  if (teamIds) {
    await db.delete(teamMembers).where(eq(teamMembers.userId, id));
    if (teamIds.length) await db.insert(teamMembers).values(teamIds.map((teamId) => ({ teamId, userId: id })));
  }
  return user;
}

export async function listTeams(db: DbOrTx) {
  const rows = await db.select().from(teams).orderBy(asc(teams.name));
  const members = rows.length ? await db.select().from(teamMembers).where(inArray(teamMembers.teamId, rows.map((r) => r.id))) : [];
  return rows.map((team) => ({ team, memberIds: members.filter((m) => m.teamId === team.id).map((m) => m.userId) }));
}

export async function getTeam(db: DbOrTx, id: string) {
  const [team] = await db.select().from(teams).where(eq(teams.id, id));
  if (!team) return null;
  const members = await db.select().from(teamMembers).where(eq(teamMembers.teamId, id));
  return { team, memberIds: members.map((m) => m.userId) };
}

/**
 * A team's name is unique and its members are staff users that exist: checked before writing, so
 * a duplicate name is a 409 and an unknown or customer member a 400 — never a constraint error
 * (a 500) from the insert.
 */
async function checkTeam(db: DbOrTx, input: { name?: string; memberIds?: string[] }, exceptId?: string) {
  if (input.name !== undefined) {
    const [same] = await db.select({ id: teams.id }).from(teams).where(eq(teams.name, input.name));
    if (same && same.id !== exceptId) throw problem(409, `A team named ${input.name} already exists.`);
  }
  const members = [...new Set(input.memberIds ?? [])];
  if (members.length) {
    const found = await db.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, members));
    const staff = new Set(found.filter((u) => u.role !== 'customer').map((u) => u.id));
    const bad = members.filter((m) => !staff.has(m));
    if (bad.length) throw problem(400, 'Team members must be staff users that exist.', { errors: [{ path: 'body.memberIds', message: `not a staff user: ${bad.join(', ')}` }] });
  }
  return members;
}

export async function createTeam(db: DbOrTx, input: { name: string; email?: string | null; timeZone?: string; memberIds?: string[] }) {
  const members = await checkTeam(db, input);
  const id = newId();
  const [team] = await db.insert(teams).values({ id, name: input.name, email: input.email ?? null, timeZone: input.timeZone ?? 'UTC' }).returning();
  if (members.length) await db.insert(teamMembers).values(members.map((userId) => ({ teamId: id, userId })));
  return team;
}

export async function updateTeam(db: DbOrTx, id: string, patch: { name?: string; email?: string | null; timeZone?: string; memberIds?: string[] }) {
  const members = await checkTeam(db, patch, id);
  const { memberIds, ...rest } = patch;
  const [team] = await db.update(teams).set({ ...rest, updatedAt: new Date() }).where(eq(teams.id, id)).returning();
  if (memberIds) {
    await db.delete(teamMembers).where(eq(teamMembers.teamId, id));
    if (members.length) await db.insert(teamMembers).values(members.map((userId) => ({ teamId: id, userId })));
  }
  return team;
}

/** Names of users by id, for presenting authors and assignees without N+1 queries. */
export async function userNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function teamNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
