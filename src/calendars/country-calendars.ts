/**
 * A sensible default business calendar for every country: its workweek and office hours in its
 * main time zone, closed on its public holidays. Admins override any of it per country (stored
 * calendars with `country` set); this file only answers "what would we assume if nobody said
 * otherwise".
 *
 * The workweek and office hours come from the culture engine's country profile — CLDR week data
 * with its curated corrections (Israel Sunday–Thursday, Iranian and Indian offices …) and typical
 * hours to reach business customers — so Rapport has one answer to "when does this country work".
 * The zone is chosen here: the culture profile lists every zone of a country, an SLA needs one.
 */
import Holidays from 'date-holidays';
import { countryProfile, isKnownCountry } from '../culture/index.js';
import { WEEKDAYS, type CalendarDefinition, type Weekday } from './business-calendar.js';
import { holidayCountries } from './holidays.js';
import { isKnownTimeZone } from './zone-time.js';

/** The zone to use where `date-holidays` lists a different first zone or uses a retired name. */
const CURATED_ZONES: Readonly<Record<string, string>> = {
  CD: 'Africa/Kinshasa',
  GL: 'America/Nuuk',
  UA: 'Europe/Kyiv',
  UZ: 'Asia/Tashkent',
};

/** Office hours where the culture engine has none for a country. */
const FALLBACK_HOURS: readonly [string, string] = ['09:00', '17:00'];

/** The country's working days (Monday-first order), office hours and why, from its culture profile. */
export function countryWorkweek(country: string): { workdays: Weekday[]; hours: [string, string][]; source: 'curated' | 'locale'; note: string | null } {
  const code = country.toUpperCase();
  if (!isKnownCountry(code)) return { workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: [[...FALLBACK_HOURS]], source: 'locale', note: null };
  const profile = countryProfile(code);
  // IsoWeekday numbers days 1 = Monday … 7 = Sunday, the same order as WEEKDAYS.
  const workdays = WEEKDAYS.filter((_, i) => profile.week.value.workdays.includes((i + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7));
  const slots = profile.businessHours.value;
  return {
    workdays,
    hours: slots.length > 0 ? slots.map((s) => [s.start, s.end] as [string, string]) : [[...FALLBACK_HOURS]],
    source: profile.week.confidence === 'curated' ? 'curated' : 'locale',
    note: profile.week.note ?? null,
  };
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
  const ranges = override.hours ? [override.hours] : week.hours;
  const hours: Partial<Record<Weekday, [string, string][]>> = {};
  for (const day of WEEKDAYS) if (workdays.includes(day)) hours[day] = ranges.map((r) => [r[0], r[1]]);
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
