import { Alert, Button, Group, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Calendar, CalendarInput } from '../../api/sla';
import { useT } from '../../i18n/use-t';
import { CountrySelect } from '../customers/country-select';
import { firstDayOf, hoursOf, WeekHoursEditor, type WeekHours } from './week-hours-editor';

const zones = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

/** Create or edit a calendar: zone, 24/7 or weekly hours, country holidays and extra closed dates. */
export function CalendarForm({ initial, busy, error, onSubmit, onCancel }: { initial?: Calendar; busy: boolean; error: string | null; onSubmit: (input: CalendarInput) => void; onCancel: () => void }) {
  const t = useT();
  const def = initial?.definition;
  const [name, setName] = useState(initial?.name ?? '');
  const [timeZone, setTimeZone] = useState<string | null>(def?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [alwaysOpen, setAlwaysOpen] = useState(Boolean(def?.alwaysOpen));
  const [hours, setHours] = useState<WeekHours>(() => (def ? hoursOf(def) : { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] }));
  const [holidayCountry, setHolidayCountry] = useState<string | null>(def?.holidayCountry ?? null);
  const [holidayRegion, setHolidayRegion] = useState(def?.holidayRegion ?? '');
  const [custom, setCustom] = useState((def?.holidays ?? []).join('\n'));
  const [country, setCountry] = useState<string | null>(initial?.country ?? null);
  const zoneData = useMemo(() => zones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') })), []);

  const submit = () => {
    const holidays = custom.split(/\s+/).map((d) => d.trim()).filter(Boolean);
    const definition: CalendarInput['definition'] = alwaysOpen
      ? { timeZone: timeZone ?? 'UTC', alwaysOpen: true }
      : {
          timeZone: timeZone ?? 'UTC',
          hours,
          ...(holidays.length ? { holidays } : {}),
          ...(holidayCountry ? { holidayCountry } : {}),
          ...(holidayCountry && holidayRegion.trim() ? { holidayRegion: holidayRegion.trim().toUpperCase() } : {}),
        };
    onSubmit({ name: name.trim(), definition, country });
  };

  return (
    <Stack gap="sm" data-testid="calendar-form">
      <TextInput label={t('calendars.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus />
      <Group grow align="flex-start">
        <Select label={t('calendars.timeZone')} data={zoneData} value={timeZone} onChange={setTimeZone} searchable required />
        <CountrySelect label={t('calendars.country')} value={country} onChange={setCountry} />
      </Group>
      <Switch label={t('calendars.alwaysOpen')} checked={alwaysOpen} onChange={(e) => setAlwaysOpen(e.currentTarget.checked)} />
      {!alwaysOpen && (
        <>
          <WeekHoursEditor value={hours} onChange={setHours} firstDay={firstDayOf(holidayCountry ?? country ?? undefined)} />
          <Group grow align="flex-start">
            <CountrySelect label={t('calendars.holidayCountry')} value={holidayCountry} onChange={setHolidayCountry} />
            <TextInput label={t('calendars.holidayRegion')} value={holidayRegion} onChange={(e) => setHolidayRegion(e.currentTarget.value)} disabled={!holidayCountry} placeholder="BY, CA, …" dir="ltr" />
          </Group>
          <Textarea label={t('calendars.customHolidays')} description={t('calendars.customHolidaysHint')} value={custom} onChange={(e) => setCustom(e.currentTarget.value)} autosize minRows={2} dir="ltr" />
        </>
      )}
      {error && <Alert color="red">{error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit} loading={busy} disabled={!name.trim() || !timeZone} data-testid="calendar-save">
          {t('calendars.save')}
        </Button>
      </Group>
    </Stack>
  );
}
