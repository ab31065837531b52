/**
 * Stored calendars: named calendars (contracts, teams, policies point at them) and per-country
 * overrides of the default calendars from country-calendars.ts.
 */
import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { newId } from '../db/index.js';
import { calendars } from './schema.js';
import { problem } from '../errors/index.js';
import { extensionPoint } from '../http/index.js';
import { calendarDefinitionSchema, resolveCalendar, type BusinessCalendar, type CalendarDefinition } from './business-calendar.js';
import { defaultCalendarForCountry } from './country-calendars.js';

export type CalendarRow = typeof calendars.$inferSelect;

/** Calendars ordered by name, keyset-paginated on (name, id). */
export async function listCalendars(db: DbOrTx, limit: number, after?: [string, string]): Promise<CalendarRow[]> {
  const cond = after ? or(gt(calendars.name, after[0]), and(eq(calendars.name, after[0]), gt(calendars.id, after[1]))) : undefined;
  return db.select().from(calendars).where(cond).orderBy(asc(calendars.name), asc(calendars.id)).limit(limit + 1);
}

/** One stored calendar row by id. */
export async function getCalendar(db: DbOrTx, id: string): Promise<CalendarRow | null> {
  const [row] = await db.select().from(calendars).where(eq(calendars.id, id));
  return row ?? null;
}

/** The stored definition of a calendar, re-validated (a row written by an older version stays safe to use). */
export function definitionOf(row: CalendarRow): CalendarDefinition {
  return calendarDefinitionSchema.parse(row.definition);
}

/** A stored calendar ready for arithmetic, or null when it does not exist. */
export async function businessCalendarById(db: DbOrTx, id: string): Promise<{ row: CalendarRow; calendar: BusinessCalendar } | null> {
  const row = await getCalendar(db, id);
  return row ? { row, calendar: resolveCalendar(row.definition) } : null;
}

async function assertCountryFree(db: DbOrTx, country: string | null | undefined, exceptId?: string) {
  if (!country) return;
  const [taken] = await db.select({ id: calendars.id }).from(calendars).where(eq(calendars.country, country));
  if (taken && taken.id !== exceptId) throw problem(409, `Country ${country} already has an override calendar (${taken.id}); change that one.`);
}

/** Stores a calendar; refuses a second override for the same country. */
export async function createCalendar(db: DbOrTx, input: { name: string; definition: CalendarDefinition; country?: string | null }): Promise<CalendarRow> {
  await assertCountryFree(db, input.country);
  const [row] = await db.insert(calendars).values({ id: newId(), name: input.name, definition: input.definition, country: input.country ?? null }).returning();
  return row;
}

/** Changes a calendar; a country it now overrides must not have another override. */
export async function updateCalendar(db: DbOrTx, id: string, patch: { name?: string; definition?: CalendarDefinition; country?: string | null }): Promise<CalendarRow> {
  await assertCountryFree(db, patch.country, id);
  const [row] = await db.update(calendars).set({ ...patch, updatedAt: new Date() }).where(eq(calendars.id, id)).returning();
  return row;
}

/**
 * Who counts time on a calendar. Calendars do not know their users: each capability that keeps
 * a calendar id (team shifts, contracts, SLA policies) adds a usage to the app's registry, and
 * a calendar is deleted only when none objects.
 */
export interface CalendarUsage {
  /** Returns why the calendar cannot go (an actionable sentence), or null when it is free. */
  blocks?: (db: DbOrTx, calendarId: string) => Promise<string | null>;
  /** Lets go of the calendar just before it is deleted (e.g. an SLA policy falls back to its default). */
  release?: (db: DbOrTx, calendarId: string) => Promise<void>;
}

export const calendarUsages = extensionPoint<CalendarUsage>('calendars.usages');

/** Deletes a calendar unless something registered as its user still counts time on it. */
export async function deleteCalendar(db: DbOrTx, id: string, usages: readonly CalendarUsage[]): Promise<void> {
  for (const usage of usages) {
    const reason = await usage.blocks?.(db, id);
    if (reason) throw problem(409, reason);
  }
  for (const usage of usages) await usage.release?.(db, id);
  await db.delete(calendars).where(eq(calendars.id, id));
}

/** A country's calendar as it applies: the admin's override when there is one, else the default. */
export interface CountryCalendarView {
  country: string;
  source: 'override' | 'default';
  calendarId: string | null;
  definition: CalendarDefinition;
  note: string | null;
}

/**
 * The calendar of a country: the stored override, else the generated default. Returns null
 * for a country whose time zone nobody knows (no default can be built without guessing).
 */
export async function countryCalendar(db: DbOrTx, country: string, timeZone?: string): Promise<CountryCalendarView | null> {
  const code = country.toUpperCase();
  const [override] = await db.select().from(calendars).where(sql`${calendars.country} = ${code}`);
  if (override) {
    const definition = definitionOf(override);
    return { country: code, source: 'override', calendarId: override.id, definition: timeZone && !definition.alwaysOpen ? { ...definition, timeZone } : definition, note: null };
  }
  try {
    const d = defaultCalendarForCountry(code, timeZone ? { timeZone } : {});
    return { country: code, source: 'default', calendarId: null, definition: d.definition, note: d.note };
  } catch {
    return null;
  }
}
