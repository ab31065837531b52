import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { useCustomerTimeline } from '../../api/sla';
import { useCodeLabel, useT } from '../../i18n/use-t';
import { TicketPanelCard } from '../../tickets/panel-card';

const stateColors: Record<string, string> = { open: 'blue', due_soon: 'orange', kept: 'teal', broken: 'red' };

/**
 * What the customer most wants to know (seed 004): when they will hear from us next — a promise
 * an agent made, or else the time the service agreement says an answer is due — and whether
 * earlier promises were kept.
 */
export function PortalNextUpdate({ ticketId }: { ticketId: string }) {
  const t = useT();
  const intl = useIntl();
  const channelLabel = useCodeLabel();
  const timeline = useCustomerTimeline(ticketId);
  const data = timeline.data;
  if (!data) return null;
  const when = (iso: string) => intl.formatDate(iso, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return (
    <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
      <TicketPanelCard title={t('sla.portal.title')} testId="portal-next-update">
        <Stack gap="xs">
          {data.nextUpdate ? (
            <Group gap={6} wrap="nowrap">
              <IconClockHour4 size={16} />
              <Text size="sm" fw={600} data-testid="portal-next-due">
                {data.nextUpdate.channel
                  ? t('sla.portal.byVia', { due: when(data.nextUpdate.dueAt), channel: channelLabel('channel', data.nextUpdate.channel) })
                  : t('sla.portal.by', { due: when(data.nextUpdate.dueAt) })}
              </Text>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('sla.portal.none')}
            </Text>
          )}
          {data.promises
            .filter((p) => p.state === 'kept' || p.state === 'broken')
            .map((p) => (
              <Group key={p.id} justify="space-between" wrap="nowrap" gap="xs">
                <Text size="xs" c="dimmed">
                  {t('sla.portal.promised', { due: when(p.dueAt) })}
                </Text>
                <Badge size="xs" variant="light" color={stateColors[p.state]}>
                  {t(`promise.state.${p.state}`)}
                </Badge>
              </Group>
            ))}
        </Stack>
      </TicketPanelCard>
    </div>
  );
}
