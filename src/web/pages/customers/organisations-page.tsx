import { Anchor, Badge, Button, EmptyState, Group, Modal, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconBuilding, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCreateOrganisation, useOrganisationList } from '../../api/customers';
import { LoadMore } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { ErrorAlert, Loading } from '../../components/query-state';
import { TimeAgo } from '../../components/time-ago';
import { useDisplayNames } from '../../i18n/display-names';
import { useT } from '../../i18n/use-t';
import { OrganisationForm } from './organisation-form';
import { usePermission } from '../../app/use-permission';

/** The customer directory: every organisation, searchable, with a way to add one. */
export default function OrganisationsPage() {
  const t = useT();
  const names = useDisplayNames();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useOrganisationList(q);
  const create = useCreateOrganisation();
  const [creating, createModal] = useDisclosure(false);
  const canCreate = usePermission('customer', 'create');
  const organisations = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('org.list.title')}
        subtitle={t('org.list.subtitle')}
        actions={
          canCreate && (
            <Button leftSection={<IconPlus size={14} />} size="xs" onClick={createModal.open} data-testid="org-create">
              {t('org.create')}
            </Button>
          )
        }
      />
      <TextInput
        size="xs"
        w={280}
        mb="sm"
        leftSection={<IconSearch size={14} />}
        placeholder={t('org.list.search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      <Paper withBorder shadow="xs" style={{ overflow: 'hidden' }}>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
        ) : organisations.length === 0 ? (
          <EmptyState py={48} icon={<IconBuilding size={32} stroke={1.5} />} withIndicatorBackground title={t('org.list.empty')} />
        ) : (
          <>
            <Table highlightOnHover verticalSpacing={8} data-testid="org-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('org.field.name')}</Table.Th>
                  <Table.Th>{t('org.field.country')}</Table.Th>
                  <Table.Th visibleFrom="md">{t('org.field.industry')}</Table.Th>
                  <Table.Th visibleFrom="md">{t('org.field.domains')}</Table.Th>
                  <Table.Th ta="end">{t('common.updated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {organisations.map((org) => (
                  <Table.Tr key={org.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/organisations/${org.id}`)}>
                    <Table.Td>
                      <Anchor component={Link} to={`/organisations/${org.id}`} fw={500} size="sm" c="dark">
                        {org.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{names.region(org.country)}</Text>
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Text size="sm" c="dimmed">
                        {org.industry}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Group gap={4}>
                        {org.domains.slice(0, 2).map((d) => (
                          <Badge key={d} variant="default" size="xs" tt="none" fw={500}>
                            {d}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="end">
                      {org.updatedAt && <TimeAgo value={org.updatedAt} />}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <LoadMore shown={organisations.length} hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
          </>
        )}
      </Paper>
      <Modal opened={creating} onClose={createModal.close} title={t('org.create')}>
        <OrganisationForm
          busy={create.isPending}
          error={create.error?.message ?? null}
          onCancel={createModal.close}
          onSubmit={(input) =>
            create.mutate(input, {
              onSuccess: (org) => {
                createModal.close();
                navigate(`/organisations/${org.id}`);
              },
            })
          }
        />
      </Modal>
    </>
  );
}
