import { Badge, Group, Stack, Text } from '@mantine/core';
import type { CalendarDefinition } from '../../api/sla';
import { useDisplayNames } from '../../i18n/display-names';
import { useT } from '../../i18n/use-t';
import { firstDayOf, hoursOf, weekdaysFrom } from './week-hours-editor';

/** A calendar's week at a glance: each day's ranges, or "closed", and where holidays come from. */
export function CalendarSummary({ definition }: { definition: CalendarDefinition }) {
  const t = useT();
  const names = useDisplayNames();
  if (definition.alwaysOpen) {
    return <Badge variant="light" color="teal">{t('sla.alwaysOpen', { zone: definition.timeZone })}</Badge>;
  }
  const hours = hoursOf(definition);
  return (
    <Stack gap={2}>
      {weekdaysFrom(firstDayOf(definition.holidayCountry)).map((day) => (
        <Group key={day} gap="xs" wrap="nowrap">
          <Text size="xs" w={84} c="dimmed">
            {t(`calendars.day.${day}`)}
          </Text>
          <Text size="xs" className="tabular" dir="ltr" c={hours[day]?.length ? undefined : 'dimmed'}>
            {hours[day]?.length ? hours[day]!.map((r) => `${r[0]}–${r[1]}`).join(', ') : t('calendars.closed')}
          </Text>
        </Group>
      ))}
      {definition.holidayCountry && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('calendars.holidayCountry')}: {names.region(definition.holidayCountry)}
          {definition.holidayRegion ? ` (${definition.holidayRegion})` : ''}
        </Text>
      )}
    </Stack>
  );
}
