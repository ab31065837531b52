/**
 * Week, time-zone and public-holiday facts per country, read from Node's ICU (CLDR week data)
 * and `date-holidays`, with curated workday corrections. Everything here is published data;
 * nothing is guessed.
 */
import Holidays from 'date-holidays';
import { WORKDAY_OVERRIDES } from './data/calendar-overrides.js';
import type { HolidayEntry, IsoWeekday, WeekInfo } from './types.js';

/** The parts of Intl.Locale that TypeScript's ES2023 lib does not describe yet. */
interface LocaleWithInfo {
  weekInfo?: { firstDay: number; weekend: number[] };
  getWeekInfo?: () => { firstDay: number; weekend: number[] };
  textInfo?: { direction: string };
  getTextInfo?: () => { direction: string };
  timeZones?: string[];
  getTimeZones?: () => string[];
}

function regionLocale(iso2: string): LocaleWithInfo {
  return new Intl.Locale(`und-${iso2}`) as unknown as LocaleWithInfo;
}

const ALL_DAYS: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Orders weekdays starting from the week's first day, so Sunday–Thursday reads in that order. */
export function orderFrom(days: IsoWeekday[], firstDay: IsoWeekday): IsoWeekday[] {
  return [...days].sort((a, b) => ((a - firstDay + 7) % 7) - ((b - firstDay + 7) % 7));
}

export interface WeekFacts {
  week: WeekInfo;
  /** Set when the workdays come from our curated table rather than CLDR's weekend. */
  overrideNote?: string;
}

/**
 * CLDR week data for a country (newer V8 exposes `getWeekInfo()`, Node 20 the `weekInfo`
 * getter), with workdays = the complement of the weekend unless a curated override says
 * otherwise (Israel Sunday–Thursday, Indian corporate Monday–Friday).
 */
export function weekFacts(iso2: string): WeekFacts {
  const loc = regionLocale(iso2);
  const info = loc.getWeekInfo?.() ?? loc.weekInfo ?? { firstDay: 1, weekend: [6, 7] };
  const firstDay = info.firstDay as IsoWeekday;
  const weekend = info.weekend as IsoWeekday[];
  const override = WORKDAY_OVERRIDES[iso2];
  const workdays = override ? override.workdays : ALL_DAYS.filter((d) => !weekend.includes(d));
  return {
    week: { firstDay, weekend, workdays: orderFrom(workdays, firstDay) },
    ...(override ? { overrideNote: override.note } : {}),
  };
}

/** IANA time zones of a country per CLDR; empty when ICU has none (e.g. Antarctica). */
export function timeZonesOf(iso2: string): string[] {
  let zones = zoneCache.get(iso2);
  if (!zones) {
    // ICU computes the zone list on every call (≈0.5 ms); the answer is fixed for the process.
    const loc = regionLocale(iso2);
    zones = (loc.getTimeZones?.() ?? loc.timeZones ?? []).map((z) => CURRENT_ZONE_NAMES[z] ?? z);
    zoneCache.set(iso2, zones);
  }
  return [...zones];
}

const zoneCache = new Map<string, string[]>();

/** ICU still lists some zones under their pre-rename ids; contacts store the current ones. */
const CURRENT_ZONE_NAMES: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata', 'Asia/Saigon': 'Asia/Ho_Chi_Minh', 'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon', 'Europe/Kiev': 'Europe/Kyiv', 'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk', 'Pacific/Truk': 'Pacific/Chuuk', 'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton', 'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Indianapolis': 'America/Indiana/Indianapolis', 'America/Louisville': 'America/Kentucky/Louisville',
};

/** Whether a language tag is written right to left. */
export function isRtl(languageTag: string): boolean {
  const loc = new Intl.Locale(languageTag) as unknown as LocaleWithInfo;
  const info = loc.getTextInfo?.() ?? loc.textInfo;
  return info?.direction === 'rtl';
}

/** CLDR's likely language for a country, e.g. 'IL' → 'he-IL'. */
export function likelyLanguage(iso2: string): string {
  const max = new Intl.Locale(`und-${iso2}`).maximize();
  return `${max.language}-${iso2}`;
}

const holidayCountries = new Set(Object.keys(new Holidays().getCountries()));

/** Whether date-holidays has data for a country. */
export function hasHolidayData(iso2: string): boolean {
  return holidayCountries.has(iso2);
}

/**
 * Public holidays (type 'public' only, names in English) of a country for one year. Returns
 * `supported: false` where date-holidays has no data, so callers can say what is missing.
 */
export function publicHolidays(iso2: string, year: number): { supported: boolean; items: HolidayEntry[] } {
  const key = `${iso2}|${year}`;
  const hit = holidayCache.get(key);
  if (hit) return hit;
  const result = computeHolidays(iso2, year);
  // Holiday rules never change while the process runs; computing them is the slow part of a profile.
  holidayCache.set(key, result);
  return result;
}

const holidayCache = new Map<string, { supported: boolean; items: HolidayEntry[] }>();

function computeHolidays(iso2: string, year: number): { supported: boolean; items: HolidayEntry[] } {
  if (!holidayCountries.has(iso2)) return { supported: false, items: [] };
  const hd = new Holidays(iso2, { languages: ['en'], types: ['public'] });
  const seen = new Set<string>();
  const items: HolidayEntry[] = [];
  for (const h of hd.getHolidays(year)) {
    if (h.type !== 'public') continue;
    // Jewish and Islamic holidays start at sunset the evening before; the date part is the day itself.
    const date = h.date.slice(0, 10);
    const key = `${date}|${h.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ date, name: h.name });
  }
  return { supported: true, items };
}
