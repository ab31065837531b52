import { Text, Tooltip, type TextProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** Picks the largest unit that keeps the number at least 1, like "3 hours ago". */
export function relativeParts(iso: string, now: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return { value: Math.trunc(seconds / size), unit };
  }
  return { value: 0, unit: 'minute' };
}

/**
 * ICU's Hebrew data appends the count in brackets to forms that already say it ("לפני שעתיים (2)"
 * = "two hours ago (2)"); the bracket adds nothing for a reader, so it is dropped.
 */
export function tidyRelative(text: string): string {
  return text.replace(/\s*\(\d+\)/u, '');
}

/** Re-renders every minute so "2 minutes ago" does not go stale on an open queue. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * A relative time ("5 min ago", "לפני 5 דקות") in the UI language, with the exact date and
 * time in the user's zone on hover.
 */
export function TimeAgo({ value, ...props }: { value: string } & TextProps) {
  const intl = useIntl();
  const now = useNow();
  const { value: amount, unit } = relativeParts(value, now);
  const exact = intl.formatDate(value, { dateStyle: 'full', timeStyle: 'short' });
  return (
    <Tooltip label={exact}>
      <Text component="time" dateTime={value} size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} {...props}>
        {tidyRelative(intl.formatRelativeTime(amount, unit, { numeric: 'auto', style: 'short' }))}
      </Text>
    </Tooltip>
  );
}

/** An exact date and time in the user's zone and locale. */
export function DateTime({ value, dateOnly = false }: { value: string; dateOnly?: boolean }) {
  const intl = useIntl();
  // A calendar date ("2026-03-01") has no zone; formatting it in the user's zone could show the day before.
  const calendarDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return (
    <time dateTime={value}>
      {dateOnly || calendarDate
        ? intl.formatDate(value, { dateStyle: 'medium', ...(calendarDate ? { timeZone: 'UTC' } : {}) })
        : intl.formatDate(value, { dateStyle: 'medium', timeStyle: 'short' })}
    </time>
  );
}
