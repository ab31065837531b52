import { Anchor, Group, Select, Stack, TagsInput, TextInput, type ComboboxData } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTeams, useUsers } from '../../api/people';
import { useUpdateTicket } from '../../api/tickets';
import { ticketPriorities, ticketStatuses, type Ticket, type TicketPatch } from '../../api/types';
import { useCurrentUser } from '../../app/session';
import { useT } from '../../i18n/use-t';
import { TicketPanelCard } from '../../tickets/panel-card';
import { needsHandoff } from '../../../tickets/browser';

const TransferDialog = lazy(() => import('../sla/transfer-dialog'));

const none = '__none__';

/**
 * The ticket's editable fields. Each change is saved at once (like Zendesk's side bar): agents
 * triage many tickets and should not have to remember a save button.
 */
export function PropertiesPanel({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const me = useCurrentUser();
  const users = useUsers();
  const teams = useTeams();
  const update = useUpdateTicket(ticket.id);
  const disabled = !ticket.permissions.update;
  const [type, setType] = useState(ticket.type ?? '');
  useEffect(() => setType(ticket.type ?? ''), [ticket.type]);

  // Moving a case away from its owner goes through the transfer dialog and its hand-off summary
  // (the server refuses it otherwise); the same rule module decides on both sides.
  const [transferTo, setTransferTo] = useState<{ teamId: string | null; assigneeId: string | null } | null>(null);
  const save = (patch: TicketPatch) => {
    if (needsHandoff(ticket, patch)) {
      setTransferTo({ teamId: patch.teamId ?? null, assigneeId: patch.assigneeId ?? null });
      return;
    }
    update.mutate(patch, {
      onError: (error) => notifications.show({ color: 'red', title: t('ticket.saveFailed'), message: error.message }),
    });
  };

  const staff = (users.data ?? []).filter((u) => u.staff && (u.active || u.id === ticket.assigneeId));
  const teamMembers = ticket.teamId ? staff.filter((u) => u.teamIds.includes(ticket.teamId!)) : [];
  const others = staff.filter((u) => !teamMembers.includes(u));
  const assigneeData: ComboboxData = [
    { value: none, label: t('ticket.unassigned') },
    ...(teamMembers.length
      ? [
          { group: t('ticket.assignee.team'), items: teamMembers.map((u) => ({ value: u.id, label: u.name })) },
          { group: t('ticket.assignee.others'), items: others.map((u) => ({ value: u.id, label: u.name })) },
        ]
      : others.map((u) => ({ value: u.id, label: u.name }))),
  ];
  // Keep the current assignee visible even before the user list has loaded.
  if (ticket.assignee && !staff.some((u) => u.id === ticket.assignee!.id)) {
    (assigneeData as { value: string; label: string }[]).push({ value: ticket.assignee.id, label: ticket.assignee.name });
  }

  return (
    <TicketPanelCard
      title={t('ticket.properties')}
      testId="properties-panel"
      actions={
        !disabled && ticket.assigneeId !== me.id ? (
          <Anchor size="xs" component="button" onClick={() => save({ assigneeId: me.id })} data-testid="assign-me">
            {t('ticket.assignToMe')}
          </Anchor>
        ) : null
      }
    >
      <Stack gap={8}>
        <Group grow gap="xs">
          <Select
            label={t('ticket.field.status')}
            size="xs"
            data={ticketStatuses.map((s) => ({ value: s, label: t(`ticket.status.${s}`) }))}
            value={ticket.status}
            onChange={(v) => v && v !== ticket.status && save({ status: v as Ticket['status'] })}
            disabled={disabled}
            data-testid="field-status"
          />
          <Select
            label={t('ticket.field.priority')}
            size="xs"
            data={ticketPriorities.map((p) => ({ value: p, label: t(`ticket.priority.${p}`) }))}
            value={ticket.priority}
            onChange={(v) => v && v !== ticket.priority && save({ priority: v as Ticket['priority'] })}
            disabled={disabled}
            data-testid="field-priority"
          />
        </Group>
        <Select
          label={t('ticket.field.team')}
          size="xs"
          searchable
          data={[{ value: none, label: t('ticket.noTeam') }, ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))]}
          value={ticket.teamId ?? none}
          onChange={(v) => save({ teamId: v === none ? null : v })}
          disabled={disabled}
          data-testid="field-team"
        />
        <Select
          label={t('ticket.field.assignee')}
          size="xs"
          searchable
          data={assigneeData}
          value={ticket.assigneeId ?? none}
          onChange={(v) => save({ assigneeId: v === none ? null : v })}
          disabled={disabled}
          nothingFoundMessage={t('common.nothingFound')}
          data-testid="field-assignee"
        />
        <TextInput
          label={t('ticket.field.type')}
          size="xs"
          value={type}
          placeholder={t('ticket.typePlaceholder')}
          onChange={(e) => setType(e.currentTarget.value)}
          onBlur={() => type.trim() !== (ticket.type ?? '') && save({ type: type.trim() || null })}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          disabled={disabled}
        />
        <TagsInput
          label={t('ticket.field.tags')}
          size="xs"
          value={ticket.tags}
          onChange={(tags) => save({ tags })}
          placeholder={t('ticket.tagsPlaceholder')}
          disabled={disabled}
          clearable
          data-testid="field-tags"
        />
      </Stack>
      {transferTo && (
        <Suspense fallback={null}>
          <TransferDialog ticket={ticket} initialTeamId={transferTo.teamId} initialAssigneeId={transferTo.assigneeId} onClose={() => setTransferTo(null)} />
        </Suspense>
      )}
    </TicketPanelCard>
  );
}
