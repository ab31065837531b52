import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconAlarm, IconAlertTriangle, IconArrowsExchange, IconBell, IconCalendarDue, IconHeartBroken } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { notificationKeys, useMarkRead, useNotifications, type AppNotification, type NotificationPage } from '../../api/notifications';
import { subscribeRealtime } from '../../app/realtime';
import { TimeAgo } from '../../components/time-ago';
import { useT } from '../../i18n/use-t';

const look: Record<AppNotification['kind'], { icon: typeof IconBell; color: string }> = {
  sla_warning: { icon: IconAlarm, color: 'orange' },
  sla_breach: { icon: IconAlertTriangle, color: 'red' },
  promise_reminder: { icon: IconCalendarDue, color: 'blue' },
  promise_broken: { icon: IconHeartBroken, color: 'red' },
  handoff: { icon: IconArrowsExchange, color: 'teal' },
};

/** The words of a notification, from its kind and the ticket it is about. */
function useNotificationText(): (n: AppNotification) => string {
  const t = useT();
  return useCallback((n: AppNotification) => {
    const d = n.data as { number?: number; subject?: string; metric?: string };
    return t(`notify.${n.kind}`, { number: d.number ?? '', subject: d.subject ?? '', metric: d.metric ? t(`sla.metric.${d.metric}`) : '' });
  }, [t]);
}

/**
 * The bell in the top bar: unread count, the latest notifications (a click opens the ticket),
 * and a toast the moment an SLA warning, breach or broken promise arrives on any node.
 */
export default function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const client = useQueryClient();
  const list = useNotifications();
  const markRead = useMarkRead();
  const text = useNotificationText();
  const [opened, setOpened] = useState(false);
  const unread = list.data?.unread ?? 0;

  useEffect(
    () =>
      subscribeRealtime('notification.created', async (event) => {
        await client.refetchQueries({ queryKey: notificationKeys.recent });
        const latest = client.getQueryData<NotificationPage>(notificationKeys.recent)?.items[0];
        const kind = (event.data as { kind?: AppNotification['kind'] }).kind;
        if (latest && kind && latest.kind === kind && !latest.readAt) toasts.show({ color: look[kind].color, title: t('notify.title'), message: text(latest) });
      }),
    [client, t, text],
  );

  const open = (n: AppNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpened(false);
    if (n.ticketId) navigate(`/tickets/${n.ticketId}`);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withArrow>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} color="red" offset={4}>
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={() => setOpened((o) => !o)} aria-label={t('notify.title')} data-testid="notification-bell">
            <IconBell size={18} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="sm" py={8}>
          <Text fw={600} size="sm">
            {t('notify.title')}
          </Text>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} onClick={() => markRead.mutate(undefined)}>
            {t('notify.markAll')}
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={420}>
          {(list.data?.items.length ?? 0) === 0 ? (
            <Text size="sm" c="dimmed" p="sm">
              {t('notify.none')}
            </Text>
          ) : (
            <Stack gap={0}>
              {list.data!.items.map((n) => {
                const { icon: Icon, color } = look[n.kind];
                return (
                  <UnstyledButton key={n.id} onClick={() => open(n)} px="sm" py={8} style={{ opacity: n.readAt ? 0.6 : 1 }} data-testid="notification-item" data-kind={n.kind}>
                    <Group gap="sm" wrap="nowrap" align="flex-start">
                      <Icon size={18} color={`var(--mantine-color-${color}-6)`} style={{ flexShrink: 0, marginTop: 2 }} />
                      <div style={{ minWidth: 0 }}>
                        <Text size="sm" lineClamp={2}>
                          {text(n)}
                        </Text>
                        <TimeAgo value={n.createdAt} />
                      </div>
                    </Group>
                  </UnstyledButton>
                );
              })}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
