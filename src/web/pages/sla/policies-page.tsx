import { Badge, Button, EmptyState, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash, IconTargetArrow } from '@tabler/icons-react';
import { useState } from 'react';
import { useCalendars, useCreatePolicy, useDeletePolicy, useSlaPolicies, useUpdatePolicy, type SlaPolicy } from '../../api/sla';
import { useCurrentUser } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useT } from '../../i18n/use-t';
import { PolicyForm } from './policy-form';
import { useMinutes } from './sla-format';
import { TeamShiftsCard } from './team-shifts-card';

/** SLA policies (targets per tier and priority) and the follow-the-sun rotation. */
export default function PoliciesPage() {
  const t = useT();
  const minutes = useMinutes();
  const user = useCurrentUser();
  const admin = user.role === 'admin';
  const policies = useSlaPolicies();
  const calendars = useCalendars();
  const create = useCreatePolicy();
  const update = useUpdatePolicy();
  const remove = useDeletePolicy();
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const mutation = editing === 'new' ? create : update;
  const target = (m: number | null) => (m === null ? '—' : minutes(m));

  return (
    <>
      <PageHeader
        title={t('policies.title')}
        subtitle={t('policies.subtitle')}
        actions={
          admin && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="policy-create">
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
                          {admin && (
                            <Group gap={2} wrap="nowrap" justify="flex-end">
                              <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => setEditing(p)}>
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
        <TeamShiftsCard calendars={calendars.data ?? []} canEdit={user.role === 'admin' || user.role === 'manager'} />
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t(editing === 'new' ? 'policies.create' : 'policies.edit')} size="lg">
        {editing !== null && (
          <PolicyForm
            key={editing === 'new' ? 'new' : editing.id}
            initial={editing === 'new' ? undefined : editing}
            calendars={calendars.data ?? []}
            busy={mutation.isPending}
            error={mutation.error?.message ?? null}
            onCancel={() => setEditing(null)}
            onSubmit={(input) =>
              editing === 'new'
                ? create.mutate(input, { onSuccess: () => setEditing(null) })
                : update.mutate({ id: editing.id, ...input }, { onSuccess: () => setEditing(null) })
            }
          />
        )}
      </Modal>
    </>
  );
}
