import { Stack, Text, Tooltip } from '@mantine/core';
import { useIntl } from 'react-intl';
import { useQueueSla } from '../../api/sla';
import type { QueueColumnProps } from '../../tickets/queue-columns';
import { useT } from '../../i18n/use-t';
import { SlaStateBadge } from './sla-badge';
import { slaStateColors, useTimeLeft } from './sla-format';

/**
 * The SLA cell of a queue row: the state of the clock that matters now and the business time
 * left (or over). Every row asks for the same batch, so the page makes one request.
 */
export default function QueueSlaCell({ ticket, tickets }: QueueColumnProps) {
  const t = useT();
  const intl = useIntl();
  const timeLeft = useTimeLeft();
  const sla = useQueueSla(tickets.map((x) => x.id));
  const item = sla.data?.get(ticket.id);
  if (!item?.state || !item.metric) return <Text size="xs" c="dimmed">—</Text>;
  const running = item.state !== 'met';
  const label =
    item.state === 'paused'
      ? t('sla.queue.tooltipPaused', { metric: t(`sla.metric.${item.metric}`) })
      : t('sla.queue.tooltip', {
          metric: t(`sla.metric.${item.metric}`),
          state: t(`sla.state.${item.state}`),
          due: item.dueAt ? intl.formatDate(item.dueAt, { dateStyle: 'medium', timeStyle: 'short' }) : '—',
        });
  return (
    <Tooltip label={label} withArrow>
      <Stack gap={2} align="flex-start" data-testid="queue-sla" data-sla-state={item.state}>
        <SlaStateBadge state={item.state} />
        {running && item.remainingBusinessMinutes !== null && (
          <Text size="xs" c={slaStateColors[item.state]} fw={item.state === 'breached' ? 600 : 400} className="tabular" data-testid="queue-sla-left">
            {timeLeft(item.remainingBusinessMinutes, item.state)}
          </Text>
        )}
      </Stack>
    </Tooltip>
  );
}
