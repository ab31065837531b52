import { Badge, Button, EmptyState, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash, IconTargetArrow } from '@tabler/icons-react';
import { useCalendars, useCreatePolicy, useDeletePolicy, useSlaPolicies, useUpdatePolicy, type SlaPolicy, type SlaPolicyInput } from '../../api/sla';
import { usePermission } from '../../app/use-permission';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useT } from '../../i18n/use-t';
import { PolicyForm } from './policy-form';
import { useMinutes } from './sla-format';
import { TeamShiftsCard } from './team-shifts-card';
import { useRecordEditor } from './use-record-editor';

/** SLA policies (targets per tier and priority) and the follow-the-sun rotation. */
export default function PoliciesPage() {
  const t = useT();
  const minutes = useMinutes();
  const can = usePermission();
  const policies = useSlaPolicies();
  const calendars = useCalendars();
  const create = useCreatePolicy();
  const update = useUpdatePolicy();
  const remove = useDeletePolicy();
  const editor = useRecordEditor<SlaPolicy, SlaPolicyInput>(create, update);
  const target = (m: number | null) => (m === null ? '—' : minutes(m));

  return (
    <>
      <PageHeader
        title={t('policies.title')}
        subtitle={t('policies.subtitle')}
        actions={
          can('sla_policy', 'update') && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => editor.open('new')} data-testid="policy-create">
              {t('policies.create')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Paper withBorder style={{ overflow: 'hidden' }}>
          <QueryState query={policies}>
            {(list) =>
              list.length === 0 ? (
                <EmptyState py={48} icon={<IconTargetArrow size={32} stroke={1.5} />} withIndicatorBackground title={t('policies.empty')} />
              ) : (
                <Table highlightOnHover verticalSpacing={7} data-testid="policies-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('policies.name')}</Table.Th>
                      <Table.Th>{t('policies.tier')}</Table.Th>
                      <Table.Th>{t('policies.priority')}</Table.Th>
                      <Table.Th>{t('sla.metric.first_response')}</Table.Th>
                      <Table.Th>{t('sla.metric.next_update')}</Table.Th>
                      <Table.Th>{t('sla.metric.resolution')}</Table.Th>
                      <Table.Th>{t('policies.warning')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((p) => (
                      <Table.Tr key={p.id} style={{ opacity: p.active ? 1 : 0.55 }}>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Text size="sm" fw={500}>{p.name}</Text>
                            {!p.active && <Badge size="xs" variant="default">{t('policies.inactive')}</Badge>}
                            {p.pauseOnHold && <Badge size="xs" variant="light" color="grape">{t('policies.pauseOnHold')}</Badge>}
                          </Group>
                        </Table.Td>
                        <Table.Td>{p.tier ? t(`policies.tier.${p.tier}`) : <Text size="sm" c="dimmed">{t('policies.any')}</Text>}</Table.Td>
                        <Table.Td>{p.priority ? t(`ticket.priority.${p.priority}`) : <Text size="sm" c="dimmed">{t('policies.any')}</Text>}</Table.Td>
                        <Table.Td className="tabular">{target(p.firstResponseMinutes)}</Table.Td>
                        <Table.Td className="tabular">{target(p.nextUpdateMinutes)}</Table.Td>
                        <Table.Td className="tabular">{target(p.resolutionMinutes)}</Table.Td>
                        <Table.Td className="tabular">{p.warningPercent}%</Table.Td>
                        <Table.Td>
                          {can('sla_policy', 'update', p) && (
                            <Group gap={2} wrap="nowrap" justify="flex-end">
                              <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => editor.open(p)}>
                                {t('common.edit')}
                              </Button>
                              <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(p.id)} aria-label={t('policies.delete')}>
                                <IconTrash size={12} />
                              </Button>
                            </Group>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )
            }
          </QueryState>
        </Paper>
        <TeamShiftsCard calendars={calendars.data ?? []} canEdit={can('team_shift', 'update')} />
      </Stack>
      <Modal opened={editor.editing !== null} onClose={editor.close} title={t(editor.isNew ? 'policies.create' : 'policies.edit')} size="lg">
        {editor.editing !== null && (
          <PolicyForm
            key={editor.formKey}
            initial={editor.initial}
            calendars={calendars.data ?? []}
            busy={editor.busy}
            error={editor.error}
            onCancel={editor.close}
            onSubmit={editor.submit}
          />
        )}
      </Modal>
    </>
  );
}
