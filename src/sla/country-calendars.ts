/**
 * A sensible default business calendar for every country: its workweek, office hours in its
 * main time zone and its public holidays. Admins override any of it per country (stored by the
 * SLA module); this file only answers "what would we assume if nobody said otherwise".
 *
 * The workweek comes from CLDR week data (`Intl.Locale('und-XX').weekInfo`), corrected by a
 * short curated list where CLDR's weekend does not match how offices actually work or where a
 * recent change must be pinned regardless of the runtime's ICU version.
 */
import Holidays from 'date-holidays';
import { WEEKDAYS, type CalendarDefinition, type Weekday } from './business-calendar.js';
import { holidayCountries } from './holidays.js';
import { isKnownTimeZone } from './zone-time.js';

interface CuratedWorkweek {
  workdays: readonly Weekday[];
  note: string;
}

/** Countries whose office workweek we pin by hand, with the reason shown to admins. */
const CURATED_WORKWEEKS: Readonly<Record<string, CuratedWorkweek>> = {
  IL: { workdays: ['sun', 'mon', 'tue', 'wed', 'thu'], note: 'Offices work Sunday–Thursday; Friday is a short day for some and is not counted.' },
  SA: { workdays: ['sun', 'mon', 'tue', 'wed', 'thu'], note: 'The weekend is Friday–Saturday.' },
  AE: { workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], note: 'The UAE moved to a Monday–Friday week in 2022; older locale data still says Sunday–Thursday.' },
  IR: { workdays: ['sat', 'sun', 'mon', 'tue', 'wed'], note: 'Offices work Saturday–Wednesday; Thursday is a half day or closed, Friday is the weekend.' },
};

/** Office hours by country where they differ from 09:00–17:00. */
const CURATED_HOURS: Readonly<Record<string, readonly [string, string]>> = {
  IL: ['08:00', '17:00'],
  DE: ['08:00', '17:00'],
  AT: ['08:00', '17:00'],
  CH: ['08:00', '17:00'],
  PL: ['08:00', '17:00'],
  CZ: ['08:00', '17:00'],
};

/** The zone to use where `date-holidays` lists a different first zone or uses a retired name. */
const CURATED_ZONES: Readonly<Record<string, string>> = {
  CD: 'Africa/Kinshasa',
  GL: 'America/Nuuk',
  UA: 'Europe/Kyiv',
  UZ: 'Asia/Tashkent',
};

const DEFAULT_HOURS: readonly [string, string] = ['09:00', '17:00'];

interface WeekInfo {
  firstDay: number;
  weekend: number[];
}

function localeWeekInfo(country: string): WeekInfo | null {
  try {
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & { weekInfo?: WeekInfo; getWeekInfo?: () => WeekInfo };
    // Node 20 exposes a getter; newer runtimes replaced it with getWeekInfo().
    return locale.getWeekInfo?.() ?? locale.weekInfo ?? null;
  } catch {
    return null;
  }
}

/** The country's working days (Monday-first order) and where that answer came from ("curated" or "locale" data). */
export function countryWorkweek(country: string): { workdays: Weekday[]; source: 'curated' | 'locale'; note: string | null } {
  const code = country.toUpperCase();
  const curated = CURATED_WORKWEEKS[code];
  if (curated) return { workdays: WEEKDAYS.filter((d) => curated.workdays.includes(d)), source: 'curated', note: curated.note };
  const weekend = localeWeekInfo(code)?.weekend ?? [6, 7];
  // weekInfo numbers days 1 = Monday … 7 = Sunday, the same order as WEEKDAYS.
  return { workdays: WEEKDAYS.filter((_, i) => !weekend.includes(i + 1)), source: 'locale', note: null };
}

/** The country's main IANA time zone (its capital's, as a rule), or null when we do not know the country. */
export function countryMainTimeZone(country: string): string | null {
  const code = country.toUpperCase();
  const curated = CURATED_ZONES[code];
  if (curated && isKnownTimeZone(curated)) return curated;
  if (!(code in holidayCountries())) return null;
  const zone = new Holidays(code).getTimezones()[0];
  return zone && isKnownTimeZone(zone) ? zone : null;
}

/** What an admin can change about a country's default; anything left out keeps the default. */
export interface CountryCalendarOverride {
  timeZone?: string;
  workdays?: Weekday[];
  hours?: [string, string];
  holidays?: string[];
}

/** The default calendar of a country, with the reasons behind it for the admin page. */
export interface CountryCalendar {
  country: string;
  definition: CalendarDefinition;
  workdays: Weekday[];
  workweekSource: 'curated' | 'locale' | 'override';
  note: string | null;
}

/**
 * Builds a country's default business calendar definition: office hours on its working days in
 * its main zone, closed on its public holidays. Throws when the country's zone is unknown and
 * the override does not give one, because a calendar in a guessed zone would be silently wrong.
 */
export function defaultCalendarForCountry(country: string, override: CountryCalendarOverride = {}): CountryCalendar {
  const code = country.toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw new RangeError(`"${country}" is not an ISO 3166-1 alpha-2 country code`);
  const timeZone = override.timeZone ?? countryMainTimeZone(code);
  if (!timeZone) throw new RangeError(`no time zone is known for country ${code}; give one in the override`);
  const week = countryWorkweek(code);
  const workdays = override.workdays ?? week.workdays;
  const range = override.hours ?? CURATED_HOURS[code] ?? DEFAULT_HOURS;
  const hours: Partial<Record<Weekday, [string, string][]>> = {};
  for (const day of WEEKDAYS) if (workdays.includes(day)) hours[day] = [[range[0], range[1]]];
  const definition: CalendarDefinition = { timeZone, hours };
  if (code in holidayCountries()) definition.holidayCountry = code;
  if (override.holidays?.length) definition.holidays = [...override.holidays];
  return {
    country: code,
    definition,
    workdays: WEEKDAYS.filter((d) => workdays.includes(d)),
    workweekSource: override.workdays ? 'override' : week.source,
    note: week.note,
  };
}
