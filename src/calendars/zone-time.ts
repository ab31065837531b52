/**
 * Low-level conversions between wall-clock time in an IANA zone and absolute instants.
 *
 * Business-time arithmetic walks day by day through a zone, so it needs two things Luxon
 * does not give directly and cheaply: a *monotone* wall→instant mapping (Luxon moves a
 * skipped time forward by the gap, which makes 02:30 land after 03:00 on a spring-forward
 * day) and an epoch-day numbering of local dates. Both live here so the rule is written once.
 */
import { IANAZone } from 'luxon';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const zones = new Map<string, IANAZone>();

/** Returns a cached Luxon zone object, because creating one per day would dominate the cost of long walks. */
export function zoneFor(timeZone: string): IANAZone {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = IANAZone.create(timeZone);
    if (!zone.isValid) throw new RangeError(`unknown time zone "${timeZone}"`);
    zones.set(timeZone, zone);
  }
  return zone;
}

/** True when the name is an IANA time zone this runtime knows; used by validation. */
export function isKnownTimeZone(timeZone: string): boolean {
  return IANAZone.isValidZone(timeZone);
}

/**
 * Maps a wall-clock time (given as "wall milliseconds": the local date and time read as if it
 * were UTC) to an instant.
 * - An ambiguous time (the repeated hour when clocks go back) maps to its *earlier* occurrence,
 *   so a range that starts at 01:30 on that night starts at the first 01:30.
 * - A skipped time (the hour lost when clocks go forward) maps to the instant of the jump, so
 *   every wall time in the gap collapses onto one instant and the mapping stays monotone.
 */
export function wallToEpoch(zone: IANAZone, wallMs: number): number {
  // Offsets a day either side bracket any transition that can affect this wall time
  // (real zones never change offset twice within two days).
  const before = zone.offset(wallMs - DAY_MS);
  const after = zone.offset(wallMs + DAY_MS);
  let best: number | undefined;
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = wallMs - offset * MINUTE_MS;
    if (zone.offset(candidate) === offset && (best === undefined || candidate < best)) best = candidate;
  }
  if (best !== undefined) return best;
  // In a gap: the jump lies between the two readings; bisect to the first instant on the new offset.
  let lo = wallMs - Math.max(before, after) * MINUTE_MS; // still on the old offset
  let hi = wallMs - Math.min(before, after) * MINUTE_MS; // already on the new offset
  const oldOffset = zone.offset(lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offset(mid) === oldOffset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The local date (as days since 1970-01-01) on which an instant falls in the zone. */
export function epochDayAt(zone: IANAZone, epochMs: number): number {
  return Math.floor((epochMs + zone.offset(epochMs) * MINUTE_MS) / DAY_MS);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an epoch day; 1970-01-01 was a Thursday. */
export function isoWeekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7 + 1;
}

/** "YYYY-MM-DD" of an epoch day, the key holidays are stored under. */
export function isoDateOfEpochDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** Epoch day of a "YYYY-MM-DD" date. */
export function epochDayOfIsoDate(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** Calendar year of an epoch day, used to load a year's holidays lazily. */
export function yearOfEpochDay(epochDay: number): number {
  return new Date(epochDay * DAY_MS).getUTCFullYear();
}
