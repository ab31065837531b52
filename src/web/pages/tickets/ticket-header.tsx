import { ActionIcon, Anchor, Group, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowRight, IconBuilding, IconPencil, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useContact, useOrganisation } from '../../api/customers';
import { useUpdateTicket } from '../../api/tickets';
import type { Ticket } from '../../api/types';
import { ChannelIcon } from '../../components/channel-icon';
import { PriorityBadge } from '../../components/priority-badge';
import { StatusBadge } from '../../components/status-badge';
import { TimeAgo } from '../../components/time-ago';
import { useDisplayNames } from '../../i18n/display-names';
import { useLocale } from '../../i18n/locale-provider';
import { useCodeLabel, useT } from '../../i18n/use-t';

/**
 * Who the customer is, first thing under the subject: requester, organisation and country, so
 * an agent knows whom they are writing to (and in which culture) without scrolling the side column.
 */
function Requester({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const names = useDisplayNames();
  const contact = useContact(ticket.contactId);
  const organisation = useOrganisation(ticket.organisationId);
  const country = contact.data?.country ?? organisation.data?.country ?? null;
  if (!ticket.contact && !ticket.organisation) return null;
  return (
    <Group gap={6} mt={4} wrap="wrap" data-testid="ticket-requester" aria-label={t('ticket.requester')}>
      {ticket.contact && (
        <Group gap={4} wrap="nowrap" miw={0}>
          <IconUser size={14} color="var(--mantine-color-dimmed)" aria-hidden />
          <Anchor component={Link} to={`/contacts/${ticket.contact.id}`} size="sm" fw={600} dir="auto" data-testid="ticket-requester-name">
            {ticket.contact.name}
          </Anchor>
        </Group>
      )}
      {ticket.organisation && (
        <Group gap={4} wrap="nowrap" miw={0}>
          <IconBuilding size={14} color="var(--mantine-color-dimmed)" aria-hidden />
          <Anchor component={Link} to={`/organisations/${ticket.organisation.id}`} size="sm" c="dimmed" dir="auto" data-testid="ticket-requester-organisation">
            {ticket.organisation.name}
          </Anchor>
        </Group>
      )}
      {country && (
        <Text size="sm" c="dimmed" data-testid="ticket-requester-country">
          · {names.region(country)}
        </Text>
      )}
    </Group>
  );
}

/** Ticket number, subject (editable in place), who the customer is, status, priority, channel and age. */
export function TicketHeader({ ticket, backTo }: { ticket: Ticket; backTo: string }) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const navigate = useNavigate();
  const location = useLocation();
  const { dir } = useLocale();
  const update = useUpdateTicket(ticket.id);
  const [editing, setEditing] = useState(false);
  const [subject, setSubject] = useState(ticket.subject);
  const BackIcon = dir === 'rtl' ? IconArrowRight : IconArrowLeft;

  const save = () => {
    setEditing(false);
    const next = subject.trim();
    if (next && next !== ticket.subject) {
      update.mutate({ subject: next }, { onError: (e) => notifications.show({ color: 'red', title: t('ticket.saveFailed'), message: e.message }) });
    } else setSubject(ticket.subject);
  };

  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" mb="md">
      <Tooltip label={t('common.back')}>
        <ActionIcon
          variant="subtle"
          color="gray"
          mt={4}
          aria-label={t('common.back')}
          onClick={() => (location.key !== 'default' ? navigate(-1) : navigate(backTo))}
        >
          <BackIcon size={18} />
        </ActionIcon>
      </Tooltip>
      <div style={{ flex: 1, minWidth: 0 }}>
        {editing ? (
          <TextInput
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            onBlur={save}
            onKeyDown={(e) => {
              if (e.key === 'Enter') save();
              if (e.key === 'Escape') {
                setSubject(ticket.subject);
                setEditing(false);
              }
            }}
            autoFocus
            size="md"
            aria-label={t('ticket.field.subject')}
          />
        ) : (
          <Group gap={6} wrap="nowrap" className="subject-row">
            <Title order={1} size="h3" lh={1.3} dir="auto" data-testid="ticket-subject">
              <Text span c="dimmed" fw={500} inherit className="tabular">
                #{ticket.number}
              </Text>{' '}
              {ticket.subject}
            </Title>
            {ticket.permissions.update && (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t('ticket.editSubject')}
                onClick={() => {
                  setSubject(ticket.subject);
                  setEditing(true);
                }}
              >
                <IconPencil size={14} />
              </ActionIcon>
            )}
          </Group>
        )}
        <Requester ticket={ticket} />
        <Group gap={8} mt={6}>
          <StatusBadge status={ticket.status} data-testid="ticket-status" />
          <PriorityBadge priority={ticket.priority} />
          <Group gap={4} c="dimmed">
            <ChannelIcon channel={ticket.channel} size={14} />
            <Text size="xs" c="dimmed">
              {codeLabel('channel', ticket.channel)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            ·
          </Text>
          <Group gap={4}>
            <Text size="xs" c="dimmed">
              {t('ticket.opened')}
            </Text>
            <TimeAgo value={ticket.createdAt} />
          </Group>
        </Group>
      </div>
    </Group>
  );
}
