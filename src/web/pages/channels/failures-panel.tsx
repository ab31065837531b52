import { Badge, Button, Code, EmptyState, Group, Paper, Spoiler, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconDownload, IconRefresh } from '@tabler/icons-react';
import { useFailures, useResolveFailure, useRetryFailure } from '../../api/channels';
import { ChannelIcon } from '../../components/channel-icon';
import { QueryState } from '../../components/query-state';
import { TimeAgo } from '../../components/time-ago';
import { useT } from '../../i18n/use-t';
import { usePermission } from '../../app/use-permission';

/**
 * Inbound messages that could not become ticket messages (a malformed email, an unreadable
 * webhook): kept byte for byte, so an admin can read them, download them, and run them again.
 */
export function FailuresPanel() {
  const t = useT();
  const failures = useFailures();
  const retry = useRetryFailure();
  const resolve = useResolveFailure();
  // Managers read the failures; retrying and resolving change the desk's data (`channels.update`).
  const canChange = usePermission('channels', 'update');
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('channels.failures.intro')}</Text>
      <QueryState query={failures}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState py={48} icon={<IconCircleCheck size={32} stroke={1.5} />} withIndicatorBackground title={t('channels.failures.empty')} />
          ) : (
            <Stack gap="sm">
              {list.map((f) => (
                <Paper key={f.id} withBorder p="sm" data-testid="failure-row">
                  <Group justify="space-between" wrap="nowrap">
                    <Group gap="xs">
                      <ChannelIcon channel={f.channel} />
                      <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>{t(`channels.failures.reason.${f.reason}`)}</Badge>
                      <Text size="xs" c="dimmed" dir="ltr">{f.source}</Text>
                      <TimeAgo value={f.createdAt} />
                    </Group>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" leftSection={<IconDownload size={12} />} component="a" href={`/api/v1/channels/failures/${f.id}/raw`}>
                        {t('channels.failures.download')}
                      </Button>
                      {canChange && f.channel === 'email' && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          leftSection={<IconRefresh size={12} />}
                          loading={retry.isPending && retry.variables === f.id}
                          onClick={() =>
                            retry.mutate(f.id, {
                              onSuccess: (r) => notifications.show({ color: r.ticketId ? 'green' : 'orange', message: t('channels.failures.retried', { outcome: r.outcome }) }),
                            })
                          }
                        >
                          {t('channels.failures.retry')}
                        </Button>
                      )}
                      {canChange && <Button size="compact-xs" variant="subtle" onClick={() => resolve.mutate(f.id)}>{t('channels.failures.resolve')}</Button>}
                    </Group>
                  </Group>
                  {f.detail && <Text size="xs" mt={4}>{f.detail}</Text>}
                  <Spoiler maxHeight={60} showLabel={t('channels.failures.more')} hideLabel={t('channels.failures.less')} mt={6}>
                    <Code block dir="ltr" style={{ whiteSpace: 'pre-wrap', fontSize: 11 }}>{f.preview}</Code>
                  </Spoiler>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
