import { describe, expect, it } from 'vitest';
import { resolveCalendar, weeklyOpenMinutes } from '../calendars/business-calendar.js';
import { defaultCalendarForCountry } from '../calendars/country-calendars.js';
import { calendarForCoverage } from './coverage.js';

describe('coverage calendars', () => {
  const japan = defaultCalendarForCountry('JP').definition;

  it('24x7 is always open in the site zone', () => {
    expect(calendarForCoverage('24x7', japan)).toEqual({ timeZone: 'Asia/Tokyo', alwaysOpen: true });
  });

  it('business hours are the country calendar itself', () => {
    expect(calendarForCoverage('business_hours', japan)).toBe(japan);
  });

  it('extended coverage keeps the workdays and holidays but opens 07:00–21:00', () => {
    const extended = calendarForCoverage('extended', japan);
    expect(extended.holidayCountry).toBe('JP');
    expect(extended.hours?.mon).toEqual([['07:00', '21:00']]);
    expect(extended.hours?.sat).toBeUndefined();
    expect(weeklyOpenMinutes(resolveCalendar(extended))).toBe(5 * 14 * 60);
  });
});
