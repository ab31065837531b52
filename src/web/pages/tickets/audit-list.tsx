import { Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTeamMap, useUserMap } from '../../api/people';
import { useTicketAudit } from '../../api/tickets';
import { QueryState } from '../../components/query-state';
import { TimeAgo } from '../../components/time-ago';
import { useCodeLabel, useT } from '../../i18n/use-t';

/** Turns a changed value into words: statuses and priorities translated, ids resolved to names. */
function useValueLabel(): (field: string, value: unknown) => string {
  const t = useT();
  const users = useUserMap();
  const teams = useTeamMap();
  return (field, value) => {
    if (value === null || value === undefined || value === '') return t('audit.empty');
    if (field === 'status' && typeof value === 'string') return t(`ticket.status.${value}`);
    if (field === 'priority' && typeof value === 'string') return t(`ticket.priority.${value}`);
    if (field === 'assigneeId' && typeof value === 'string') return users.get(value)?.name ?? value;
    if (field === 'teamId' && typeof value === 'string') return teams.get(value)?.name ?? value;
    if (Array.isArray(value)) return value.join(', ');
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
}

/** The ticket's audit trail: who changed what and when, newest last like the conversation. */
export function AuditList({ ticketId }: { ticketId: string }) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const valueLabel = useValueLabel();
  const audit = useTicketAudit(ticketId, true);
  return (
    <QueryState query={audit}>
      {(entries) =>
        entries.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('audit.none')}
          </Text>
        ) : (
          <Paper withBorder p="md">
            <Timeline bulletSize={22} lineWidth={2} data-testid="audit-list">
              {entries.map((entry) => (
                <Timeline.Item
                  key={entry.id}
                  bullet={<IconHistory size={12} />}
                  title={
                    <Group gap={6} justify="space-between" wrap="nowrap">
                      <Text size="sm">
                        <Text span fw={600}>
                          {entry.actor?.name ?? t('audit.system')}
                        </Text>{' '}
                        {codeLabel('audit.action', entry.action)}
                      </Text>
                      <TimeAgo value={entry.at} />
                    </Group>
                  }
                >
                  <Stack gap={2} mt={2}>
                    {Object.entries(entry.changes ?? {}).map(([field, change]) => (
                      <Text key={field} size="xs" c="dimmed">
                        {t('audit.change', {
                          field: codeLabel('audit.field', field),
                          from: valueLabel(field, change.from),
                          to: valueLabel(field, change.to),
                        })}
                      </Text>
                    ))}
                  </Stack>
                </Timeline.Item>
              ))}
            </Timeline>
          </Paper>
        )
      }
    </QueryState>
  );
}
