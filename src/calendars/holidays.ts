/**
 * Public holidays from `date-holidays`, reduced to the local dates a business is closed.
 *
 * Choice (documented for admins in docs/calendars-and-slas.md): a holiday closes the whole
 * local date(s) it is named for. `date-holidays` starts Jewish and Islamic holidays at sunset
 * the evening before (Passover 2026 runs 1 April 18:00 → 2 April 18:00); a help desk closes on
 * 2 April, not from 18:00 on the 1st to 18:00 on the 2nd, so we take the holiday's own date and
 * as many following dates as it lasts whole days. Holiday eves stay ordinary working days.
 */
import Holidays from 'date-holidays';
import { DAY_MS } from './zone-time.js';

export const HOLIDAY_TYPES = ['public', 'bank', 'optional', 'school', 'observance'] as const;
export type HolidayType = (typeof HOLIDAY_TYPES)[number];

/** Which country (and optionally which ISO 3166-2 subdivision) supplies holidays, and of which kinds. */
export interface HolidaySource {
  country: string;
  region?: string | undefined;
  types: readonly HolidayType[];
}

/** A holiday as shown to admins: the closed local dates and a name. */
export interface HolidayEntry {
  date: string;
  dates: string[];
  name: string;
  type: HolidayType;
}

const yearCache = new Map<string, ReadonlySet<string>>();
const catalogue = new Holidays();

/** Countries `date-holidays` knows, code → English name; used to validate calendars and fill admin pickers. */
export function holidayCountries(): Record<string, string> {
  return catalogue.getCountries('en');
}

/** Subdivisions (states, provinces) of a country that have their own holidays, code → name. */
export function holidayRegions(country: string): Record<string, string> {
  return catalogue.getStates(country, 'en') ?? {};
}

function sourceKey(source: HolidaySource): string {
  return `${source.country}|${source.region ?? ''}|${[...source.types].sort().join(',')}`;
}

/**
 * Lists a year's holidays for a source with English names and the dates each one closes.
 * Multi-day holidays (e.g. a `P2D` rule) close every date they span.
 */
export function listHolidays(source: HolidaySource, year: number, language = 'en'): HolidayEntry[] {
  const hd = source.region
    ? new Holidays(source.country, source.region, { languages: [language], types: [...source.types] })
    : new Holidays(source.country, { languages: [language], types: [...source.types] });
  return hd.getHolidays(year).map((h) => {
    const first = h.date.slice(0, 10);
    // Sunset-to-sunset and midnight-to-midnight both round to whole days; DST makes some 23 or 25 h.
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    const start = Date.parse(`${first}T00:00:00Z`);
    const dates = Array.from({ length: days }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
    return { date: first, dates, name: h.name, type: h.type };
  });
}

/**
 * The set of closed local dates ("YYYY-MM-DD") a source contributes in a year. Cached per
 * source and year because the arithmetic asks for the same year on every walked day.
 */
export function holidayDates(source: HolidaySource, year: number): ReadonlySet<string> {
  const key = `${sourceKey(source)}|${year}`;
  let dates = yearCache.get(key);
  if (!dates) {
    dates = new Set(listHolidays(source, year).flatMap((h) => h.dates));
    yearCache.set(key, dates);
  }
  return dates;
}
