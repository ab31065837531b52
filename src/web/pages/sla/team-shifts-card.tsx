import { Button, Group, MultiSelect, NumberInput, Paper, Select, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTeams } from '../../api/people';
import { useDeleteTeamShift, useSaveTeamShift, useTeamShifts, type Calendar, type TeamShift } from '../../api/sla';
import type { Team } from '../../api/types';
import { ticketPriorities } from '../../api/types';
import { useT } from '../../i18n/use-t';

function ShiftRow({ team, shift, calendars, canEdit }: { team: Team; shift: TeamShift | undefined; calendars: Calendar[]; canEdit: boolean }) {
  const t = useT();
  const save = useSaveTeamShift();
  const remove = useDeleteTeamShift();
  const [calendarId, setCalendarId] = useState<string | null>(shift?.calendarId ?? null);
  const [rotation, setRotation] = useState<number | string>(shift?.rotation ?? 0);
  const [priorities, setPriorities] = useState<string[]>(shift?.handoffPriorities ?? ['urgent']);
  useEffect(() => {
    setCalendarId(shift?.calendarId ?? null);
    setRotation(shift?.rotation ?? 0);
    setPriorities(shift?.handoffPriorities ?? ['urgent']);
  }, [shift]);
  return (
    <Table.Tr>
      <Table.Td>{team.name}</Table.Td>
      <Table.Td>
        <Select size="xs" data={calendars.map((c) => ({ value: c.id, label: c.name }))} value={calendarId} onChange={setCalendarId} placeholder={t('shifts.none')} disabled={!canEdit} aria-label={t('shifts.calendar')} />
      </Table.Td>
      <Table.Td w={90}>
        <NumberInput size="xs" value={rotation} onChange={setRotation} min={0} max={100} disabled={!canEdit} aria-label={t('shifts.rotation')} />
      </Table.Td>
      <Table.Td>
        <MultiSelect size="xs" data={ticketPriorities.map((p) => ({ value: p, label: t(`ticket.priority.${p}`) }))} value={priorities} onChange={setPriorities} disabled={!canEdit} aria-label={t('shifts.priorities')} />
      </Table.Td>
      <Table.Td>
        {canEdit && (
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-xs"
              disabled={!calendarId}
              loading={save.isPending}
              onClick={() => save.mutate({ teamId: team.id, calendarId: calendarId!, rotation: Number(rotation) || 0, handoffPriorities: priorities as typeof ticketPriorities[number][], active: true })}
            >
              {t('shifts.save')}
            </Button>
            {shift && (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(team.id)}>
                {t('shifts.remove')}
              </Button>
            )}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Follow-the-sun: each regional team's shift calendar and its place in the hand-over rotation. */
export function TeamShiftsCard({ calendars, canEdit }: { calendars: Calendar[]; canEdit: boolean }) {
  const t = useT();
  const teams = useTeams();
  const shifts = useTeamShifts();
  const byTeam = new Map((shifts.data ?? []).map((s) => [s.teamId, s]));
  return (
    <Paper withBorder p="md" data-testid="team-shifts">
      <Title order={3} size="h5">
        {t('shifts.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('shifts.subtitle')}
      </Text>
      <Table verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('shifts.team')}</Table.Th>
            <Table.Th>{t('shifts.calendar')}</Table.Th>
            <Table.Th>{t('shifts.rotation')}</Table.Th>
            <Table.Th>{t('shifts.priorities')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(teams.data ?? []).map((team) => (
            <ShiftRow key={team.id} team={team} shift={byTeam.get(team.id)} calendars={calendars} canEdit={canEdit} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
