import { ActionBar, Button, Group, Menu, Modal, Select, Stack, Text, TextInput, type AffixPosition } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconFlag, IconTag, IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useUsers } from '../../api/people';
import { useBulkUpdateTickets } from '../../api/tickets';
import { ticketPriorities, ticketStatuses, type BulkTicketPatch, type BulkTicketResult, type TicketPriority, type TicketStatus } from '../../api/types';
import { useCurrentUser } from '../../app/session';
import { StatusBadge } from '../../components/status-badge';
import { useT } from '../../i18n/use-t';
import type { QueueSelection } from './use-queue-selection';

type Draft =
  | { kind: 'status'; value: TicketStatus }
  | { kind: 'priority'; value: TicketPriority }
  | { kind: 'assign'; value: string | null }
  | { kind: 'tag'; value: string };

const unassigned = '__none__';
// Beside the navigation (228 px wide) on a wide screen, on the start side: the end side is where
// toasts appear, and the bar's answer is a toast that must not cover it.
const besideNavigation = 228 + 24;

function toPatch(draft: Draft): BulkTicketPatch | null {
  switch (draft.kind) {
    case 'status':
      return { status: draft.value };
    case 'priority':
      return { priority: draft.value };
    case 'assign':
      return { assigneeId: draft.value };
    case 'tag':
      return draft.value.trim() ? { addTags: [draft.value.trim()] } : null;
  }
}

/**
 * The bar that floats over the queue while tickets are ticked: status, priority, assignee or a
 * tag for all of them at once. Every change is confirmed with the count first, and the answer is
 * reported as a toast — including the tickets the server refused, which stay ticked for a retry.
 */
export function BulkBar({ selection }: { selection: QueueSelection }) {
  const t = useT();
  const me = useCurrentUser();
  const count = selection.tickets.length;
  const users = useUsers(count > 0);
  const bulk = useBulkUpdateTickets();
  const [draft, setDraft] = useState<Draft | null>(null);
  const wide = useMediaQuery('(min-width: 62em)');
  // Affix's `left` is the inline start (inset-inline-start), so this also holds right-to-left.
  const position: AffixPosition | undefined = wide ? { bottom: 24, left: besideNavigation } : undefined;

  const staff = (users.data ?? []).filter((u) => u.staff && u.active);
  const assigneeData = [
    { value: me.id, label: t('bulk.assign.me', { name: me.name }) },
    { value: unassigned, label: t('ticket.unassigned') },
    ...staff.filter((u) => u.id !== me.id).map((u) => ({ value: u.id, label: u.name })),
  ];

  const patch = draft ? toPatch(draft) : null;

  const report = (result: BulkTicketResult) => {
    const numbers = new Map(selection.tickets.map((ticket) => [ticket.id, ticket.number]));
    if (result.failed.length === 0) {
      notifications.show({ color: 'teal', message: t('bulk.done', { count: result.updated.length }) });
    } else {
      notifications.show({
        color: result.updated.length ? 'yellow' : 'red',
        title: t('bulk.partial', { updated: result.updated.length, failed: result.failed.length }),
        message: (
          <Stack gap={2}>
            {result.failed.slice(0, 3).map((f) => (
              <Text key={f.id} size="sm">
                {t('bulk.failure', { number: numbers.get(f.id) ?? '?', detail: f.detail })}
              </Text>
            ))}
          </Stack>
        ),
        autoClose: 10_000,
      });
    }
    selection.keepOnly(result.failed.map((f) => f.id));
  };

  const apply = () => {
    if (!patch) return;
    bulk.mutate(
      { ticketIds: selection.tickets.map((ticket) => ticket.id), patch },
      {
        onSuccess: (result) => {
          setDraft(null);
          report(result);
        },
        onError: (error) => notifications.show({ color: 'red', title: t('bulk.failed'), message: error.message }),
      },
    );
  };

  return (
    <>
      <ActionBar opened={count > 0} onClose={selection.clear} position={position} closeOnEscape shadow="md" radius="md" aria-label={t('bulk.actions')} data-testid="bulk-bar">
        <Text size="sm" fw={600} px={4} data-testid="bulk-count">
          {t('bulk.selected', { count })}
        </Text>
        <ActionBar.Divider />
        <Menu position="top" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} />} data-testid="bulk-status">
              {t('bulk.status')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {ticketStatuses.map((status) => (
              <Menu.Item key={status} onClick={() => setDraft({ kind: 'status', value: status })} data-testid={`bulk-status-${status}`}>
                <StatusBadge status={status} />
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Menu position="top" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="default" leftSection={<IconFlag size={14} />} rightSection={<IconChevronDown size={14} />} data-testid="bulk-priority">
              {t('bulk.priority')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {ticketPriorities.map((priority) => (
              <Menu.Item key={priority} onClick={() => setDraft({ kind: 'priority', value: priority })} data-testid={`bulk-priority-${priority}`}>
                {t(`ticket.priority.${priority}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Button size="xs" variant="default" leftSection={<IconUserShare size={14} />} onClick={() => setDraft({ kind: 'assign', value: me.id })} data-testid="bulk-assign">
          {t('bulk.assign')}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconTag size={14} />} onClick={() => setDraft({ kind: 'tag', value: '' })} data-testid="bulk-tag">
          {t('bulk.addTag')}
        </Button>
        <ActionBar.Divider />
        <ActionBar.CloseButton aria-label={t('bulk.clear')} data-testid="bulk-clear" />
      </ActionBar>

      <Modal opened={draft !== null} onClose={() => !bulk.isPending && setDraft(null)} title={draft ? t(`bulk.confirm.${draft.kind}`) : ''} centered size="sm">
        {draft && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              apply();
            }}
          >
            <Stack gap="md">
              {draft.kind === 'status' && <Group gap={6}><Text size="sm">{t('bulk.confirm.to')}</Text><StatusBadge status={draft.value} /></Group>}
              {draft.kind === 'priority' && <Text size="sm">{t('bulk.confirm.toValue', { value: t(`ticket.priority.${draft.value}`) })}</Text>}
              {draft.kind === 'assign' && (
                <Select
                  label={t('bulk.assign.label')}
                  data={assigneeData}
                  value={draft.value ?? unassigned}
                  onChange={(v) => v && setDraft({ kind: 'assign', value: v === unassigned ? null : v })}
                  searchable
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  data-testid="bulk-assignee"
                />
              )}
              {draft.kind === 'tag' && (
                <TextInput
                  label={t('bulk.tag.label')}
                  value={draft.value}
                  onChange={(e) => setDraft({ kind: 'tag', value: e.currentTarget.value })}
                  maxLength={100}
                  data-autofocus
                  data-testid="bulk-tag-input"
                />
              )}
              <Text size="sm" c="dimmed" data-testid="bulk-confirm-count">
                {t('bulk.confirm.count', { count })}
              </Text>
              <Group justify="flex-end" gap="xs">
                <Button variant="default" onClick={() => setDraft(null)} disabled={bulk.isPending}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={bulk.isPending} disabled={!patch} data-testid="bulk-apply">
                  {t('bulk.apply', { count })}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
