import { Badge, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useChannelStatus } from '../../api/channels';
import { ChannelIcon } from '../../components/channel-icon';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useCodeLabel, useT } from '../../i18n/use-t';
import { FailuresPanel } from './failures-panel';
import { MailboxesPanel } from './mailboxes-panel';
import { RoutingPanel } from './routing-panel';
import { WidgetsPanel } from './widgets-panel';
import { Copyable } from '../../components/copyable';


function Overview() {
  const t = useT();
  const codeLabel = useCodeLabel();
  const status = useChannelStatus();
  return (
    <QueryState query={status}>
      {(data) => (
        <Stack>
          {data.openFailures > 0 && (
            <Paper withBorder p="sm" bg="orange.0">
              <Group gap="xs">
                <IconAlertTriangle size={16} />
                <Text size="sm">{t('channels.overview.failures', { count: data.openFailures })}</Text>
              </Group>
            </Paper>
          )}
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
            {data.channels.map((c) => (
              <Paper key={c.channel} withBorder p="md" data-testid={`channel-status-${c.channel}`}>
                <Group justify="space-between" mb="xs">
                  <Group gap="xs">
                    <ChannelIcon channel={c.channel} boxed />
                    <Text fw={600}>{codeLabel('channel', c.channel)}</Text>
                  </Group>
                  <Badge color={c.connected ? 'green' : 'gray'} variant="light">{t(c.connected ? 'channels.connected' : 'channels.notConnected')}</Badge>
                </Group>
                <Stack gap={6}>
                  {Object.entries(c.detail).map(([key, value]) => (
                    <div key={key}>
                      <Text size="xs" c="dimmed">{t(`channels.detail.${key}`)}</Text>
                      {typeof value === 'string' && /^https?:\/\//.test(value) ? (
                        <Copyable value={value} />
                      ) : (
                        <Text size="sm" dir={typeof value === 'string' ? 'ltr' : undefined} ta="start">
                          {value === null ? '—' : typeof value === 'boolean' ? t(value ? 'channels.yes' : 'channels.no') : String(value)}
                        </Text>
                      )}
                    </div>
                  ))}
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </QueryState>
  );
}

/**
 * Channels administration: what is connected and what to tell each provider, email mailboxes,
 * chat widgets, which team each messaging channel feeds, and the inbound messages kept raw.
 */
export default function ChannelsPage() {
  const t = useT();
  const [tab, setTab] = useState<string | null>('overview');
  return (
    <>
      <PageHeader title={t('channels.title')} subtitle={t('channels.subtitle')} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">{t('channels.tab.overview')}</Tabs.Tab>
          <Tabs.Tab value="email">{t('channels.tab.email')}</Tabs.Tab>
          <Tabs.Tab value="chat">{t('channels.tab.chat')}</Tabs.Tab>
          <Tabs.Tab value="routing">{t('channels.tab.routing')}</Tabs.Tab>
          <Tabs.Tab value="failures">{t('channels.tab.failures')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview"><Overview /></Tabs.Panel>
        <Tabs.Panel value="email"><MailboxesPanel /></Tabs.Panel>
        <Tabs.Panel value="chat"><WidgetsPanel /></Tabs.Panel>
        <Tabs.Panel value="routing"><RoutingPanel /></Tabs.Panel>
        <Tabs.Panel value="failures"><FailuresPanel /></Tabs.Panel>
      </Tabs>
    </>
  );
}
