/**
 * Business-time arithmetic: the clock SLA targets are measured on.
 *
 * Definition: a business minute is a real minute (60 s of elapsed time) during which the
 * calendar is open and no pause is running. A working range "08:00–17:00" on a local date is
 * open from the instant the wall clock shows 08:00 to the instant it shows 17:00, so a day on
 * which clocks go forward inside the range is an hour shorter, and one on which they go back is
 * an hour longer — which is what the people on shift actually work. "24:00" is the start of the
 * next local date. Holidays close whole local dates.
 *
 * The walk goes day by day (never minute by minute): for an ordinary day it costs one offset
 * lookup, so a year of business time is a few hundred cheap steps.
 */
import type { BusinessCalendar, MinuteRange } from './business-calendar.js';
import { DAY_MS, MINUTE_MS, epochDayAt, isoDateOfEpochDay, isoWeekdayOfEpochDay, wallToEpoch, zoneFor } from './zone-time.js';

/** An interval during which clocks do not run (e.g. the ticket waited on the customer). */
export interface Pause {
  start: Date;
  end: Date;
}

/** Walking further than this many consecutive closed days means the calendar can never open again. */
const MAX_CLOSED_DAYS = 3_660;

type Span = readonly [number, number];

function normalisePauses(pauses: readonly Pause[] | undefined): Span[] {
  const spans = (pauses ?? [])
    .map((p) => [p.start.getTime(), p.end.getTime()] as [number, number])
    .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push(s);
  }
  return merged;
}

/**
 * Yields the calendar's open spans (as epoch-ms pairs) from the local day containing `fromMs`
 * onwards, in order. Spans of one day are contiguous with the next day's when a range ends at
 * 24:00 and the next starts at 00:00; callers treat them as separate spans, which is harmless.
 */
function* openSpans(calendar: BusinessCalendar, fromMs: number): Generator<Span, void, undefined> {
  const zone = zoneFor(calendar.timeZone);
  let day = epochDayAt(zone, fromMs);
  let dayStart = wallToEpoch(zone, day * DAY_MS);
  let closedDays = 0;
  for (;;) {
    const offset = zone.offset(dayStart);
    let nextStart = (day + 1) * DAY_MS - offset * MINUTE_MS;
    const plainDay = zone.offset(nextStart) === offset && nextStart - dayStart === DAY_MS;
    if (!plainDay) nextStart = wallToEpoch(zone, (day + 1) * DAY_MS);
    const ranges: readonly MinuteRange[] = calendar.week[isoWeekdayOfEpochDay(day) - 1] ?? [];
    if (ranges.length > 0 && !calendar.isHoliday(isoDateOfEpochDay(day))) {
      closedDays = 0;
      for (const [s, e] of ranges) {
        const a = plainDay ? dayStart + s * MINUTE_MS : s === 0 ? dayStart : wallToEpoch(zone, day * DAY_MS + s * MINUTE_MS);
        const b = e === 1440 ? nextStart : plainDay ? dayStart + e * MINUTE_MS : wallToEpoch(zone, day * DAY_MS + e * MINUTE_MS);
        if (b > a) yield [a, b];
      }
    } else if (++closedDays > MAX_CLOSED_DAYS) {
      throw new RangeError(`the calendar has been closed for ${MAX_CLOSED_DAYS} days in a row; it will never open`);
    }
    day += 1;
    dayStart = nextStart;
  }
}

/**
 * Yields open spans from `fromMs` on with the pauses cut out. Pausing is a property of the
 * clock, not of the calendar, so it is applied on top of the calendar's spans.
 */
function* runningSpans(calendar: BusinessCalendar, fromMs: number, pauses: readonly Span[]): Generator<Span, void, undefined> {
  let p = 0;
  const spans = calendar.alwaysOpen ? alwaysOpenSpans(fromMs) : openSpans(calendar, fromMs);
  for (const [rawA, b] of spans) {
    let a = Math.max(rawA, fromMs);
    if (b <= a) continue;
    while (p < pauses.length && pauses[p]![1] <= a) p++;
    let q = p;
    while (a < b) {
      const pause = pauses[q];
      if (!pause || pause[0] >= b) {
        yield [a, b];
        break;
      }
      if (pause[0] > a) yield [a, pause[0]];
      a = Math.max(a, pause[1]);
      q++;
    }
  }
}

/** 24/7 calendars have one endless span; chunk it by days so pauses are cut the same way. */
function* alwaysOpenSpans(fromMs: number): Generator<Span, void, undefined> {
  for (let a = fromMs; ; a += 365 * DAY_MS) yield [a, a + 365 * DAY_MS];
}

function assertInstant(value: Date, name: string): number {
  const ms = value.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${name} is not a valid instant`);
  return ms;
}

/**
 * The instant at which `minutes` business minutes have elapsed after `start`: when a target
 * counted from `start` falls due. Returns the earliest such instant, so a target that uses up a
 * day exactly falls due at closing time, not at the next opening. Zero minutes returns `start`.
 * Pauses (closed intervals) do not count.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number, pauses?: readonly Pause[]): Date {
  const from = assertInstant(start, 'start');
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('minutes must be a non-negative number');
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining === 0) return new Date(from);
  const spans = normalisePauses(pauses);
  if (calendar.alwaysOpen && spans.length === 0) return new Date(from + remaining);
  for (const [a, b] of runningSpans(calendar, from, spans)) {
    if (remaining <= b - a) return new Date(a + remaining);
    remaining -= b - a;
  }
  throw new Error('unreachable: open spans never end');
}

/**
 * Business minutes between two instants (exact, may be fractional; callers round for display).
 * Negative when `to` is before `from`, so "time left" can run below zero after a breach.
 */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date, pauses?: readonly Pause[]): number {
  return businessMillisecondsBetween(calendar, from, to, pauses) / MINUTE_MS;
}

/** Same as `businessMinutesBetween` in milliseconds, for callers that must not lose sub-minute precision. */
export function businessMillisecondsBetween(calendar: BusinessCalendar, from: Date, to: Date, pauses?: readonly Pause[]): number {
  const a = assertInstant(from, 'from');
  const b = assertInstant(to, 'to');
  if (b < a) return -businessMillisecondsBetween(calendar, to, from, pauses);
  const spans = normalisePauses(pauses);
  if (calendar.alwaysOpen && spans.length === 0) return b - a;
  let total = 0;
  for (const [x, y] of runningSpans(calendar, a, spans)) {
    if (x >= b) break;
    total += Math.min(y, b) - x;
    if (y >= b) break;
  }
  return total;
}

/** Whether the calendar is open at an instant (ignoring pauses); used by follow-the-sun to find who is on shift. */
export function isOpenAt(calendar: BusinessCalendar, at: Date): boolean {
  const t = assertInstant(at, 'at');
  if (calendar.alwaysOpen) return true;
  for (const [a, b] of openSpans(calendar, t)) {
    if (a > t) return false;
    if (t < b) return true;
  }
  return false;
}

/** The next instant at or after `at` when the calendar is open; `at` itself when it is open then. */
export function nextOpening(calendar: BusinessCalendar, at: Date): Date {
  const t = assertInstant(at, 'at');
  if (calendar.alwaysOpen) return new Date(t);
  for (const [a, b] of openSpans(calendar, t)) if (b > t) return new Date(Math.max(a, t));
  throw new Error('unreachable: open spans never end');
}

/**
 * The instant the open period containing `at` closes, following ranges that continue across
 * midnight (22:00–24:00 then 00:00–06:00); null when closed at `at` or always open. A calendar
 * open round the clock without the alwaysOpen flag is followed for at most a week.
 */
export function closingAfter(calendar: BusinessCalendar, at: Date): Date | null {
  const t = assertInstant(at, 'at');
  if (calendar.alwaysOpen) return null;
  let end: number | null = null;
  for (const [a, b] of openSpans(calendar, t)) {
    if (end === null) {
      if (b <= t) continue;
      if (a > t) return null;
      end = b;
    } else if (a <= end) end = Math.max(end, b);
    else break;
    if (end - t >= 7 * DAY_MS) break;
  }
  return end === null ? null : new Date(end);
}
