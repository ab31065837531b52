/** Regional teams' shift calendars for follow-the-sun. */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { getCalendar } from '../calendars/index.js';
import { teamShifts } from './schema.js';

export type TeamShiftRow = typeof teamShifts.$inferSelect;

/** Every team shift with its calendar definition, in rotation order. */
export async function listTeamShifts(db: DbOrTx): Promise<(TeamShiftRow & { calendarName: string; definition: unknown })[]> {
  const shifts = await db.select().from(teamShifts).orderBy(asc(teamShifts.rotation), asc(teamShifts.teamId));
  // A handful of regional teams: one lookup per distinct calendar through the calendars surface.
  const calendarsById = new Map<string, Awaited<ReturnType<typeof getCalendar>>>();
  for (const id of new Set(shifts.map((s) => s.calendarId))) calendarsById.set(id, await getCalendar(db, id));
  return shifts.flatMap((shift) => {
    const calendar = calendarsById.get(shift.calendarId);
    return calendar ? [{ ...shift, calendarName: calendar.name, definition: calendar.definition }] : [];
  });
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
