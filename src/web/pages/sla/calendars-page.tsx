import { Badge, Button, EmptyState, Group, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCalendarTime, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCalendars, useCreateCalendar, useDeleteCalendar, useUpdateCalendar, type Calendar, type CalendarInput } from '../../api/sla';
import { usePermission } from '../../app/use-permission';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useDisplayNames } from '../../i18n/display-names';
import { useT } from '../../i18n/use-t';
import { CalendarForm } from './calendar-form';
import { CalendarSummary } from './calendar-summary';
import { CountryCalendarCard } from './country-calendar-card';
import { DueCalculator } from './due-calculator';
import { useRecordEditor } from './use-record-editor';

/** Business calendars: the hours SLA clocks count, per team, contract and country. */
export default function CalendarsPage() {
  const t = useT();
  const names = useDisplayNames();
  const can = usePermission();
  const calendars = useCalendars();
  const create = useCreateCalendar();
  const update = useUpdateCalendar();
  const remove = useDeleteCalendar();
  const editor = useRecordEditor<Calendar, CalendarInput>(create, update);

  return (
    <>
      <PageHeader
        title={t('calendars.title')}
        subtitle={t('calendars.subtitle')}
        actions={
          can('calendar', 'update') && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => editor.open('new')} data-testid="calendar-create">
              {t('calendars.create')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <QueryState query={calendars}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState py={48} icon={<IconCalendarTime size={32} stroke={1.5} />} withIndicatorBackground title={t('calendars.empty')} />
            ) : (
              <>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="calendars-grid">
                  {list.map((c) => (
                    <Paper key={c.id} withBorder p="md">
                      <Group justify="space-between" wrap="nowrap" mb={4} align="flex-start">
                        <div style={{ minWidth: 0 }}>
                          <Text fw={600}>{c.name}</Text>
                          <Text size="xs" c="dimmed" dir="ltr" ta="start">
                            {c.definition.timeZone}
                          </Text>
                        </div>
                        {can('calendar', 'update', c) && (
                          <Group gap={2} wrap="nowrap">
                            <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => editor.open(c)}>
                              {t('common.edit')}
                            </Button>
                            <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(c.id)} aria-label={t('calendars.delete')}>
                              <IconTrash size={12} />
                            </Button>
                          </Group>
                        )}
                      </Group>
                      <Group gap={6} mb="xs">
                        {c.country && <Badge size="sm" variant="light" color="grape">{t('calendars.overrides', { country: names.region(c.country) })}</Badge>}
                        <Badge size="sm" variant="default">{t('calendars.weekly', { hours: Math.round(c.weeklyOpenMinutes / 6) / 10 })}</Badge>
                      </Group>
                      <CalendarSummary definition={c.definition} />
                    </Paper>
                  ))}
                </SimpleGrid>
                {remove.error && <Text c="red" size="sm">{remove.error.message}</Text>}
                <DueCalculator calendars={list} />
              </>
            )
          }
        </QueryState>
        <CountryCalendarCard />
      </Stack>
      <Modal opened={editor.editing !== null} onClose={editor.close} title={t(editor.isNew ? 'calendars.create' : 'calendars.edit')} size="xl">
        {editor.editing !== null && (
          <CalendarForm key={editor.formKey} initial={editor.initial} busy={editor.busy} error={editor.error} onCancel={editor.close} onSubmit={editor.submit} />
        )}
      </Modal>
    </>
  );
}
