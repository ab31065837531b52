/**
 * Whether a chat widget is staffed right now: its SLA calendar (the team's working hours, from
 * the sla capability), or hours given inline, or — with neither — always. Outside the hours the
 * widget still takes a message, but says the answer will come by email.
 */
import type { DbOrTx } from '../../db/index.js';
import { resolveCalendar, type BusinessCalendar } from '../../calendars/index.js';
import { isOpenAt, nextOpening } from '../../calendars/index.js';
import { businessCalendarById } from '../../calendars/index.js';
import type { WidgetRow } from './store.js';

export interface WidgetHours {
  online: boolean;
  /** When the team is next available (while offline), for the widget to say so. */
  nextOpening: Date | null;
  timeZone: string | null;
}

async function calendarOf(db: DbOrTx, widget: WidgetRow): Promise<BusinessCalendar | null> {
  if (widget.calendarId) return (await businessCalendarById(db, widget.calendarId))?.calendar ?? null;
  if (widget.hours) return resolveCalendar(widget.hours);
  return null;
}

/** The widget's hours at `now`. An invalid calendar counts as always open: better a chat than none. */
export async function widgetHours(db: DbOrTx, widget: WidgetRow, now = new Date()): Promise<WidgetHours> {
  let calendar: BusinessCalendar | null;
  try {
    calendar = await calendarOf(db, widget);
  } catch {
    calendar = null;
  }
  if (!calendar) return { online: true, nextOpening: null, timeZone: null };
  const online = isOpenAt(calendar, now);
  return { online, nextOpening: online ? null : nextOpening(calendar, now), timeZone: calendar.timeZone };
}
