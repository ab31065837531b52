/**
 * Business calendars: when a team or a contract counts time.
 *
 * A calendar definition is the JSON admins and API clients write:
 *   { timeZone, hours: { sun: [["08:00","17:00"]], … }, holidays?, holidayCountry?, holidayRegion?, holidayTypes? }
 * or { timeZone, alwaysOpen: true } for 24/7 coverage.
 * `resolveCalendar` turns a validated definition into the compact form the arithmetic in
 * business-time.ts walks: minute ranges per ISO weekday plus a holiday test.
 */
import { z } from 'zod';
import { HOLIDAY_TYPES, holidayCountries, holidayDates, holidayRegions, type HolidaySource } from './holidays.js';
import { isKnownTimeZone, yearOfEpochDay, epochDayOfIsoDate } from './zone-time.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Minutes since local midnight of "HH:MM" (00:00–24:00), or null when it is not a time of day. */
export function parseTimeOfDay(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

/** Formats minutes since midnight back to "HH:MM" for messages and the admin UI. */
export function formatTimeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const timeOfDay = z.string().refine((v) => parseTimeOfDay(v) !== null, {
  error: (issue) => `"${String(issue.input)}" is not a time of day; use HH:MM between 00:00 and 24:00`,
});

const timeRange = z
  .tuple([timeOfDay, timeOfDay])
  .superRefine(([start, end], ctx) => {
    const s = parseTimeOfDay(start);
    const e = parseTimeOfDay(end);
    if (s === null || e === null) return; // already reported by the element check
    if (s === 24 * 60) ctx.addIssue({ code: 'custom', message: 'a range cannot start at 24:00; start the next day at 00:00 instead' });
    else if (e <= s)
      ctx.addIssue({
        code: 'custom',
        message: `the range ${start}–${end} ends before it starts; split a shift that crosses midnight into ${start}–24:00 and 00:00–${end} on the next day`,
      });
  });

const dayRanges = z.array(timeRange).superRefine((ranges, ctx) => {
  const parsed = ranges
    .map((r) => [parseTimeOfDay(r[0]), parseTimeOfDay(r[1])] as const)
    .filter((r): r is readonly [number, number] => r[0] !== null && r[1] !== null && r[1] > r[0])
    .sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < parsed.length; i++) {
    const prev = parsed[i - 1]!;
    const cur = parsed[i]!;
    if (cur[0] < prev[1])
      ctx.addIssue({
        code: 'custom',
        message: `the ranges ${formatTimeOfDay(prev[0])}–${formatTimeOfDay(prev[1])} and ${formatTimeOfDay(cur[0])}–${formatTimeOfDay(cur[1])} overlap`,
      });
  }
});

const isoDate = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
  error: (issue) => `"${String(issue.input)}" is not a date; use YYYY-MM-DD`,
});

const weekHours = z.strictObject({
  mon: dayRanges.optional(),
  tue: dayRanges.optional(),
  wed: dayRanges.optional(),
  thu: dayRanges.optional(),
  fri: dayRanges.optional(),
  sat: dayRanges.optional(),
  sun: dayRanges.optional(),
});

/** The inline calendar format of the API, with validation messages meant for the person who typed it. */
export const calendarDefinitionSchema = z
  .strictObject({
    timeZone: z.string().refine(isKnownTimeZone, {
      error: (issue) => `"${String(issue.input)}" is not an IANA time zone (for example Asia/Jerusalem or America/New_York)`,
    }),
    alwaysOpen: z.boolean().optional(),
    hours: weekHours.optional(),
    holidays: z.array(isoDate).optional(),
    holidayCountry: z.string().optional(),
    holidayRegion: z.string().optional(),
    holidayTypes: z.array(z.enum(HOLIDAY_TYPES)).min(1).optional(),
  })
  .superRefine((def, ctx) => {
    if (def.alwaysOpen) {
      for (const key of ['hours', 'holidays', 'holidayCountry', 'holidayRegion'] as const)
        if (def[key] !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `a calendar that is always open has no ${key}; to close on holidays, give 00:00–24:00 hours for every day instead`,
          });
      return;
    }
    const open = def.hours && WEEKDAYS.some((d) => (def.hours?.[d]?.length ?? 0) > 0);
    if (!open)
      ctx.addIssue({ code: 'custom', path: ['hours'], message: 'the calendar is never open: give working hours for at least one day, or set alwaysOpen' });
    if (def.holidayCountry !== undefined) {
      const countries = holidayCountries();
      if (!(def.holidayCountry in countries))
        ctx.addIssue({ code: 'custom', path: ['holidayCountry'], message: `no public holidays are known for country "${def.holidayCountry}"; use an ISO 3166-1 code such as IL or US` });
      else if (def.holidayRegion !== undefined && !(def.holidayRegion in holidayRegions(def.holidayCountry)))
        ctx.addIssue({ code: 'custom', path: ['holidayRegion'], message: `"${def.holidayRegion}" is not a region of ${def.holidayCountry} with its own holidays` });
    } else if (def.holidayRegion !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['holidayRegion'], message: 'holidayRegion needs holidayCountry' });
    }
  });

export type CalendarDefinition = z.infer<typeof calendarDefinitionSchema>;

/** A half-open range [start, end) in minutes since local midnight; end may be 1440 (24:00). */
export type MinuteRange = readonly [number, number];

/** A calendar ready for arithmetic. Build it with `resolveCalendar`. */
export interface BusinessCalendar {
  readonly timeZone: string;
  readonly alwaysOpen: boolean;
  /** Index 0 = Monday … 6 = Sunday; sorted, non-overlapping, touching ranges merged. */
  readonly week: readonly (readonly MinuteRange[])[];
  /** Whether a local date ("YYYY-MM-DD") is closed as a holiday. */
  isHoliday(localDate: string): boolean;
}

function mergeRanges(ranges: readonly (readonly [string, string])[]): MinuteRange[] {
  const sorted = ranges.map((r) => [parseTimeOfDay(r[0])!, parseTimeOfDay(r[1])!] as [number, number]).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * Turns a definition into a calendar the arithmetic can walk. Validates first (throws a
 * ZodError with the schema's messages), so callers may pass unchecked JSON.
 * Country holidays are loaded lazily per year and cached, so resolving is cheap.
 */
export function resolveCalendar(input: unknown): BusinessCalendar {
  const def = calendarDefinitionSchema.parse(input);
  if (def.alwaysOpen) {
    return { timeZone: def.timeZone, alwaysOpen: true, week: WEEKDAYS.map(() => [[0, 1440]]), isHoliday: () => false };
  }
  const week = WEEKDAYS.map((d) => mergeRanges(def.hours?.[d] ?? []));
  const custom = new Set(def.holidays ?? []);
  const source: HolidaySource | undefined = def.holidayCountry
    ? { country: def.holidayCountry, region: def.holidayRegion, types: def.holidayTypes ?? ['public'] }
    : undefined;
  const isHoliday = (localDate: string): boolean => {
    if (custom.has(localDate)) return true;
    if (!source) return false;
    const year = yearOfEpochDay(epochDayOfIsoDate(localDate));
    // A multi-day holiday that starts on 31 December spills into the next year.
    return holidayDates(source, year).has(localDate) || holidayDates(source, year - 1).has(localDate);
  };
  return { timeZone: def.timeZone, alwaysOpen: false, week, isHoliday };
}

/** Open minutes in an ordinary (non-holiday, no DST change) week; used to sanity-check targets and in the admin UI. */
export function weeklyOpenMinutes(calendar: BusinessCalendar): number {
  return calendar.week.reduce((sum, day) => sum + day.reduce((s, r) => s + r[1] - r[0], 0), 0);
}
