import { Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { useIntl } from 'react-intl';
import { useTicketSla, type SlaClock, type TicketSla } from '../../api/sla';
import type { Ticket } from '../../api/types';
import { QueryState } from '../../components/query-state';
import { useT } from '../../i18n/use-t';
import { PanelField, TicketPanelCard } from '../../tickets/panel-card';
import { SlaStateBadge } from './sla-badge';
import { slaStateColors, useMinutes, useTimeLeft } from './sla-format';

/** One target: its state, time left and how much of the target is used. */
function ClockRow({ clock }: { clock: SlaClock }) {
  const t = useT();
  const intl = useIntl();
  const minutes = useMinutes();
  const timeLeft = useTimeLeft();
  const used = Math.min(100, Math.max(0, (clock.elapsedBusinessMinutes / clock.targetMinutes) * 100));
  const when = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Stack gap={4} data-testid={`sla-clock-${clock.metric}`} data-sla-state={clock.state}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={500}>
          {t(`sla.metric.${clock.metric}`)}
        </Text>
        <SlaStateBadge state={clock.state} />
      </Group>
      <Tooltip label={t('sla.panel.target', { time: minutes(clock.targetMinutes) })} withArrow>
        <Progress value={used} color={slaStateColors[clock.state]} size="sm" aria-label={t(`sla.metric.${clock.metric}`)} />
      </Tooltip>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c={clock.state === 'met' ? 'dimmed' : slaStateColors[clock.state]} className="tabular">
          {clock.state === 'met' ? minutes(clock.elapsedBusinessMinutes) : timeLeft(clock.remainingBusinessMinutes, clock.state)}
        </Text>
        <Text size="xs" c="dimmed">
          {clock.stoppedAt ? t('sla.panel.stopped', { at: when(clock.stoppedAt) }) : clock.dueAt ? t('sla.panel.due', { due: when(clock.dueAt) }) : null}
        </Text>
      </Group>
      {clock.earlierBreaches > 0 && (
        <Text size="xs" c="red">
          {t('sla.breaches', { count: clock.earlierBreaches })}
        </Text>
      )}
    </Stack>
  );
}

function SlaBody({ sla }: { sla: TicketSla }) {
  const t = useT();
  if (!sla.policy || !sla.calendar) {
    return (
      <Text size="sm" c="dimmed">
        {t('sla.panel.none')}
      </Text>
    );
  }
  const def = sla.calendar.definition;
  return (
    <Stack gap="sm">
      {sla.clocks.map((c) => (
        <ClockRow key={c.metric} clock={c} />
      ))}
      <div>
        <PanelField label={t('sla.panel.policy')}>{sla.policy.name}</PanelField>
        <PanelField label={t('sla.panel.calendar')}>
          <Tooltip label={t(`sla.source.${sla.calendar.source}`)} withArrow>
            <span>{t(def.alwaysOpen ? 'sla.alwaysOpen' : 'sla.businessHours', { zone: def.timeZone })}</span>
          </Tooltip>
        </PanelField>
      </div>
      <Text size="xs" c="dimmed">
        {t('sla.panel.pausedHint')} {sla.policy.pauseOnHold ? t('sla.panel.onHoldPauses') : ''}
      </Text>
    </Stack>
  );
}

/** The ticket's SLA targets with time left, state and due times, counted in business time. */
export default function SlaPanel({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const sla = useTicketSla(ticket.id);
  return (
    <TicketPanelCard title={t('sla.panel.title')} testId="sla-panel">
      <QueryState query={sla}>{(data) => <SlaBody sla={data} />}</QueryState>
    </TicketPanelCard>
  );
}
