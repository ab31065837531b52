/**
 * Properties of business-time arithmetic over random calendars, instants and targets, plus a
 * brute-force oracle that walks minute by minute with Luxon's UTC→local conversion (a different
 * path from the wall→UTC mapping the implementation uses).
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { WEEKDAYS, formatTimeOfDay, resolveCalendar, type BusinessCalendar, type CalendarDefinition } from './business-calendar.js';
import { addBusinessMinutes, businessMillisecondsBetween, type Pause } from './business-time.js';

const ZONES = ['UTC', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Jerusalem', 'Australia/Sydney', 'Asia/Kolkata', 'Asia/Tokyo', 'America/Santiago'];
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 0, 1);

/** Ranges on quarter hours, avoiding bounds strictly inside 01:00–03:00 (the repeated hour at fall-back, where wall time is ambiguous and the oracle reads it differently by design). */
const bound = fc.integer({ min: 0, max: 96 }).map((q) => q * 15).filter((m) => !(m > 60 && m < 120) && !(m > 120 && m < 180));
const dayRanges = fc
  .uniqueArray(bound, { minLength: 0, maxLength: 6 })
  .map((bs) => bs.sort((a, b) => a - b))
  .map((bs) => {
    const out: [string, string][] = [];
    for (let i = 0; i + 1 < bs.length; i += 2) out.push([formatTimeOfDay(bs[i]!), formatTimeOfDay(bs[i + 1]!)]);
    return out;
  });
const isoDay = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms).toISOString().slice(0, 10));

const hoursDefinition: fc.Arbitrary<CalendarDefinition> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    days: fc.tuple(dayRanges, dayRanges, dayRanges, dayRanges, dayRanges, dayRanges, dayRanges),
    holidays: fc.array(isoDay, { maxLength: 20 }),
    holidayCountry: fc.constantFrom(undefined, 'IL', 'US', 'DE', 'GB', 'JP'),
  })
  .filter((r) => r.days.some((d) => d.length > 0))
  .map((r) => {
    const hours: NonNullable<CalendarDefinition['hours']> = {};
    WEEKDAYS.forEach((d, i) => {
      if (r.days[i]!.length > 0) hours[d] = r.days[i];
    });
    return { timeZone: r.timeZone, hours, holidays: r.holidays, ...(r.holidayCountry ? { holidayCountry: r.holidayCountry } : {}) };
  });

const definition = fc.oneof({ weight: 5, arbitrary: hoursDefinition }, { weight: 1, arbitrary: fc.constantFrom(...ZONES).map((timeZone) => ({ timeZone, alwaysOpen: true }) as CalendarDefinition) });
const calendar = definition.map((d) => resolveCalendar(d));
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));
const minutes = fc.integer({ min: 0, max: 60_000 });
const pauses: fc.Arbitrary<Pause[]> = fc.array(
  fc.tuple(fc.integer({ min: FROM, max: TO }), fc.integer({ min: 1, max: 10 * 86_400_000 })).map(([s, len]) => ({ start: new Date(s), end: new Date(s + len) })),
  { maxLength: 4 },
);

const RUNS = { numRuns: 150 };

describe('business-time properties', () => {
  it('adding then counting gives back the same number of minutes', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, pauses, (cal, start, n, ps) => {
        const due = addBusinessMinutes(cal, start, n, ps);
        expect(businessMillisecondsBetween(cal, start, due, ps)).toBe(n * 60_000);
      }),
      RUNS,
    );
  });

  it('more minutes never fall due earlier, and a later start never falls due earlier', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, minutes, fc.integer({ min: 0, max: 30 * 86_400_000 }), (cal, start, a, b, shift) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addBusinessMinutes(cal, start, lo).getTime()).toBeLessThanOrEqual(addBusinessMinutes(cal, start, hi).getTime());
        expect(addBusinessMinutes(cal, start, lo).getTime()).toBeLessThanOrEqual(addBusinessMinutes(cal, new Date(start.getTime() + shift), lo).getTime());
      }),
      RUNS,
    );
  });

  it('adding in two steps equals adding at once', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, minutes, (cal, start, a, b) => {
        const twoSteps = addBusinessMinutes(cal, addBusinessMinutes(cal, start, a), b);
        expect(twoSteps.toISOString()).toBe(addBusinessMinutes(cal, start, a + b).toISOString());
      }),
      RUNS,
    );
  });

  it('a due time is never inside closed time: the millisecond before it is open', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 60_000 }), pauses, (cal, start, n, ps) => {
        const due = addBusinessMinutes(cal, start, n, ps);
        expect(businessMillisecondsBetween(cal, new Date(due.getTime() - 1), due, ps)).toBe(1);
      }),
      RUNS,
    );
  });

  it('counting is additive over any split point and never exceeds wall-clock time', () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, pauses, (cal, x, y, z, ps) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const whole = businessMillisecondsBetween(cal, a, c, ps);
        expect(whole).toBe(businessMillisecondsBetween(cal, a, b, ps) + businessMillisecondsBetween(cal, b, c, ps));
        expect(whole).toBeGreaterThanOrEqual(0);
        expect(whole).toBeLessThanOrEqual(c.getTime() - a.getTime());
      }),
      { numRuns: 60 },
    );
  });

  it('an always-open calendar counts wall-clock time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, fc.integer({ min: 0, max: 10_000_000 }), (timeZone, start, n) => {
        const cal = resolveCalendar({ timeZone, alwaysOpen: true });
        expect(addBusinessMinutes(cal, start, n).getTime()).toBe(start.getTime() + n * 60_000);
        expect(businessMillisecondsBetween(cal, start, new Date(start.getTime() + n))).toBe(n);
      }),
      RUNS,
    );
  });

  it('pauses remove exactly the open time they cover', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 20 * 86_400_000 }), fc.integer({ min: 0, max: 20 * 86_400_000 }), fc.integer({ min: 1, max: 5 * 86_400_000 }), (cal, from, span, offset, len) => {
        const to = new Date(from.getTime() + span);
        const pause = { start: new Date(from.getTime() + Math.min(offset, span)), end: new Date(from.getTime() + Math.min(offset, span) + len) };
        const covered = businessMillisecondsBetween(cal, pause.start, new Date(Math.min(pause.end.getTime(), to.getTime())));
        expect(businessMillisecondsBetween(cal, from, to, [pause])).toBe(businessMillisecondsBetween(cal, from, to) - Math.max(0, covered));
      }),
      RUNS,
    );
  });
});

/** Counts open minutes by looking at every minute's local date and time. */
function oracleMinutes(def: CalendarDefinition, cal: BusinessCalendar, fromMs: number, minutesLong: number): number {
  let open = 0;
  for (let i = 0; i < minutesLong; i++) {
    const local = DateTime.fromMillis(fromMs + i * 60_000, { zone: def.timeZone });
    const key = WEEKDAYS[local.weekday - 1]!;
    const minuteOfDay = local.hour * 60 + local.minute;
    const date = local.toISODate()!;
    if (def.alwaysOpen) open++;
    else if (!cal.isHoliday(date) && (def.hours?.[key] ?? []).some(([s, e]) => toMin(s) <= minuteOfDay && minuteOfDay < toMin(e))) open++;
  }
  return open;
}
const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** Instants near DST changes in the zones above, where mistakes would hide. */
const TRANSITIONS = ['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-03-27T00:00:00Z', '2026-10-25T00:00:00Z', '2026-04-05T16:00:00Z', '2026-10-03T16:00:00Z', '2026-09-06T04:00:00Z', '2026-04-05T03:00:00Z', '2026-03-14T10:00:00Z'].map((s) => Date.parse(s));

describe('business-time against a minute-by-minute oracle', () => {
  it('counts the same open minutes around DST changes, holidays and midnight', () => {
    fc.assert(
      fc.property(hoursDefinition, fc.constantFrom(...TRANSITIONS), fc.integer({ min: -3 * 1440, max: 1440 }), fc.integer({ min: 1, max: 4 * 1440 }), (def, transition, offsetMin, length) => {
        const cal = resolveCalendar(def);
        const from = transition + offsetMin * 60_000;
        const expected = oracleMinutes(def, cal, from, length);
        expect(businessMillisecondsBetween(cal, new Date(from), new Date(from + length * 60_000)) / 60_000).toBe(expected);
      }),
      { numRuns: 80 },
    );
  });
});
