/** Regional teams' shift calendars for follow-the-sun. */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { calendars } from '../calendars/schema.js';
import { teamShifts } from './schema.js';

export type TeamShiftRow = typeof teamShifts.$inferSelect;

/** Every team shift with its calendar definition, in rotation order. */
export async function listTeamShifts(db: DbOrTx): Promise<(TeamShiftRow & { calendarName: string; definition: unknown })[]> {
  const rows = await db
    .select({ shift: teamShifts, calendarName: calendars.name, definition: calendars.definition })
    .from(teamShifts)
    .innerJoin(calendars, eq(calendars.id, teamShifts.calendarId))
    .orderBy(asc(teamShifts.rotation), asc(teamShifts.teamId));
  return rows.map((r) => ({ ...r.shift, calendarName: r.calendarName, definition: r.definition }));
}

/** A team's shift, or null when the team is not in the rotation. */
export async function getTeamShift(db: DbOrTx, teamId: string): Promise<TeamShiftRow | null> {
  const [row] = await db.select().from(teamShifts).where(eq(teamShifts.teamId, teamId));
  return row ?? null;
}

/** Sets a team's shift (creating it on first use). */
export async function saveTeamShift(db: DbOrTx, input: { teamId: string; calendarId: string; rotation: number; handoffPriorities: string[]; active: boolean }): Promise<TeamShiftRow> {
  const { teamId, ...rest } = input;
  const [row] = await db.insert(teamShifts).values(input).onConflictDoUpdate({ target: teamShifts.teamId, set: { ...rest, updatedAt: new Date() } }).returning();
  return row;
}

/** Takes a team out of the follow-the-sun rotation. */
export async function deleteTeamShift(db: DbOrTx, teamId: string): Promise<void> {
  await db.delete(teamShifts).where(eq(teamShifts.teamId, teamId));
}
