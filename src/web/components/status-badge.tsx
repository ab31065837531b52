import { Badge, type BadgeProps } from '@mantine/core';
import type { TicketStatus } from '../api/types';
import { useT } from '../i18n/use-t';

/** Colour per status, shared by badges, filters and charts so a status looks the same everywhere. */
export const statusColors: Record<TicketStatus, string> = {
  new: 'cyan',
  open: 'brand',
  pending: 'orange',
  on_hold: 'grape',
  solved: 'teal',
  closed: 'gray',
};

/** A ticket status as a small coloured badge. */
export function StatusBadge({ status, ...props }: { status: TicketStatus } & BadgeProps) {
  const t = useT();
  return (
    <Badge color={statusColors[status]} variant={status === 'closed' ? 'outline' : 'light'} size="sm" {...props}>
      {t(`ticket.status.${status}`)}
    </Badge>
  );
}
