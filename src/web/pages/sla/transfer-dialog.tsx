import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { usePatience, useTransfer, useTransferDraft } from '../../api/sla';
import { useTeams, useUsers } from '../../api/people';
import type { Ticket } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { useHandoffText } from './handoff-text';

/**
 * Transfer with a hand-off summary: pick the team and/or person, edit the summary the server
 * drafted from the record, and send. Warns when the case would go back to someone it already
 * left (ping-pong, seed 004's first complaint).
 */
export default function TransferDialog({ ticket, onClose, initialTeamId = null, initialAssigneeId = null }: { ticket: Ticket; onClose: () => void; initialTeamId?: string | null; initialAssigneeId?: string | null }) {
  const t = useT();
  const teams = useTeams();
  const users = useUsers();
  const patience = usePatience(ticket.id);
  const transfer = useTransfer(ticket.id);
  const [teamId, setTeamId] = useState<string | null>(initialTeamId);
  const [assigneeId, setAssigneeId] = useState<string | null>(initialAssigneeId);
  const [summary, setSummary] = useState('');
  const [edited, setEdited] = useState(false);
  const target = { ...(teamId ? { teamId } : {}), ...(assigneeId ? { assigneeId } : {}) };
  const draft = useTransferDraft(ticket.id, target, Boolean(teamId || assigneeId));
  const minLength = draft.data?.minLength ?? 20;
  const handoffText = useHandoffText();

  // The draft follows the chosen target until the agent starts editing it, worded in the UI's language.
  useEffect(() => {
    if (draft.data && !edited) setSummary(handoffText(draft.data.facts));
  }, [draft.data, edited, handoffText]);

  const staff = (users.data ?? []).filter((u) => u.active && u.staff && (!teamId || u.teamIds.includes(teamId)));
  const owners = patience.data?.facts.previousOwners;
  // Going back to a person, or to a team, the case already left.
  const returningUser = assigneeId && assigneeId !== ticket.assigneeId && owners?.userIds.includes(assigneeId) ? users.data?.find((u) => u.id === assigneeId) : undefined;
  const returningTeam = teamId && teamId !== ticket.teamId && owners?.teamIds.includes(teamId) ? teams.data?.find((x) => x.id === teamId) : undefined;
  const returning = returningUser?.name ?? returningTeam?.name;
  const changed = (teamId !== null && teamId !== ticket.teamId) || (assigneeId !== null && assigneeId !== ticket.assigneeId);
  const tooShort = summary.trim().length < minLength;

  const submit = () =>
    transfer.mutate(
      // No team picked: leave it out, so the server keeps the case's team (or moves it to the
      // person's team) instead of clearing it and dropping the case out of "My team".
      { ...(teamId ? { teamId } : {}), assigneeId: assigneeId ?? null, summary },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('transfer.done') });
          onClose();
        },
      },
    );

  return (
    <Modal opened onClose={onClose} title={t('transfer.title')} size="lg" data-testid="transfer-dialog">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('transfer.explain')}
        </Text>
        <Group grow align="flex-start">
          <Select
            label={t('transfer.team')}
            // Without a pick the case keeps its team (or follows the person to theirs): say so.
            placeholder={ticket.team ? t('transfer.keepTeam', { team: ticket.team.name }) : undefined}
            data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            value={teamId}
            onChange={(v) => {
              setTeamId(v);
              setAssigneeId(null);
            }}
            searchable
            data-testid="transfer-team"
          />
          <Select
            label={t('transfer.assignee')}
            placeholder={t('transfer.anyone')}
            data={staff.filter((u) => u.id !== ticket.assigneeId).map((u) => ({ value: u.id, label: u.name }))}
            value={assigneeId}
            onChange={setAssigneeId}
            searchable
            clearable
            data-testid="transfer-assignee"
          />
        </Group>
        {returning && (
          <Alert color="orange" icon={<IconArrowBackUp size={16} />} data-testid="transfer-pingpong">
            {t('transfer.pingPongWarning', { name: returning })}
          </Alert>
        )}
        <Textarea
          label={t('transfer.summary')}
          value={summary}
          onChange={(e) => {
            setEdited(true);
            setSummary(e.currentTarget.value);
          }}
          autosize
          minRows={8}
          maxRows={18}
          error={summary && tooShort ? t('transfer.tooShort', { min: minLength }) : undefined}
          data-testid="transfer-summary"
        />
        {transfer.error && <Alert color="red">{transfer.error.message}</Alert>}
        <Group justify="flex-end">
          <Button onClick={submit} disabled={!changed || tooShort} loading={transfer.isPending} data-testid="transfer-submit">
            {changed ? t('transfer.submit') : t('transfer.pickTarget')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
