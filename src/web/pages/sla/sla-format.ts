/**
 * How SLA time reads in the UI: business minutes as "2 h 5 min" in the user's language, and a
 * colour per state that means the same on the queue, the ticket and the admin pages.
 */
import { useCallback } from 'react';
import type { SlaState } from '../../api/sla';
import { useT } from '../../i18n/use-t';

export const slaStateColors: Record<SlaState, string> = {
  ok: 'teal',
  warning: 'orange',
  breached: 'red',
  met: 'gray',
  paused: 'grape',
};

/** Formats a number of minutes (sign ignored) as hours and minutes. */
export function useMinutes(): (minutes: number) => string {
  const t = useT();
  return useCallback(
    (value: number) => {
      const total = Math.abs(Math.round(value));
      const hours = Math.floor(total / 60);
      const minutes = total % 60;
      if (hours === 0) return t('sla.duration.minutes', { minutes });
      // Past ten hours the minutes are noise, and the short form fits the queue column in every language.
      return minutes === 0 || hours >= 10 ? t('sla.duration.hoursOnly', { hours }) : t('sla.duration.hours', { hours, minutes });
    },
    [t],
  );
}

/** "2 h left" or "15 min over" for a clock's remaining business minutes (a badge beside it says whether it runs). */
export function useTimeLeft(): (remaining: number, state: SlaState) => string {
  const t = useT();
  const minutes = useMinutes();
  return useCallback(
    (remaining: number, state: SlaState) => {
      const over = remaining < 0 || state === 'breached';
      // Under a minute either way rounds to "0 min", which reads as nonsense next to "Breached".
      if (Math.abs(remaining) < 1) return t(over ? 'sla.overJustNow' : 'sla.leftUnderMinute');
      // Time over counts started minutes (30 s over is "1 min over"); time left counts whole ones.
      const time = minutes(over ? Math.ceil(Math.abs(remaining)) : Math.floor(remaining));
      return t(over ? 'sla.over' : 'sla.left', { time });
    },
    [minutes, t],
  );
}

function wallClock(date: Date, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour') % 24, mi: get('minute') };
}

/**
 * A `datetime-local` input value for an instant, to the minute, as the clock reads in `timeZone`
 * — the profile's zone, the one every date on the page is shown in (not the browser's).
 */
export function toZonedInput(date: Date, timeZone: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const w = wallClock(date, timeZone);
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

/**
 * The instant a `datetime-local` value means when read in `timeZone` (the profile's zone), so
 * "10:00" typed on a page that shows Tokyo time is 10:00 in Tokyo whatever the browser's zone.
 * Null for an empty or malformed value. A wall time skipped by a DST change moves forward.
 */
export function fromZonedInput(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const wanted = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const offsetAt = (t: number) => {
    const w = wallClock(new Date(t), timeZone);
    return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) - t;
  };
  // Two passes settle the offset on either side of a DST change.
  let guess = wanted - offsetAt(wanted);
  guess = wanted - offsetAt(guess);
  return new Date(guess);
}
