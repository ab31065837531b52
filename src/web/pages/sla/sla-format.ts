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
      const time = minutes(remaining);
      if (remaining < 0 || state === 'breached') return t('sla.over', { time });
      return t('sla.left', { time });
    },
    [minutes, t],
  );
}

/** A `datetime-local` input value (the browser's zone) for an instant, to the minute. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
