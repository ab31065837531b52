/**
 * Contract coverage turned into a calendar: "24x7" counts every minute, "business_hours" the
 * site country's office hours, "extended" the same workdays from 07:00 to 21:00. The local time
 * is the site's, so an 8×5 contract in Osaka counts Osaka's day, not the support team's.
 */
import { WEEKDAYS, type CalendarDefinition } from '../calendars/index.js';

export type Coverage = '24x7' | 'business_hours' | 'extended';

export const EXTENDED_HOURS: [string, string] = ['07:00', '21:00'];

/**
 * The calendar a coverage level implies, given the country calendar of the covered site.
 * Holidays of the country still close business-hours and extended coverage; 24x7 never closes.
 */
export function calendarForCoverage(coverage: Coverage, country: CalendarDefinition): CalendarDefinition {
  if (coverage === '24x7' || country.alwaysOpen) return { timeZone: country.timeZone, alwaysOpen: true };
  if (coverage === 'business_hours') return country;
  const hours: NonNullable<CalendarDefinition['hours']> = {};
  for (const day of WEEKDAYS) if ((country.hours?.[day]?.length ?? 0) > 0) hours[day] = [[...EXTENDED_HOURS]];
  return { ...country, hours };
}
