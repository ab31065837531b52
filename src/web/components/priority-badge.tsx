import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangleFilled, IconArrowDown, IconArrowUp, IconMinus } from '@tabler/icons-react';
import type { TicketPriority } from '../api/types';
import { useT } from '../i18n/use-t';

export const priorityColors: Record<TicketPriority, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

const icons = { low: IconArrowDown, normal: IconMinus, high: IconArrowUp, urgent: IconAlertTriangleFilled };

/** Priority as icon + word; urgent is filled so it stands out in a long queue. */
export function PriorityBadge({ priority }: { priority: TicketPriority }) {
  const t = useT();
  const Icon = icons[priority];
  return (
    <Badge
      color={priorityColors[priority]}
      variant={priority === 'urgent' ? 'filled' : 'light'}
      size="sm"
      leftSection={<Icon size={12} stroke={2.2} />}
    >
      {t(`ticket.priority.${priority}`)}
    </Badge>
  );
}

/** A compact priority mark for dense tables: only the icon, the word in a tooltip. */
export function PriorityMark({ priority, iconOnly = false }: { priority: TicketPriority; iconOnly?: boolean }) {
  const t = useT();
  const Icon = icons[priority];
  const label = t(`ticket.priority.${priority}`);
  return (
    <Tooltip label={label}>
      <Group gap={4} wrap="nowrap" c={`${priorityColors[priority]}.7`} aria-label={label}>
        <Icon size={14} stroke={2.2} />
        {!iconOnly && (
          <Text size="xs" fw={500} c="inherit" visibleFrom="lg">
            {label}
          </Text>
        )}
      </Group>
    </Tooltip>
  );
}
