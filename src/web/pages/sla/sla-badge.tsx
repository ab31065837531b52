import { Badge, type BadgeProps } from '@mantine/core';
import { IconAlarm, IconAlertTriangleFilled, IconCheck, IconClock, IconPlayerPause } from '@tabler/icons-react';
import type { SlaState } from '../../api/sla';
import { useT } from '../../i18n/use-t';
import { slaStateColors } from './sla-format';

const icons = { ok: IconClock, warning: IconAlarm, breached: IconAlertTriangleFilled, met: IconCheck, paused: IconPlayerPause };

/** An SLA state as a coloured badge; breached is filled so it stands out in a long queue. */
export function SlaStateBadge({ state, ...props }: { state: SlaState } & BadgeProps) {
  const t = useT();
  const Icon = icons[state];
  return (
    <Badge
      color={slaStateColors[state]}
      variant={state === 'breached' ? 'filled' : 'light'}
      size="sm"
      leftSection={<Icon size={12} stroke={2.2} />}
      data-sla-state={state}
      {...props}
    >
      {t(`sla.state.${state}`)}
    </Badge>
  );
}
