import { Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useAgentPhones, useChannelRoutes, useSetAgentPhone, useSetChannelRoute } from '../../api/channels';
import { useTeams, useUserMap, useUsers } from '../../api/people';
import { ChannelIcon } from '../../components/channel-icon';
import { QueryState } from '../../components/query-state';
import { useCodeLabel, useT } from '../../i18n/use-t';
import { usePermission } from '../../app/use-permission';

type RoutedChannel = 'whatsapp' | 'telegram' | 'sms' | 'phone' | 'chat';

/** Which team new conversations from each messaging channel go to, and agents' direct numbers. */
export function RoutingPanel() {
  const t = useT();
  const codeLabel = useCodeLabel();
  const routes = useChannelRoutes();
  const teams = useTeams();
  const setRoute = useSetChannelRoute();
  const phones = useAgentPhones();
  const users = useUsers();
  const userMap = useUserMap();
  const setPhone = useSetAgentPhone();
  const [number, setNumber] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  const teamOptions = (teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }));
  const staff = (users.data ?? []).filter((u) => u.staff).map((u) => ({ value: u.id, label: u.name }));
  // Managers read the routing; changing it is an admin's (`channels.update`).
  const canChange = usePermission('channels', 'update');

  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={4}>{t('channels.routing.title')}</Title>
        <Text size="sm" c="dimmed">{t('channels.routing.intro')}</Text>
        <QueryState query={routes}>
          {(list) => (
            <Paper withBorder p="sm" maw={520}>
              <Stack gap="xs">
                {list.map((r) => (
                  <Group key={r.channel} justify="space-between" wrap="nowrap">
                    <Group gap="xs">
                      <ChannelIcon channel={r.channel} />
                      <Text size="sm">{codeLabel('channel', r.channel)}</Text>
                    </Group>
                    <Select
                      w={260}
                      size="xs"
                      data={teamOptions}
                      value={r.teamId}
                      clearable
                      placeholder={t('channels.routing.unassigned')}
                      onChange={(teamId) => setRoute.mutate({ channel: r.channel as RoutedChannel, teamId })}
                      disabled={!canChange}
                      aria-label={codeLabel('channel', r.channel)}
                      data-testid={`route-${r.channel}`}
                    />
                  </Group>
                ))}
              </Stack>
            </Paper>
          )}
        </QueryState>
      </Stack>

      <Stack gap="xs">
        <Title order={4}>{t('channels.phones.title')}</Title>
        <Text size="sm" c="dimmed">{t('channels.phones.intro')}</Text>
        <QueryState query={phones}>
          {(list) => (
            <Table withTableBorder maw={620}>
              <Table.Tbody>
                {list.map((p) => (
                  <Table.Tr key={p.number}>
                    <Table.Td dir="ltr">{p.number}</Table.Td>
                    <Table.Td>{userMap.get(p.userId)?.name ?? p.userId}</Table.Td>
                    <Table.Td>
                      {canChange && <Button size="compact-xs" variant="subtle" color="red" onClick={() => setPhone.mutate({ number: p.number, userId: null })}>{t('channels.delete')}</Button>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
        {canChange && (
        <Group align="flex-end" maw={620}>
          <TextInput label={t('channels.phones.number')} placeholder="+48 22 555 12 34" value={number} onChange={(e) => setNumber(e.currentTarget.value)} dir="ltr" />
          <Select label={t('channels.phones.agent')} data={staff} value={userId} onChange={setUserId} searchable />
          <Button
            disabled={!number.trim() || !userId}
            loading={setPhone.isPending}
            onClick={() => setPhone.mutate({ number: number.trim(), userId }, { onSuccess: () => { setNumber(''); setUserId(null); } })}
          >
            {t('channels.phones.add')}
          </Button>
        </Group>
        )}
        {setPhone.error && <Text c="red" size="sm">{setPhone.error.message}</Text>}
      </Stack>
    </Stack>
  );
}
