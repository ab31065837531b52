/**
 * When to contact customers: their working days (CLDR week data with curated corrections such
 * as Israel's Sunday–Thursday) and office hours in their time zone, avoiding public holidays.
 */
import { explain } from '../explanations.js';
import type { ContactHours, CountryProfile, IsoWeekday, PolicyField, TimeSlot } from '../types.js';
import { policyField } from './field.js';

const DAY = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** 'Sun–Thu' for a consecutive run (in the given order), else 'Mon, Wed, Fri'. */
export function formatDays(days: IsoWeekday[]): string {
  if (days.length === 0) return 'no days';
  const consecutive = days.every((d, i) => i === 0 || d === (days[i - 1] % 7) + 1);
  if (consecutive && days.length > 2) return `${DAY[days[0]]}–${DAY[days[days.length - 1]]}`;
  return days.map((d) => DAY[d]).join(', ');
}

/** '09:00–14:00, 16:00–19:00'. */
export function formatSlots(slots: TimeSlot[]): string {
  return slots.map((s) => `${s.start}–${s.end}`).join(', ');
}

/** Working days as ISO weekdays, in the country's week order. */
export function deriveWorkweek(p: CountryProfile): PolicyField<IsoWeekday[]> {
  const { workdays, weekend } = p.week.value;
  const explanation = p.week.confidence === 'published'
    ? explain('workweek.cldr', { days: formatDays(workdays), weekend: formatDays(weekend), daysIso: workdays.join(','), weekendIso: weekend.join(',') })
    : explain('workweek.curated', { days: formatDays(workdays), note: p.week.note ?? '', daysIso: workdays.join(',') });
  return policyField(workdays, explanation, p.week.sources);
}

/**
 * Hours to reach them: working days × office hours in the country's main time zone (the first
 * CLDR zone; a contact's own zone replaces it in the effective policy).
 */
export function deriveContactHours(p: CountryProfile): PolicyField<ContactHours> {
  const timeZone = p.timeZones.value[0] ?? 'UTC';
  const value: ContactHours = {
    timeZone,
    days: p.week.value.workdays,
    slots: p.businessHours.value,
    avoidPublicHolidays: p.holidays.value.supported,
  };
  const params = { days: formatDays(value.days), daysIso: value.days.join(','), hours: formatSlots(value.slots), timeZone };
  const h = p.holidays.value;
  const explanation = h.supported
    ? explain('contactHours.default', { ...params, holidayCount: h.items.length, year: h.year })
    : explain('contactHours.noHolidays', { ...params, country: p.name, countryCode: p.country });
  return policyField(value, explanation, [...p.week.sources, ...p.businessHours.sources, ...p.holidays.sources]);
}
