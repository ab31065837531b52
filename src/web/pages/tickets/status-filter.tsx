import { Button, Checkbox, Divider, Group, Popover, Stack, UnstyledButton } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { openStatuses, ticketStatuses, type TicketStatus } from '../../api/types';
import { StatusBadge } from '../../components/status-badge';
import { useT } from '../../i18n/use-t';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * A compact status filter: one button that summarises the choice ("Unsolved", "Pending",
 * "3 statuses") and opens a checklist, so the filter bar stays one line high.
 */
export function StatusFilter({ value, onChange }: { value: TicketStatus[]; onChange: (value: TicketStatus[]) => void }) {
  const t = useT();
  const summary =
    value.length === 0
      ? t('queue.filter.anyStatus')
      : sameSet(value, openStatuses)
        ? t('queue.filter.unsolved')
        : value.length === 1
          ? t(`ticket.status.${value[0]}`)
          : t('queue.filter.statusCount', { count: value.length });
  return (
    <Popover position="bottom-start" shadow="md" width={220}>
      <Popover.Target>
        <Button
          size="xs"
          variant="default"
          rightSection={<IconChevronDown size={14} />}
          aria-label={t('queue.filter.status')}
          data-testid="status-filter"
          fw={500}
        >
          {t('queue.filter.status')}: {summary}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Checkbox.Group value={value} onChange={(v) => onChange(ticketStatuses.filter((s) => v.includes(s)))}>
          <Stack gap={6}>
            {ticketStatuses.map((s) => (
              <Checkbox key={s} value={s} size="xs" label={<StatusBadge status={s} />} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Divider my="xs" />
        <Group justify="space-between">
          <UnstyledButton fz="xs" c="brand.7" onClick={() => onChange([...openStatuses])}>
            {t('queue.filter.unsolved')}
          </UnstyledButton>
          <UnstyledButton fz="xs" c="dimmed" onClick={() => onChange([])}>
            {t('queue.filter.anyStatus')}
          </UnstyledButton>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
