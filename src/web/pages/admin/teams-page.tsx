import { Avatar, Button, EmptyState, Group, Modal, MultiSelect, Paper, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconMail, IconPencil, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useCreateTeam, useTeams, useUpdateTeam, useUserMap, useUsers } from '../../api/people';
import type { Team, TeamInput } from '../../api/types';
import { PageHeader } from '../../components/page-header';
import { PersonAvatar } from '../../components/person-avatar';
import { QueryState } from '../../components/query-state';
import { useT } from '../../i18n/use-t';
import { usePermission } from '../../app/use-permission';

/** Team administration: the groups tickets are routed to, and who is in each. */
export default function TeamsPage() {
  const t = useT();
  const teams = useTeams();
  const userMap = useUserMap();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const can = usePermission();

  return (
    <>
      <PageHeader
        title={t('admin.teams.title')}
        subtitle={t('admin.teams.subtitle')}
        actions={
          can('team', 'create') && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="team-create">
              {t('admin.teams.create')}
            </Button>
          )
        }
      />
      <QueryState query={teams}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState py={48} icon={<IconUsersGroup size={32} stroke={1.5} />} withIndicatorBackground title={t('admin.teams.empty')} />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="teams-grid">
              {list.map((team) => (
                <Paper key={team.id} withBorder p="md">
                  <Group justify="space-between" wrap="nowrap" mb="xs">
                    <Text fw={600}>{team.name}</Text>
                    {can('team', 'update', team) && (
                      <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => setEditing(team)}>
                        {t('common.edit')}
                      </Button>
                    )}
                  </Group>
                  {team.email && (
                    <Group gap={6} c="dimmed" mb="sm">
                      <IconMail size={14} />
                      <Text size="xs" dir="ltr">{team.email}</Text>
                    </Group>
                  )}
                  <Group justify="space-between" wrap="nowrap">
                    <Avatar.Group spacing={6}>
                      {team.memberIds.slice(0, 6).map((id) => {
                        const member = userMap.get(id);
                        return member ? (
                          <Tooltip key={id} label={member.name}>
                            <PersonAvatar name={member.name} id={member.id} size={30} style={{ border: '2px solid var(--mantine-color-white)' }} />
                          </Tooltip>
                        ) : null;
                      })}
                      {team.memberIds.length > 6 && <Avatar size="sm" radius="xl">+{team.memberIds.length - 6}</Avatar>}
                    </Avatar.Group>
                    <Text size="xs" c="dimmed">{t('admin.teams.members', { count: team.memberIds.length })}</Text>
                  </Group>
                  <Text size="xs" c="dimmed" mt="xs" lineClamp={2}>
                    {team.memberIds.map((id) => userMap.get(id)?.name).filter(Boolean).join(', ')}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t(editing === 'new' ? 'admin.teams.create' : 'admin.teams.edit')}>
        {editing !== null && (
          <TeamForm
            key={editing === 'new' ? 'new' : editing.id}
            initial={editing === 'new' ? undefined : editing}
            busy={create.isPending || update.isPending}
            error={(editing === 'new' ? create.error : update.error)?.message ?? null}
            onCancel={() => setEditing(null)}
            onSubmit={(input) =>
              editing === 'new'
                ? create.mutate(input, { onSuccess: () => setEditing(null) })
                : update.mutate({ id: editing.id, patch: input }, { onSuccess: () => setEditing(null) })
            }
          />
        )}
      </Modal>
    </>
  );
}

function TeamForm({ initial, busy, error, onSubmit, onCancel }: {
  initial?: Team;
  busy: boolean;
  error: string | null;
  onSubmit: (input: TeamInput) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const users = useUsers();
  const [name, setName] = useState(initial?.name ?? '');
  const [email, setEmail] = useState(initial?.email ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(initial?.memberIds ?? []);
  const staff = (users.data ?? []).filter((u) => u.staff);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ name: name.trim(), email: email.trim() || null, memberIds });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label={t('team.field.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus data-testid="team-name" />
        <TextInput label={t('team.field.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} dir="ltr" />
        <MultiSelect label={t('team.field.members')} data={staff.map((u) => ({ value: u.id, label: u.name }))} value={memberIds} onChange={setMemberIds} searchable clearable />
        {error && <Text c="red" size="sm">{error}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={busy} disabled={!name.trim()} data-testid="team-save">{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
