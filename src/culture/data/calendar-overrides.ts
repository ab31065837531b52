/**
 * Curated corrections to CLDR week data and typical office hours. CLDR describes the legal
 * weekend, not when offices answer: Indian corporate offices work Monday–Friday though CLDR
 * marks only Sunday; Iranian offices close on Thursday too; Israeli firms work Sunday–Thursday
 * with a short Friday at many of them.
 */
import type { IsoWeekday, TimeSlot } from '../types.js';

export interface WorkdayOverride {
  workdays: IsoWeekday[];
  note: string;
}

export const WORKDAY_OVERRIDES: Readonly<Record<string, WorkdayOverride>> = {
  IL: { workdays: [7, 1, 2, 3, 4], note: 'Sunday–Thursday; many firms also open Friday morning.' },
  IN: { workdays: [1, 2, 3, 4, 5], note: 'Corporate offices work Monday–Friday; CLDR marks only Sunday as weekend.' },
  IR: { workdays: [6, 7, 1, 2, 3], note: 'Saturday–Wednesday; most offices close Thursday as well as Friday.' },
};

const slot = (start: string, end: string): TimeSlot => ({ start, end });

/** Typical hours to reach business customers, local time. Others default to 09:00–17:00. */
export const BUSINESS_HOURS: Readonly<Record<string, { slots: TimeSlot[]; note?: string }>> = {
  DE: { slots: [slot('08:00', '17:00')] },
  AT: { slots: [slot('08:00', '17:00')] },
  CH: { slots: [slot('08:00', '17:00')] },
  PL: { slots: [slot('08:00', '16:00')] },
  DK: { slots: [slot('08:00', '16:00')] },
  SE: { slots: [slot('08:00', '16:30')] },
  NO: { slots: [slot('08:00', '16:00')] },
  FI: { slots: [slot('08:00', '16:00')] },
  GB: { slots: [slot('09:00', '17:30')] },
  ES: { slots: [slot('09:00', '14:00'), slot('16:00', '19:00')], note: 'Long lunch break in many firms.' },
  IN: { slots: [slot('10:00', '18:30')] },
  JP: { slots: [slot('09:00', '18:00')] },
  KR: { slots: [slot('09:00', '18:00')] },
  CN: { slots: [slot('09:00', '18:00')], note: 'Lunch break around 12:00–13:30.' },
  TW: { slots: [slot('09:00', '18:00')] },
  BR: { slots: [slot('09:00', '18:00')] },
  MX: { slots: [slot('09:00', '18:00')] },
  IL: { slots: [slot('08:30', '17:30')] },
};

export const DEFAULT_BUSINESS_HOURS: TimeSlot[] = [slot('09:00', '17:00')];
