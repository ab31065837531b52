import { Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTeamMap, useUserMap } from '../../api/people';
import { useTicketAudit } from '../../api/tickets';
import type { Ticket } from '../../api/types';
import { QueryState } from '../../components/query-state';
import { TimeAgo } from '../../components/time-ago';
import { useCodeLabel, useT } from '../../i18n/use-t';

// Ids the reader cannot use; the surrounding action already says what happened.
const hiddenFields = new Set(['messageId', 'otherId', 'mergedIntoId', 'attachmentIds']);

/**
 * Turns a changed value into words: statuses and priorities translated, people and teams by
 * name, the ticket's own contact and organisation by name; other ids are not worth showing.
 */
function useValueLabel(ticket: Ticket): (field: string, value: unknown) => string | null {
  const t = useT();
  const codeLabel = useCodeLabel();
  const users = useUserMap();
  const teams = useTeamMap();
  return (field, value) => {
    if (value === null || value === undefined || value === '') return t('audit.empty');
    if (field === 'status' && typeof value === 'string') return t(`ticket.status.${value}`);
    if (field === 'priority' && typeof value === 'string') return t(`ticket.priority.${value}`);
    if (field === 'channel' && typeof value === 'string') return codeLabel('channel', value);
    if (field === 'assigneeId' && typeof value === 'string') return users.get(value)?.name ?? null;
    if (field === 'teamId' && typeof value === 'string') return teams.get(value)?.name ?? null;
    if (field === 'contactId') return value === ticket.contact?.id ? ticket.contact.name : null;
    if (field === 'organisationId') return value === ticket.organisation?.id ? ticket.organisation.name : null;
    if (field.endsWith('Id')) return null;
    if (Array.isArray(value)) return value.join(', ');
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
}

/** Audit changes are `{ from, to }` pairs; anything else (a created record's fields) is shown as a value. */
function asChange(change: unknown): { from?: unknown; to: unknown } {
  if (change && typeof change === 'object' && 'to' in change) return change as { from?: unknown; to: unknown };
  return { to: change };
}

/** The ticket's audit trail: who changed what and when, newest last like the conversation. */
export function AuditList({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const valueLabel = useValueLabel(ticket);
  const audit = useTicketAudit(ticket.id, true);
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
                    {Object.entries(entry.changes ?? {})
                      .filter(([field]) => !hiddenFields.has(field))
                      .map(([field, change]) => {
                        const { from, to } = asChange(change);
                        // A new record has nothing to change from: show its values plainly.
                        const plain = from === undefined || (from === null && entry.action === 'create');
                        if (plain && (to === null || (Array.isArray(to) && to.length === 0))) return null;
                        const fromLabel = plain ? null : valueLabel(field, from);
                        const toLabel = valueLabel(field, to);
                        const label = codeLabel('audit.field', field);
                        return (
                          <Text key={field} size="xs" c="dimmed">
                            {plain || fromLabel === null
                              ? toLabel === null
                                ? label
                                : t('audit.value', { field: label, value: toLabel })
                              : t('audit.change', { field: label, from: fromLabel, to: toLabel ?? '…' })}
                          </Text>
                        );
                      })}
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
