/**
 * The public surface of `calendars`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { WEEKDAYS, calendarDefinitionSchema, resolveCalendar, type BusinessCalendar, type CalendarDefinition } from './business-calendar.js';
export { addBusinessMinutes, businessMillisecondsBetween, businessMinutesBetween, closingAfter, isOpenAt, nextOpening, type Pause } from './business-time.js';
export { calendarDefinitionApiSchema } from './routes.js';
export { businessCalendarById, calendarUsages, countryCalendar, createCalendar, definitionOf, getCalendar, type CalendarUsage } from './store.js';
export { MINUTE_MS } from './zone-time.js';
