import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { CalendarDefinition, Weekday } from '../../api/sla';
import { useT } from '../../i18n/use-t';

export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export type WeekHours = Partial<Record<Weekday, [string, string][]>>;

/** The day a country's week starts on, from the browser's CLDR week data (Sunday in Israel, Saturday in Iran). */
export function firstDayOf(country: string | undefined): Weekday {
  try {
    const locale = new Intl.Locale(`und-${country ?? 'GB'}`) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const info = locale.getWeekInfo?.() ?? locale.weekInfo;
    return info ? WEEKDAYS[info.firstDay - 1]! : 'mon';
  } catch {
    return 'mon';
  }
}

/** Weekdays in the order the week starts in the given country or locale (Sunday first in Israel). */
export function weekdaysFrom(firstDay: Weekday): Weekday[] {
  const i = WEEKDAYS.indexOf(firstDay);
  return [...WEEKDAYS.slice(i), ...WEEKDAYS.slice(0, i)];
}

/** The hours of a definition as the editor holds them. */
export function hoursOf(definition: CalendarDefinition | undefined): WeekHours {
  return (definition?.hours ?? {}) as WeekHours;
}

/**
 * Working hours per weekday: several ranges a day (a lunch break, a split shift), a closed day
 * has none, "24:00" ends a range at midnight. The server validates and explains mistakes.
 */
export function WeekHoursEditor({ value, onChange, firstDay = 'mon' }: { value: WeekHours; onChange: (next: WeekHours) => void; firstDay?: Weekday }) {
  const t = useT();
  const set = (day: Weekday, ranges: [string, string][]) => {
    const next = { ...value };
    if (ranges.length) next[day] = ranges;
    else delete next[day];
    onChange(next);
  };
  return (
    <Stack gap={6} data-testid="week-hours">
      {weekdaysFrom(firstDay).map((day) => {
        const ranges = value[day] ?? [];
        return (
          <Group key={day} align="center" gap="xs" wrap="nowrap">
            <Text size="sm" w={96} style={{ flexShrink: 0 }}>
              {t(`calendars.day.${day}`)}
            </Text>
            {ranges.length === 0 && (
              <Text size="sm" c="dimmed" w={120}>
                {t('calendars.closed')}
              </Text>
            )}
            <Group gap={6} wrap="wrap">
              {ranges.map((range, i) => (
                <Group key={i} gap={4} wrap="nowrap">
                  <TextInput size="xs" w={72} value={range[0]} onChange={(e) => set(day, ranges.map((r, j) => (j === i ? [e.currentTarget.value, r[1]] : r)))} aria-label={`${t(`calendars.day.${day}`)} ${i + 1} from`} dir="ltr" />
                  <Text size="xs">–</Text>
                  <TextInput size="xs" w={72} value={range[1]} onChange={(e) => set(day, ranges.map((r, j) => (j === i ? [r[0], e.currentTarget.value] : r)))} aria-label={`${t(`calendars.day.${day}`)} ${i + 1} to`} dir="ltr" />
                  <ActionIcon size="sm" variant="subtle" color="gray" onClick={() => set(day, ranges.filter((_, j) => j !== i))} aria-label={t('calendars.delete')}>
                    <IconX size={12} />
                  </ActionIcon>
                </Group>
              ))}
              <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => set(day, [...ranges, ranges.length ? ['13:00', '17:00'] : ['09:00', '17:00']])}>
                {t('calendars.addRange')}
              </Button>
            </Group>
          </Group>
        );
      })}
    </Stack>
  );
}
