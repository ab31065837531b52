import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconChecks, IconClock, IconX } from '@tabler/icons-react';
import { useContactIdentities, useDeliveries, type Delivery } from '../../api/channels';
import { ChannelIcon } from '../../components/channel-icon';
import { TimeAgo } from '../../components/time-ago';
import { useCodeLabel, useT } from '../../i18n/use-t';
import { TicketPanelCard } from '../../tickets/panel-card';
import type { TicketPanelProps } from '../../tickets/panels';

const kindChannel: Record<string, string> = { email: 'email', phone: 'phone', telegram: 'telegram', chat: 'chat' };

function StatusMark({ d }: { d: Delivery }) {
  const t = useT();
  const look = {
    received: { icon: IconCheck, color: 'gray' },
    queued: { icon: IconClock, color: 'gray' },
    sent: { icon: IconCheck, color: 'gray' },
    delivered: { icon: IconChecks, color: 'gray' },
    read: { icon: IconChecks, color: 'blue' },
    failed: { icon: IconX, color: 'red' },
  }[d.status];
  const Icon = look.icon;
  return (
    <Tooltip label={d.error ?? t(`channels.status.${d.status}`)} multiline w={260}>
      <Badge size="sm" variant="light" color={look.color} leftSection={<Icon size={12} />} style={{ textTransform: 'none' }}>
        {t(`channels.status.${d.status}`)}
      </Badge>
    </Tooltip>
  );
}

/**
 * The ticket's channels at a glance: where this customer can be reached (every identity, with
 * the channel they last used it on) and whether our latest replies arrived.
 */
export default function ChannelsPanel({ ticket }: TicketPanelProps) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const identities = useContactIdentities(ticket.contactId);
  const deliveries = useDeliveries(ticket.id);
  const outbound = (deliveries.data ?? []).filter((d) => d.direction === 'outbound').slice(-4).reverse();
  if ((identities.data?.length ?? 0) === 0 && outbound.length === 0) return null;
  return (
    <TicketPanelCard title={t('channels.panel.title')} testId="channels-panel">
      <Stack gap={6}>
        {(identities.data ?? []).map((i) => (
          <Group key={i.id} gap={6} wrap="nowrap" justify="space-between">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <ChannelIcon channel={i.lastChannel ?? kindChannel[i.kind] ?? i.kind} size={14} />
              <Text size="sm" dir="ltr" truncate>
                {i.kind === 'chat' ? (i.label ? t('channels.panel.chatVisitorUnconfirmed', { email: i.label }) : t('channels.panel.chatVisitor')) : i.label && i.kind === 'telegram' ? i.label : i.value}
              </Text>
            </Group>
            {i.lastSeenAt && <TimeAgo value={i.lastSeenAt} />}
          </Group>
        ))}
        {outbound.length > 0 && (
          <>
            <Text size="xs" c="dimmed" mt={4}>{t('channels.panel.deliveries')}</Text>
            {outbound.map((d, index) => (
              <Group key={`${d.messageId}-${index}`} gap={6} wrap="nowrap" justify="space-between">
                <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                  <ChannelIcon channel={d.channel} size={14} />
                  <Text size="xs" truncate dir="ltr">{d.address ?? codeLabel('channel', d.channel)}</Text>
                </Group>
                <StatusMark d={d} />
              </Group>
            ))}
          </>
        )}
      </Stack>
    </TicketPanelCard>
  );
}
