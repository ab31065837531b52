import { describe, expect, it } from 'vitest';
import { calendarDefinitionSchema, resolveCalendar, weeklyOpenMinutes } from './business-calendar.js';
import { listHolidays } from './holidays.js';

function messages(input: unknown): string[] {
  const result = calendarDefinitionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('calendar validation', () => {
  it('accepts the inline format of the API', () => {
    expect(
      messages({ timeZone: 'Asia/Jerusalem', hours: { sun: [['08:00', '17:00']], mon: [['08:00', '12:00'], ['13:00', '17:00']] }, holidays: ['2026-04-02'], holidayCountry: 'IL' }),
    ).toEqual([]);
    expect(messages({ timeZone: 'UTC', alwaysOpen: true })).toEqual([]);
    expect(messages({ timeZone: 'UTC', hours: { fri: [['16:00', '24:00']] } })).toEqual([]);
  });

  it('names an unknown time zone', () => {
    expect(messages({ timeZone: 'Mars/Olympus', hours: { mon: [['09:00', '17:00']] } })).toEqual([
      'timeZone: "Mars/Olympus" is not an IANA time zone (for example Asia/Jerusalem or America/New_York)',
    ]);
  });

  it('rejects 25:00, 24:30 and malformed times', () => {
    expect(messages({ timeZone: 'UTC', hours: { mon: [['09:00', '25:00']] } })).toEqual(['hours.mon.0.1: "25:00" is not a time of day; use HH:MM between 00:00 and 24:00']);
    expect(messages({ timeZone: 'UTC', hours: { mon: [['24:30', '24:00']] } })[0]).toMatch(/"24:30" is not a time of day/);
    expect(messages({ timeZone: 'UTC', hours: { mon: [['9:00', '17:00']] } })[0]).toMatch(/"9:00" is not a time of day/);
    expect(messages({ timeZone: 'UTC', hours: { mon: [['09:60', '17:00']] } })[0]).toMatch(/"09:60"/);
  });

  it('rejects a range that ends before it starts, and explains overnight shifts', () => {
    expect(messages({ timeZone: 'UTC', hours: { mon: [['17:00', '08:00']] } })).toEqual([
      'hours.mon.0: the range 17:00–08:00 ends before it starts; split a shift that crosses midnight into 17:00–24:00 and 00:00–08:00 on the next day',
    ]);
    expect(messages({ timeZone: 'UTC', hours: { mon: [['09:00', '09:00']] } })[0]).toMatch(/ends before it starts/);
    expect(messages({ timeZone: 'UTC', hours: { mon: [['24:00', '24:00']] } })[0]).toMatch(/cannot start at 24:00/);
  });

  it('rejects overlapping ranges but allows touching ones', () => {
    expect(messages({ timeZone: 'UTC', hours: { tue: [['08:00', '12:00'], ['11:00', '17:00']] } })).toEqual(['hours.tue: the ranges 08:00–12:00 and 11:00–17:00 overlap']);
    expect(messages({ timeZone: 'UTC', hours: { tue: [['08:00', '12:00'], ['12:00', '17:00']] } })).toEqual([]);
  });

  it('rejects unknown weekday keys, bad dates, unknown countries and regions', () => {
    expect(messages({ timeZone: 'UTC', hours: { monday: [['08:00', '12:00']] } })[0]).toMatch(/monday/);
    expect(messages({ timeZone: 'UTC', hours: { mon: [['08:00', '12:00']] }, holidays: ['2026-02-30'] })).toEqual(['holidays.0: "2026-02-30" is not a date; use YYYY-MM-DD']);
    expect(messages({ timeZone: 'UTC', hours: { mon: [['08:00', '12:00']] }, holidayCountry: 'XX' })[0]).toMatch(/no public holidays are known for country "XX"/);
    expect(messages({ timeZone: 'UTC', hours: { mon: [['08:00', '12:00']] }, holidayCountry: 'DE', holidayRegion: 'ZZ' })[0]).toMatch(/"ZZ" is not a region of DE/);
    expect(messages({ timeZone: 'UTC', hours: { mon: [['08:00', '12:00']] }, holidayCountry: 'DE', holidayRegion: 'BY' })).toEqual([]);
  });

  it('rejects a calendar that is never open, and contradictions with alwaysOpen', () => {
    expect(messages({ timeZone: 'UTC', hours: {} })).toEqual(['hours: the calendar is never open: give working hours for at least one day, or set alwaysOpen']);
    expect(messages({ timeZone: 'UTC' })[0]).toMatch(/never open/);
    expect(messages({ timeZone: 'UTC', alwaysOpen: true, hours: { mon: [['08:00', '12:00']] } })[0]).toMatch(/^hours: a calendar that is always open has no hours/);
  });

  it('resolveCalendar throws on invalid input', () => {
    expect(() => resolveCalendar({ timeZone: 'UTC', hours: { mon: [['17:00', '08:00']] } })).toThrow(/ends before it starts/);
  });
});

describe('resolved calendars', () => {
  it('merges touching ranges and sums the ordinary week', () => {
    const cal = resolveCalendar({ timeZone: 'UTC', hours: { mon: [['12:00', '17:00'], ['08:00', '12:00']], sun: [['00:00', '24:00']] } });
    expect(cal.week[0]).toEqual([[480, 1020]]);
    expect(cal.week[6]).toEqual([[0, 1440]]);
    expect(weeklyOpenMinutes(cal)).toBe(540 + 1440);
  });

  it('country holidays are public ones by default, and other types can be added', () => {
    const publicOnly = resolveCalendar({ timeZone: 'America/Los_Angeles', hours: { mon: [['09:00', '17:00']] }, holidayCountry: 'US', holidayRegion: 'CA' });
    expect(publicOnly.isHoliday('2026-07-03')).toBe(true); // Independence Day observed on Friday
    expect(publicOnly.isHoliday('2026-03-31')).toBe(true); // César Chávez Day, California only
    expect(publicOnly.isHoliday('2026-02-14')).toBe(false); // Valentine's Day is an observance
    const federal = resolveCalendar({ timeZone: 'America/New_York', hours: { mon: [['09:00', '17:00']] }, holidayCountry: 'US' });
    expect(federal.isHoliday('2026-03-31')).toBe(false);
    const withObservances = resolveCalendar({ timeZone: 'UTC', hours: { mon: [['09:00', '17:00']] }, holidayCountry: 'US', holidayTypes: ['public', 'observance'] });
    expect(withObservances.isHoliday('2026-02-14')).toBe(true);
  });
});

describe('holidays from date-holidays', () => {
  it('takes the named date of a holiday that starts at sunset the evening before', () => {
    const pesach = listHolidays({ country: 'IL', types: ['public'] }, 2026).find((h) => h.name.startsWith('Passover'));
    expect(pesach).toMatchObject({ date: '2026-04-02', dates: ['2026-04-02'] });
  });

  it('spreads a multi-day holiday over every date it covers', () => {
    const purim = listHolidays({ country: 'IL', types: ['school'] }, 2026).find((h) => h.dates.length === 2);
    expect(purim?.dates).toEqual(['2026-03-03', '2026-03-04']);
  });
});
