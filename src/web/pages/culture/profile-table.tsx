import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { CountryDetail } from '../../../culture/browser';
import type { Sourced } from '../../../culture/browser';
import { useDisplayNames } from '../../i18n/display-names';
import { useCodeLabel, useT } from '../../i18n/use-t';
import { useWeekdays } from './use-culture-format';

type Profile = CountryDetail['profile'];

export const confidenceColors = { measured: 'teal', published: 'blue', curated: 'grape', derived: 'gray' } as const;

/** How far a value can be trusted, as a small badge that never truncates its word. */
export function ConfidenceBadge({ confidence }: { confidence: keyof typeof confidenceColors }) {
  const t = useT();
  return (
    <Badge size="xs" variant="light" color={confidenceColors[confidence]} styles={{ root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } }}>
      {t(`culture.confidence.${confidence}`)}
    </Badge>
  );
}

/** Which editable field a profile row maps to (the week is edited as its workdays). */
const EDIT_FIELD: Record<string, string> = {
  lewis: 'lewis', context: 'context', feedbackDirectness: 'feedbackDirectness', expressiveness: 'expressiveness', formality: 'formality',
  languages: 'languages', messaging: 'messaging', week: 'workdays', businessHours: 'businessHours',
};

const ROWS = ['lewis', 'context', 'feedbackDirectness', 'expressiveness', 'formality', 'languages', 'nameOrder', 'rtl', 'week', 'businessHours', 'timeZones', 'holidays', 'messaging'] as const;

/**
 * Every profile field with its value, confidence, sources and note; managers get a pencil on
 * the curated ones. Hover a source to read its full title.
 */
export function ProfileTable({ detail, canEdit, onEdit }: { detail: CountryDetail; canEdit: boolean; onEdit: (field: string) => void }) {
  const t = useT();
  const names = useDisplayNames();
  const channel = useCodeLabel();
  const weekdays = useWeekdays();
  const p: Profile = detail.profile;
  const titles = new Map(detail.sources.map((s) => [s.id, s.title]));

  const value = (row: (typeof ROWS)[number]): ReactNode => {
    switch (row) {
      case 'lewis':
        return (['linearActive', 'multiActive', 'reactive'] as const).map((k) => `${t(`culture.lewis.${k}`)} ${p.lewis.value[k].toFixed(2)}`).join(' · ');
      case 'context':
      case 'feedbackDirectness':
      case 'expressiveness':
        return `${p[row].value}/5 · ${t(`culture.ordinal.${row}.${p[row].value}`)}`;
      case 'formality':
        return `${t(`culture.register.${p.formality.value.register}`)} · ${t(`culture.informalWhen.${p.formality.value.informalWhen}`)}${p.formality.value.useTitles ? ` · ${t('culture.edit.useTitles')}` : ''}`;
      case 'languages':
        return p.languages.value.map(names.language).join(', ');
      case 'nameOrder':
        return t(`culture.nameOrder.${p.nameOrder.value}`);
      case 'rtl':
        return t(p.rtl.value ? 'culture.rtl.yes' : 'culture.rtl.no');
      case 'week':
        return t('culture.profile.weekValue', { days: weekdays(p.week.value.workdays), first: weekdays([p.week.value.firstDay]) });
      case 'businessHours':
        return `\u2066${p.businessHours.value.map((s) => `${s.start}–${s.end}`).join(', ')}\u2069`;
      case 'timeZones':
        return p.timeZones.value.length > 3 ? `${p.timeZones.value.slice(0, 3).join(', ')} +${p.timeZones.value.length - 3}` : p.timeZones.value.join(', ');
      case 'holidays':
        return p.holidays.value.supported ? t('culture.profile.holidayCount', { n: p.holidays.value.items.length, year: p.holidays.value.year }) : t('culture.profile.noHolidays');
      case 'messaging': {
        const m = p.messaging.value;
        const apps = m.apps.map((a) => `${channel('channel', a)}${m.businessUse[a] ? ` (${t(`culture.businessUse.${m.businessUse[a]}`)})` : ''}`);
        return `${[...apps, ...m.also.map((a) => channel('channel', a))].join(', ')} · ${t('culture.profile.asOf', { date: m.asOf })}`;
      }
    }
  };

  return (
    <Table verticalSpacing={6} fz="sm" data-testid="profile-table">
      <Table.Tbody>
        {ROWS.map((row) => {
          const f = p[row] as Sourced<unknown>;
          return (
            <Table.Tr key={row} data-testid={`profile-${row}`}>
              <Table.Td w={180} valign="top">
                <Text size="sm" c="dimmed">{t(`culture.profile.${row}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{value(row)}</Text>
                {f.note && <Text size="xs" c="dimmed">{f.note}</Text>}
                <Group gap={4} mt={2}>
                  <ConfidenceBadge confidence={f.confidence} />
                  {f.sources.map((s) => (
                    <Tooltip key={s} label={titles.get(s) ?? s} multiline w={300}>
                      <Badge size="xs" variant="outline" color="gray" tt="none">{s}</Badge>
                    </Tooltip>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td w={40} valign="top">
                {canEdit && EDIT_FIELD[row] && (
                  <ActionIcon variant="subtle" size="sm" onClick={() => onEdit(EDIT_FIELD[row])} aria-label={t('culture.edit.title', { field: t(`culture.profile.${EDIT_FIELD[row]}`) })} data-testid={`edit-${EDIT_FIELD[row]}`}>
                    <IconPencil size={14} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
