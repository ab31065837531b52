import { eq } from 'drizzle-orm';
import type { CalendarUsage } from '../calendars/index.js';
import { slaPolicies, teamShifts } from './schema.js';

/** A team shift counts its hours on a calendar: it must move first. */
export const teamShiftCalendarUsage: CalendarUsage = {
  async blocks(db, calendarId) {
    const [shift] = await db.select({ teamId: teamShifts.teamId }).from(teamShifts).where(eq(teamShifts.calendarId, calendarId));
    return shift ? 'A team shift uses this calendar; give the team another calendar first.' : null;
  },
};

/** An SLA policy with this calendar falls back to the contract's or the country's. */
export const slaPolicyCalendarUsage: CalendarUsage = {
  async release(db, calendarId) {
    await db.update(slaPolicies).set({ calendarId: null }).where(eq(slaPolicies.calendarId, calendarId));
  },
};
