import { describe, expect, it } from 'vitest';
import { resolveCalendar, type CalendarDefinition } from './business-calendar.js';
import { addBusinessMinutes, businessMinutesBetween, closingAfter, isOpenAt, nextOpening } from './business-time.js';

const at = (iso: string) => new Date(iso);
const weekdays9to5 = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] } as CalendarDefinition['hours'];
const israel = resolveCalendar({
  timeZone: 'Asia/Jerusalem',
  hours: { sun: [['08:00', '17:00']], mon: [['08:00', '17:00']], tue: [['08:00', '17:00']], wed: [['08:00', '17:00']], thu: [['08:00', '17:00']] },
  holidayCountry: 'IL',
});

describe('Israel: Sunday–Thursday workweek and Jewish holidays', () => {
  it('skips Friday and Saturday', () => {
    // Thursday 2026-03-05 16:30 Israel time (UTC+2) plus 60 minutes: 30 on Thursday, 30 on Sunday.
    expect(addBusinessMinutes(israel, at('2026-03-05T14:30:00Z'), 60).toISOString()).toBe('2026-03-08T06:30:00.000Z');
  });

  it('works on Sunday', () => {
    expect(businessMinutesBetween(israel, at('2026-03-08T06:00:00Z'), at('2026-03-08T15:00:00Z'))).toBe(540);
  });

  it('closes the whole date of Passover, not from the sunset before', () => {
    // Passover 2026 runs 1 April 18:00 → 2 April 18:00 in date-holidays. 1 April (the eve) is a full
    // working day until 17:00; 2 April is closed; Friday and Saturday are the weekend.
    expect(businessMinutesBetween(israel, at('2026-04-01T05:00:00Z'), at('2026-04-01T14:00:00Z'))).toBe(540);
    expect(isOpenAt(israel, at('2026-04-02T09:00:00Z'))).toBe(false);
    expect(addBusinessMinutes(israel, at('2026-04-01T13:00:00Z'), 120).toISOString()).toBe('2026-04-05T06:00:00.000Z');
  });

  it('closes Yom Kippur (Monday 21 September 2026)', () => {
    expect(businessMinutesBetween(israel, at('2026-09-20T21:00:00Z'), at('2026-09-21T21:00:00Z'))).toBe(0);
    expect(businessMinutesBetween(israel, at('2026-09-21T21:00:00Z'), at('2026-09-22T21:00:00Z'))).toBe(540);
  });
});

describe('daylight saving time', () => {
  it('Europe: a Friday-to-Monday target across the spring change', () => {
    const berlin = resolveCalendar({ timeZone: 'Europe/Berlin', hours: weekdays9to5 });
    // Friday 27 March 16:00 CET (UTC+1); Monday 30 March is CEST (UTC+2).
    expect(addBusinessMinutes(berlin, at('2026-03-27T15:00:00Z'), 120).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(businessMinutesBetween(berlin, at('2026-03-27T11:00:00Z'), at('2026-03-30T10:00:00Z'))).toBe(300 + 180);
  });

  it('Europe: a round-the-clock Sunday is 23 h in spring and 25 h in autumn', () => {
    const london = resolveCalendar({ timeZone: 'Europe/London', hours: { sun: [['00:00', '24:00']] } });
    expect(businessMinutesBetween(london, at('2026-03-28T00:00:00Z'), at('2026-03-31T00:00:00Z'))).toBe(23 * 60);
    expect(businessMinutesBetween(london, at('2026-10-24T00:00:00Z'), at('2026-10-27T00:00:00Z'))).toBe(25 * 60);
  });

  it('Europe: a night range through the changed hour counts the hours actually worked', () => {
    const berlin = resolveCalendar({ timeZone: 'Europe/Berlin', hours: { sun: [['01:00', '04:00']] } });
    // Spring: 02:00 jumps to 03:00, so 01:00–04:00 lasts two hours; autumn: 03:00 falls back to 02:00, four hours.
    expect(businessMinutesBetween(berlin, at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(120);
    expect(businessMinutesBetween(berlin, at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'))).toBe(240);
  });

  it('Europe: a range that starts inside the skipped hour starts when the clock jumps', () => {
    const berlin = resolveCalendar({ timeZone: 'Europe/Berlin', hours: { sun: [['02:30', '05:00']] } });
    expect(nextOpening(berlin, at('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(businessMinutesBetween(berlin, at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(120);
  });

  it('USA: New York across both changes', () => {
    const ny = resolveCalendar({ timeZone: 'America/New_York', hours: weekdays9to5 });
    // Friday 6 March 16:00 EST (UTC-5) + 120 → Monday 9 March 10:00 EDT (UTC-4).
    expect(addBusinessMinutes(ny, at('2026-03-06T21:00:00Z'), 120).toISOString()).toBe('2026-03-09T14:00:00.000Z');
    // Friday 30 October 16:00 EDT + 120 → Monday 2 November 10:00 EST.
    expect(addBusinessMinutes(ny, at('2026-10-30T20:00:00Z'), 120).toISOString()).toBe('2026-11-02T15:00:00.000Z');
    const allDay = resolveCalendar({ timeZone: 'America/Los_Angeles', hours: { sun: [['00:00', '24:00']] } });
    expect(businessMinutesBetween(allDay, at('2026-03-07T00:00:00Z'), at('2026-03-10T00:00:00Z'))).toBe(23 * 60);
    expect(businessMinutesBetween(allDay, at('2026-10-31T00:00:00Z'), at('2026-11-03T00:00:00Z'))).toBe(25 * 60);
  });

  it('a zone whose midnight does not exist on the change day (Santiago) still opens at the first instant of the date', () => {
    const santiago = resolveCalendar({ timeZone: 'America/Santiago', hours: { sun: [['00:00', '24:00']] } });
    // 6 September 2026: 00:00 → 01:00, so Sunday lasts 23 h.
    expect(businessMinutesBetween(santiago, at('2026-09-05T12:00:00Z'), at('2026-09-08T12:00:00Z'))).toBe(23 * 60);
  });
});

describe('midnight and ranges that end at 24:00', () => {
  const night = resolveCalendar({ timeZone: 'UTC', hours: { mon: [['22:00', '24:00']], tue: [['00:00', '06:00']], fri: [['16:00', '24:00']] } });

  it('a night shift continues across midnight', () => {
    expect(addBusinessMinutes(night, at('2026-03-02T22:00:00Z'), 180).toISOString()).toBe('2026-03-03T01:00:00.000Z');
    expect(closingAfter(night, at('2026-03-02T23:00:00Z'))?.toISOString()).toBe('2026-03-03T06:00:00.000Z');
  });

  it('24:00 is the end of the day: a target that uses the evening falls due at midnight', () => {
    expect(addBusinessMinutes(night, at('2026-03-06T16:00:00Z'), 480).toISOString()).toBe('2026-03-07T00:00:00.000Z');
    expect(isOpenAt(night, at('2026-03-06T23:59:59Z'))).toBe(true);
    expect(isOpenAt(night, at('2026-03-07T00:00:00Z'))).toBe(false);
  });
});

describe('basic rules', () => {
  const utc = resolveCalendar({ timeZone: 'UTC', hours: weekdays9to5, holidays: ['2026-03-04'] });

  it('a target that uses a day exactly falls due at closing time, not at the next opening', () => {
    expect(addBusinessMinutes(utc, at('2026-03-02T09:00:00Z'), 480).toISOString()).toBe('2026-03-02T17:00:00.000Z');
  });

  it('time starting in closed hours begins at the next opening', () => {
    expect(addBusinessMinutes(utc, at('2026-03-02T05:00:00Z'), 30).toISOString()).toBe('2026-03-02T09:30:00.000Z');
    expect(addBusinessMinutes(utc, at('2026-03-02T05:00:00Z'), 0).toISOString()).toBe('2026-03-02T05:00:00.000Z');
  });

  it('custom holidays close the whole date', () => {
    expect(addBusinessMinutes(utc, at('2026-03-03T16:00:00Z'), 120).toISOString()).toBe('2026-03-05T10:00:00.000Z');
  });

  it('counting backwards gives a negative number', () => {
    expect(businessMinutesBetween(utc, at('2026-03-02T12:00:00Z'), at('2026-03-02T10:00:00Z'))).toBe(-120);
  });

  it('handles large targets by whole days and stays exact', () => {
    const start = at('2026-01-01T00:00:00Z');
    const due = addBusinessMinutes(israel, start, 1_000_000);
    expect(businessMinutesBetween(israel, start, due)).toBe(1_000_000);
    expect(due.getUTCFullYear()).toBe(2033);
  });

  it('rejects negative or non-finite minutes and invalid instants', () => {
    expect(() => addBusinessMinutes(utc, at('2026-03-02T09:00:00Z'), -1)).toThrow(/non-negative/);
    expect(() => addBusinessMinutes(utc, at('2026-03-02T09:00:00Z'), Number.NaN)).toThrow(/non-negative/);
    expect(() => addBusinessMinutes(utc, new Date('nope'), 5)).toThrow(/not a valid instant/);
  });

  it('alwaysOpen counts wall-clock time, weekends and holidays included', () => {
    const always = resolveCalendar({ timeZone: 'Asia/Tokyo', alwaysOpen: true });
    expect(addBusinessMinutes(always, at('2026-03-07T10:00:00Z'), 90).toISOString()).toBe('2026-03-07T11:30:00.000Z');
    expect(businessMinutesBetween(always, at('2026-03-07T10:00:00Z'), at('2026-03-09T10:00:00Z'))).toBe(2880);
  });
});

describe('pauses', () => {
  const utc = resolveCalendar({ timeZone: 'UTC', hours: weekdays9to5 });

  it('a pause inside working hours pushes the due time out by its length', () => {
    const pauses = [{ start: at('2026-03-02T10:00:00Z'), end: at('2026-03-02T11:30:00Z') }];
    expect(addBusinessMinutes(utc, at('2026-03-02T09:00:00Z'), 120, pauses).toISOString()).toBe('2026-03-02T12:30:00.000Z');
    expect(businessMinutesBetween(utc, at('2026-03-02T09:00:00Z'), at('2026-03-02T12:30:00Z'), pauses)).toBe(120);
  });

  it('a pause over closed hours changes nothing', () => {
    const pauses = [{ start: at('2026-03-02T17:00:00Z'), end: at('2026-03-03T09:00:00Z') }];
    expect(addBusinessMinutes(utc, at('2026-03-02T16:00:00Z'), 120, pauses).toISOString()).toBe('2026-03-03T10:00:00.000Z');
  });

  it('overlapping and unordered pauses are merged; a pause over the start delays it', () => {
    const pauses = [
      { start: at('2026-03-02T12:00:00Z'), end: at('2026-03-02T14:00:00Z') },
      { start: at('2026-03-02T08:00:00Z'), end: at('2026-03-02T10:00:00Z') },
      { start: at('2026-03-02T13:00:00Z'), end: at('2026-03-02T15:00:00Z') },
    ];
    // Open 10–12 and 15–17 on Monday: 240 minutes.
    expect(businessMinutesBetween(utc, at('2026-03-02T00:00:00Z'), at('2026-03-03T00:00:00Z'), pauses)).toBe(240);
    expect(addBusinessMinutes(utc, at('2026-03-02T09:00:00Z'), 150, pauses).toISOString()).toBe('2026-03-02T15:30:00.000Z');
  });

  it('pauses apply to always-open calendars too', () => {
    const always = resolveCalendar({ timeZone: 'UTC', alwaysOpen: true });
    const pauses = [{ start: at('2026-03-02T10:00:00Z'), end: at('2026-03-02T11:00:00Z') }];
    expect(addBusinessMinutes(always, at('2026-03-02T09:00:00Z'), 120, pauses).toISOString()).toBe('2026-03-02T12:00:00.000Z');
  });
});
