import { Badge, Button, Drawer, EmptyState, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useCreateUser, useTeamMap, useTeams, useUpdateUser, useUsers } from '../../api/people';
import { roles, type User } from '../../api/types';
import { PageHeader } from '../../components/page-header';
import { PersonAvatar } from '../../components/person-avatar';
import { QueryState } from '../../components/query-state';
import { useDisplayNames } from '../../i18n/display-names';
import { useT } from '../../i18n/use-t';
import { RoleBadge } from './role-badge';
import { UserForm } from './user-form';
import { usePermission } from '../../app/use-permission';

/** User administration: everyone who can sign in, their role, teams and skills. */
export default function UsersPage() {
  const t = useT();
  const names = useDisplayNames();
  const users = useUsers();
  const teams = useTeams();
  const teamMap = useTeamMap();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const [creating, createDrawer] = useDisclosure(false);
  const can = usePermission();

  const filtered = useMemo(() => {
    const q = search.trim().toLocaleLowerCase();
    return (users.data ?? [])
      .filter((u) => (!role || u.role === role) && (!q || u.name.toLocaleLowerCase().includes(q) || u.email.toLocaleLowerCase().includes(q)))
      .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
  }, [users.data, search, role]);

  return (
    <>
      <PageHeader
        title={t('admin.users.title')}
        subtitle={t('admin.users.subtitle')}
        actions={
          can('user', 'create') && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={createDrawer.open} data-testid="user-create">
              {t('admin.users.create')}
            </Button>
          )
        }
      />
      <Group gap="xs" mb="sm">
        <TextInput size="xs" w={260} leftSection={<IconSearch size={14} />} placeholder={t('admin.users.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select size="xs" w={180} data={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} value={role} onChange={setRole} placeholder={t('admin.users.anyRole')} clearable allowDeselect />
      </Group>
      <Paper withBorder shadow="xs" style={{ overflow: 'hidden' }}>
        <QueryState query={users}>
          {() =>
            filtered.length === 0 ? (
              <EmptyState py={48} icon={<IconUsers size={32} stroke={1.5} />} title={t('common.nothingFound')} />
            ) : (
              <Table highlightOnHover verticalSpacing={8} data-testid="users-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('user.field.name')}</Table.Th>
                    <Table.Th w={150}>{t('user.field.role')}</Table.Th>
                    <Table.Th visibleFrom="md">{t('user.field.teams')}</Table.Th>
                    <Table.Th visibleFrom="lg">{t('user.field.languages')}</Table.Th>
                    <Table.Th w={110} visibleFrom="lg">{t('user.field.seniority')}</Table.Th>
                    <Table.Th w={100}>{t('user.field.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {filtered.map((u) => (
                    <Table.Tr key={u.id} style={{ cursor: can('user', 'update', u) ? 'pointer' : undefined, opacity: u.active ? 1 : 0.55 }} onClick={can('user', 'update', u) ? () => setEditing(u) : undefined} data-testid="user-row">
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <PersonAvatar name={u.name} id={u.id} />
                          <div style={{ minWidth: 0 }}>
                            <Text size="sm" fw={500} truncate>{u.name}</Text>
                            <Text size="xs" c="dimmed" truncate dir="ltr" ta="start">{u.email}</Text>
                          </div>
                        </Group>
                      </Table.Td>
                      <Table.Td><RoleBadge role={u.role} /></Table.Td>
                      <Table.Td visibleFrom="md">
                        <Group gap={4}>
                          {u.teamIds.map((id) => (
                            <Badge key={id} size="xs" variant="default" tt="none" fw={500}>{teamMap.get(id)?.name ?? '…'}</Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td visibleFrom="lg"><Text size="sm" c="dimmed">{u.languages.map(names.language).join(', ')}</Text></Table.Td>
                      <Table.Td visibleFrom="lg"><Text size="sm">{u.staff ? t(`seniority.${u.seniority}`) : ''}</Text></Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="dot" color={u.active ? 'teal' : 'gray'}>{t(u.active ? 'user.active' : 'user.inactive')}</Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </QueryState>
      </Paper>
      <Drawer opened={creating} onClose={createDrawer.close} title={t('admin.users.create')} position="right" size="lg">
        <UserForm
          teams={teams.data ?? []}
          busy={create.isPending}
          error={create.error?.message ?? null}
          onCancel={createDrawer.close}
          onSubmit={(input) => create.mutate(input, { onSuccess: createDrawer.close })}
        />
      </Drawer>
      <Drawer opened={editing !== null} onClose={() => setEditing(null)} title={t('admin.users.edit')} position="right" size="lg">
        {editing && (
          <UserForm
            key={editing.id}
            initial={editing}
            teams={teams.data ?? []}
            busy={update.isPending}
            error={update.error?.message ?? null}
            onCancel={() => setEditing(null)}
            onSubmit={(patch) => update.mutate({ id: editing.id, patch }, { onSuccess: () => setEditing(null) })}
          />
        )}
      </Drawer>
    </>
  );
}
