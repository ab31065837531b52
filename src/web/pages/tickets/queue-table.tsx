import { Anchor, Badge, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useHotkeys, useMediaQuery } from '@mantine/hooks';
import { Suspense, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { TicketSummary } from '../../api/types';
import { ChannelIcon } from '../../components/channel-icon';
import { PersonAvatar } from '../../components/person-avatar';
import { PriorityMark } from '../../components/priority-badge';
import { StatusBadge } from '../../components/status-badge';
import { TimeAgo } from '../../components/time-ago';
import { useT } from '../../i18n/use-t';
import { activeQueueColumns } from '../../tickets/queue-columns';
import classes from './queue-table.module.css';
import type { QueueSelection } from './use-queue-selection';

/** Below this width the queue is a list of cards instead of a table (phones). */
const CARDS_BELOW = '40em';

/**
 * The queue as a dense table (a list of cards on a phone). `j`/`k` move the cursor row and Enter opens it, so an agent can
 * triage without the mouse; the subject is a real link so middle-click opens a new tab. With a
 * `selection`, rows get check boxes for bulk changes (shift-click ticks a range, `x` the cursor row).
 */
export function QueueTable({ tickets, ticketPath = (id) => `/tickets/${id}`, compact = false, staff = true, selection }: {
  tickets: TicketSummary[];
  ticketPath?: (id: string) => string;
  compact?: boolean;
  /** False in the customer portal: the extra columns from `queue-columns.ts` are for staff only. */
  staff?: boolean;
  selection?: QueueSelection;
}) {
  const t = useT();
  const navigate = useNavigate();
  const [cursor, setCursor] = useState(-1);
  const extraColumns = staff ? activeQueueColumns() : [];
  useEffect(() => setCursor((c) => Math.min(c, tickets.length - 1)), [tickets.length]);

  useHotkeys([
    ['j', () => setCursor((c) => Math.min(tickets.length - 1, c + 1))],
    ['k', () => setCursor((c) => Math.max(0, c - 1))],
    ['Enter', () => { const ticket = tickets[cursor]; if (ticket) navigate(ticketPath(ticket.id)); }],
    ['o', () => { const ticket = tickets[cursor]; if (ticket) navigate(ticketPath(ticket.id)); }],
    ['x', () => { if (selection && tickets[cursor]) selection.toggle(cursor, false); }],
  ]);

  useEffect(() => {
    document.querySelector(`[data-row-index="${cursor}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  // A phone has no room for columns: below the breakpoint every ticket is a card that keeps the
  // subject whole (two lines), who it is from, its status, the staff columns (SLA) and its age.
  const phone = useMediaQuery(`(max-width: ${CARDS_BELOW})`, false, { getInitialValueInEffect: false });
  if (phone) {
    return (
      <Stack gap={0} className={classes.cards} data-testid="queue-cards" role="list">
        {tickets.map((ticket, index) => (
          <div
            key={ticket.id}
            role="listitem"
            data-row-index={index}
            data-active={index === cursor || undefined}
            data-selected={selection?.isSelected(ticket.id) || undefined}
            className={classes.card}
            data-testid="queue-card"
          >
            <Group gap={8} wrap="nowrap" align="flex-start">
              {selection && (
                <Checkbox
                  size="sm"
                  mt={2}
                  checked={selection.isSelected(ticket.id)}
                  onChange={(e) => selection.toggle(index, (e.nativeEvent as MouseEvent).shiftKey === true)}
                  aria-label={t('bulk.select', { number: ticket.number })}
                  data-testid="queue-select"
                />
              )}
              <span className={classes.channel} style={{ marginTop: 3 }}>
                <ChannelIcon channel={ticket.channel} size={15} />
              </span>
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                <Anchor component={Link} to={ticketPath(ticket.id)} className={classes.cardSubject} data-status={ticket.status} data-testid="queue-ticket-link" dir="auto">
                  {ticket.subject}
                </Anchor>
                <Text size="xs" c="dimmed" className={classes.cardMeta}>
                  <span className="tabular">#{ticket.number}</span>
                  {ticket.contact && <> · <bdi>{ticket.contact.name}</bdi></>}
                  {ticket.organisation && <> · <bdi>{ticket.organisation.name}</bdi></>}
                </Text>
                <Group gap={8} wrap="wrap" align="center">
                  <PriorityMark priority={ticket.priority} iconOnly={compact} />
                  <StatusBadge status={ticket.status} />
                  {extraColumns.map((c) => (
                    <Suspense key={c.id} fallback={null}>
                      <c.component ticket={ticket} tickets={tickets} />
                    </Suspense>
                  ))}
                  <Text size="xs" c="dimmed" ms="auto">
                    <TimeAgo value={ticket.updatedAt} />
                  </Text>
                </Group>
              </Stack>
            </Group>
          </div>
        ))}
      </Stack>
    );
  }

  return (
    <Table highlightOnHover verticalSpacing={7} horizontalSpacing="sm" className={classes.table} stickyHeader data-testid="queue-table">
      <Table.Thead>
        <Table.Tr>
          {selection && (
            <Table.Th w={40}>
              <Checkbox
                size="xs"
                checked={selection.allSelected}
                indeterminate={selection.someSelected && !selection.allSelected}
                onChange={selection.toggleAll}
                aria-label={t('bulk.selectAll')}
                data-testid="queue-select-all"
              />
            </Table.Th>
          )}
          <Table.Th w={compact ? 40 : 112}>{compact ? null : t('queue.col.priority')}</Table.Th>
          <Table.Th>{t('queue.col.subject')}</Table.Th>
          <Table.Th w={124}>{t('queue.col.status')}</Table.Th>
          {extraColumns.map((c) => <Table.Th key={c.id} w={c.width}>{t(c.label)}</Table.Th>)}
          {!compact && <Table.Th w={160} visibleFrom="md">{t('queue.col.assignee')}</Table.Th>}
          {!compact && <Table.Th w={110} visibleFrom="xl">{t('queue.col.team')}</Table.Th>}
          <Table.Th w={140} ta="end">{t('queue.col.updated')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tickets.map((ticket, index) => (
          <Table.Tr
            key={ticket.id}
            data-row-index={index}
            data-active={index === cursor || undefined}
            data-selected={selection?.isSelected(ticket.id) || undefined}
            className={classes.row}
            onClick={(e) => {
              if ((e.target as HTMLElement).closest('a')) return;
              navigate(ticketPath(ticket.id));
            }}
          >
            {selection && (
              // The whole cell ticks the box: a narrow target is easy to miss and would open the ticket.
              <Table.Td
                className={classes.select}
                onClick={(e) => {
                  e.stopPropagation();
                  if (e.target instanceof HTMLInputElement) return; // the box handles its own click
                  selection.toggle(index, e.shiftKey);
                }}
              >
                <Checkbox
                  size="xs"
                  checked={selection.isSelected(ticket.id)}
                  onChange={(e) => selection.toggle(index, (e.nativeEvent as MouseEvent).shiftKey === true)}
                  aria-label={t('bulk.select', { number: ticket.number })}
                  data-testid="queue-select"
                />
              </Table.Td>
            )}
            <Table.Td><PriorityMark priority={ticket.priority} iconOnly={compact} /></Table.Td>
            <Table.Td>
              <Group gap={8} wrap="nowrap" miw={0}>
                <span className={classes.channel}>
                  <ChannelIcon channel={ticket.channel} size={15} />
                </span>
                <div style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="nowrap" miw={0}>
                    <Anchor
                      component={Link}
                      to={ticketPath(ticket.id)}
                      className={classes.subject}
                      data-status={ticket.status}
                      data-testid="queue-ticket-link"
                      dir="auto"
                    >
                      {ticket.subject}
                    </Anchor>
                    {ticket.tags.slice(0, 2).map((tag) => (
                      <Badge key={tag} size="xs" variant="default" radius="sm" fw={500} visibleFrom="lg" style={{ flexShrink: 0 }}>
                        {tag}
                      </Badge>
                    ))}
                  </Group>
                  <Text size="xs" c="dimmed" truncate>
                    <span className="tabular">#{ticket.number}</span>
                    {/* <bdi> keeps each name's punctuation with it when the UI runs right-to-left. */}
                    {ticket.contact && <> · <bdi>{ticket.contact.name}</bdi></>}
                    {ticket.organisation && <> · <bdi>{ticket.organisation.name}</bdi></>}
                  </Text>
                </div>
              </Group>
            </Table.Td>
            <Table.Td>
              <StatusBadge status={ticket.status} />
            </Table.Td>
            {extraColumns.map((c) => (
              <Table.Td key={c.id}>
                <Suspense fallback={null}>
                  <c.component ticket={ticket} tickets={tickets} />
                </Suspense>
              </Table.Td>
            ))}
            {!compact && (
              <Table.Td visibleFrom="md">
                {ticket.assignee ? (
                  <Group gap={6} wrap="nowrap">
                    <PersonAvatar name={ticket.assignee.name} id={ticket.assignee.id} size={22} />
                    <Text size="sm" truncate>
                      {ticket.assignee.name}
                    </Text>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('ticket.unassigned')}
                  </Text>
                )}
              </Table.Td>
            )}
            {!compact && (
              <Table.Td visibleFrom="xl">
                <Text size="sm" c={ticket.team ? undefined : 'dimmed'} truncate>
                  {ticket.team?.name ?? '—'}
                </Text>
              </Table.Td>
            )}
            <Table.Td ta="end">
              <TimeAgo value={ticket.updatedAt} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
