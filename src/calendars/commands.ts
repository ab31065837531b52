/** Commands of business calendars: each change and its audit entry in one transaction. */
import { audited, diff } from '../audit/index.js';
import type { Db } from '../db/index.js';
import { notFound } from '../errors/index.js';
import { createCalendar, deleteCalendar, getCalendar, updateCalendar, type CalendarRow, type CalendarUsage } from './store.js';

export interface CalendarCommandContext {
  db: Db;
  actorUserId: string | null;
}

type CalendarInput = Parameters<typeof createCalendar>[1];

export async function addCalendar(ctx: CalendarCommandContext, input: CalendarInput): Promise<CalendarRow> {
  return audited(ctx.db, (tx) => createCalendar(tx, input), (created) => ({ actorUserId: ctx.actorUserId, entity: 'calendar', entityId: created.id, action: 'create', changes: diff({}, input) }));
}

export async function changeCalendar(ctx: CalendarCommandContext, before: CalendarRow, patch: Partial<CalendarInput>): Promise<CalendarRow> {
  return audited(ctx.db, (tx) => updateCalendar(tx, before.id, patch), () => ({ actorUserId: ctx.actorUserId, entity: 'calendar', entityId: before.id, action: 'update', changes: diff(before, patch) }));
}

/** Deletes a calendar that none of `usages` (teams, contracts, widgets …) still uses. */
export async function removeCalendar(ctx: CalendarCommandContext, id: string, usages: readonly CalendarUsage[]): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await getCalendar(tx, id);
    if (!before) throw notFound('Calendar', id);
    await audited(tx, (inner) => deleteCalendar(inner, id, usages), () => ({ actorUserId: ctx.actorUserId, entity: 'calendar', entityId: id, action: 'delete', changes: { name: { from: before.name, to: null } } }));
  });
}
