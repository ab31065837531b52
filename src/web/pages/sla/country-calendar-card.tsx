import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useCountryCalendar } from '../../api/sla';
import { useT } from '../../i18n/use-t';
import { CountrySelect } from '../customers/country-select';
import { CalendarSummary } from './calendar-summary';

/** Any country's calendar as Rapport will use it: the default from its workweek and holidays, or the admin's override. */
export function CountryCalendarCard() {
  const t = useT();
  const intl = useIntl();
  const [country, setCountry] = useState<string | null>('IL');
  const view = useCountryCalendar(country);
  const data = view.data;
  return (
    <Paper withBorder p="md" data-testid="country-calendar">
      <Group justify="space-between" mb="xs" align="flex-start">
        <div>
          <Title order={3} size="h5">
            {t('calendars.country.title')}
          </Title>
          <Text size="xs" c="dimmed" maw={520}>
            {t('calendars.country.hint')}
          </Text>
        </div>
        <CountrySelect value={country} onChange={setCountry} w={220} size="xs" clearable={false} />
      </Group>
      {view.error && <Text c="red" size="sm">{view.error.message}</Text>}
      {data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap="xs">
            <Group gap="xs">
              <Badge variant="light" color={data.source === 'override' ? 'grape' : 'gray'}>
                {t(`calendars.country.source.${data.source}`)}
              </Badge>
              <Text size="xs" c="dimmed" dir="ltr">{data.definition.timeZone}</Text>
            </Group>
            <CalendarSummary definition={data.definition} />
            {data.note && <Text size="xs" c="dimmed">{data.note}</Text>}
          </Stack>
          <Stack gap={2}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              {t('calendars.holidays', { year: new Date().getFullYear() })}
            </Text>
            {data.holidays.length === 0 && <Text size="xs" c="dimmed">{t('calendars.noHolidays')}</Text>}
            {data.holidays.map((h) => (
              <Group key={`${h.date}-${h.name}`} gap="xs" wrap="nowrap">
                <Text size="xs" w={110} className="tabular">
                  {intl.formatDate(`${h.date}T12:00:00Z`, { day: 'numeric', month: 'short', weekday: 'short', timeZone: 'UTC' })}
                </Text>
                <Text size="xs">{h.name}</Text>
              </Group>
            ))}
          </Stack>
        </SimpleGrid>
      )}
    </Paper>
  );
}
