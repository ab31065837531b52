import { Button, Group, NumberInput, Paper, Select, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useDueCalculator, type Calendar } from '../../api/sla';
import { useT } from '../../i18n/use-t';
import { useLocale } from '../../i18n/locale-provider';
import { fromZonedInput, toZonedInput } from './sla-format';

/** Try a calendar: when do N business minutes from a start fall due? (POST /api/v1/calendars/due) */
export function DueCalculator({ calendars }: { calendars: Calendar[] }) {
  const t = useT();
  const intl = useIntl();
  const calc = useDueCalculator();
  const { timeZone } = useLocale();
  const [calendarId, setCalendarId] = useState<string | null>(calendars[0]?.id ?? null);
  const [start, setStart] = useState(() => toZonedInput(new Date(), timeZone));
  const [minutes, setMinutes] = useState<number | string>(480);
  return (
    <Paper withBorder p="md" data-testid="due-calculator">
      <Title order={3} size="h5" mb="sm">
        {t('calendars.calc.title')}
      </Title>
      <Group align="flex-end" gap="sm">
        <Select label={t('calendars.calc.calendar')} data={calendars.map((c) => ({ value: c.id, label: c.name }))} value={calendarId} onChange={setCalendarId} w={240} size="xs" />
        <TextInput type="datetime-local" label={t('calendars.calc.start')} value={start} onChange={(e) => setStart(e.currentTarget.value)} size="xs" />
        <NumberInput label={t('calendars.calc.minutes')} value={minutes} onChange={setMinutes} min={0} w={140} size="xs" />
        <Button
          size="xs"
          disabled={!calendarId || !fromZonedInput(start, timeZone)}
          loading={calc.isPending}
          onClick={() => calc.mutate({ calendar: { id: calendarId! }, start: fromZonedInput(start, timeZone)!.toISOString(), minutes: Number(minutes) })}
        >
          {t('calendars.calc.go')}
        </Button>
      </Group>
      {calc.data && (
        <Text mt="sm" fw={600} data-testid="due-result">
          {t('calendars.calc.due', { due: intl.formatDate(calc.data.due, { dateStyle: 'full', timeStyle: 'short' }) })}
        </Text>
      )}
      {calc.error && (
        <Text mt="sm" c="red" size="sm">
          {calc.error.message}
        </Text>
      )}
    </Paper>
  );
}
