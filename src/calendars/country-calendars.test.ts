import { describe, expect, it } from 'vitest';
import { resolveCalendar } from './business-calendar.js';
import { addBusinessMinutes } from './business-time.js';
import { countryMainTimeZone, countryWorkweek, defaultCalendarForCountry } from './country-calendars.js';

describe('country default calendars', () => {
  it('Israel works Sunday–Thursday in Jerusalem, closed on Israeli holidays', () => {
    const il = defaultCalendarForCountry('il');
    expect(il.workdays).toEqual(['mon', 'tue', 'wed', 'thu', 'sun']);
    expect(il.definition).toMatchObject({ timeZone: 'Asia/Jerusalem', holidayCountry: 'IL' });
    expect(il.definition.hours?.sun).toEqual(countryWorkweek('IL').hours);
    expect(il.definition.hours?.fri).toBeUndefined();
    expect(il.workweekSource).toBe('curated');
    expect(il.note).toMatch(/Sunday–Thursday/);
  });

  it('takes office hours from the culture engine, split shifts included', () => {
    // Spanish firms often break for a long lunch: two ranges a day.
    expect(countryWorkweek('ES').hours.length).toBeGreaterThanOrEqual(1);
    const es = defaultCalendarForCountry('ES');
    expect(es.definition.hours?.mon).toEqual(countryWorkweek('ES').hours);
    expect(resolveCalendar(es.definition).week[0]!.length).toBe(countryWorkweek('ES').hours.length);
  });

  it('Saudi Arabia works Sunday–Thursday and the UAE Monday–Friday', () => {
    expect(countryWorkweek('SA').workdays).toEqual(['mon', 'tue', 'wed', 'thu', 'sun']);
    expect(countryWorkweek('AE').workdays).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(defaultCalendarForCountry('AE').definition.timeZone).toBe('Asia/Dubai');
  });

  it('other countries follow the locale week data', () => {
    expect(countryWorkweek('PL')).toMatchObject({ workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], source: 'locale', note: null });
    expect(countryWorkweek('EG').workdays).toEqual(['mon', 'tue', 'wed', 'thu', 'sun']);
    expect(defaultCalendarForCountry('FI').definition).toMatchObject({ timeZone: 'Europe/Helsinki', holidayCountry: 'FI' });
  });

  it('picks the main zone of a country with many', () => {
    expect(countryMainTimeZone('US')).toBe('America/New_York');
    expect(countryMainTimeZone('IN')).toBe('Asia/Kolkata');
    expect(countryMainTimeZone('CD')).toBe('Africa/Kinshasa');
  });

  it('applies admin overrides and says so', () => {
    const custom = defaultCalendarForCountry('IN', { workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: ['10:00', '18:00'], holidays: ['2026-11-09'] });
    expect(custom.workweekSource).toBe('override');
    expect(custom.definition.hours?.sat).toBeUndefined();
    expect(custom.definition.hours?.mon).toEqual([['10:00', '18:00']]);
    expect(custom.definition.holidays).toEqual(['2026-11-09']);
  });

  it('refuses a country whose zone is unknown unless the override names one', () => {
    expect(() => defaultCalendarForCountry('QA')).toThrow(/no time zone is known for country QA/);
    expect(defaultCalendarForCountry('QA', { timeZone: 'Asia/Qatar' }).workdays).toEqual(['mon', 'tue', 'wed', 'thu', 'sun']);
    expect(countryWorkweek('XX').workdays).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(() => defaultCalendarForCountry('Israel')).toThrow(/not an ISO 3166-1/);
  });

  it('every default calendar is valid and usable', () => {
    for (const cc of ['IL', 'SA', 'AE', 'US', 'JP', 'DE', 'BR', 'IN', 'SG', 'AR', 'FI', 'IR']) {
      const cal = resolveCalendar(defaultCalendarForCountry(cc).definition);
      expect(addBusinessMinutes(cal, new Date('2026-06-01T00:00:00Z'), 600).getTime()).toBeGreaterThan(Date.parse('2026-06-01T00:00:00Z'));
    }
  });
});
