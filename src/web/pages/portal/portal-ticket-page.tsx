import { Button, Grid, Group, Paper, Stack, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { usePostMessage, useTicket, useTicketMessages } from '../../api/tickets';
import type { Ticket } from '../../api/types';
import { PriorityBadge } from '../../components/priority-badge';
import { QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { DateTime } from '../../components/time-ago';
import { useT } from '../../i18n/use-t';
import { PortalNextUpdate } from '../sla/portal-next-update';
import { PanelField, TicketPanelCard } from '../../tickets/panel-card';
import { TicketHeader } from '../tickets/ticket-header';
import { Timeline } from '../tickets/timeline';

/**
 * A customer's view of one request: the same conversation the agent sees (without internal
 * notes) and a reply box. Another organisation's ticket answers 404 and shows "not found".
 */
export default function PortalTicketPage() {
  const { id = '' } = useParams();
  const ticket = useTicket(id);
  return <QueryState query={ticket} notFoundHome="/portal">{(data) => <PortalTicketView ticket={data} />}</QueryState>;
}

function PortalTicketView({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const messages = useTicketMessages(ticket.id);
  const post = usePostMessage(ticket.id);
  const [text, setText] = useState('');
  const send = () => {
    const body = text.trim();
    if (!body) return;
    post.mutate(
      { kind: 'message', bodyText: body, channel: 'portal' },
      {
        onSuccess: () => setText(''),
        onError: (e) => notifications.show({ color: 'red', title: t('composer.failed'), message: e.message }),
      },
    );
  };
  const closed = ticket.status === 'closed';
  return (
    <>
      <TicketHeader ticket={{ ...ticket, permissions: { ...ticket.permissions, update: false } }} backTo="/portal" />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <QueryState query={messages}>{(items) => <Timeline messages={items} hideNotes />}</QueryState>
            {ticket.permissions.reply && !closed && (
              <Paper withBorder p="sm" data-testid="portal-reply">
                <Stack gap="xs">
                  <Textarea
                    value={text}
                    onChange={(e) => setText(e.currentTarget.value)}
                    onKeyDown={getHotkeyHandler([['mod+Enter', send]])}
                    autosize
                    minRows={3}
                    placeholder={t('portal.reply.placeholder')}
                    aria-label={t('portal.reply.placeholder')}
                    data-testid="portal-reply-text"
                  />
                  <Group justify="flex-end">
                    <Button onClick={send} loading={post.isPending} disabled={!text.trim()} leftSection={<IconSend size={15} />} data-testid="portal-reply-send">
                      {t('composer.send')}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <TicketPanelCard title={t('portal.ticket.details')}>
            <PanelField label={t('ticket.field.status')}><StatusBadge status={ticket.status} /></PanelField>
            <PanelField label={t('ticket.field.priority')}><PriorityBadge priority={ticket.priority} /></PanelField>
            <PanelField label={t('portal.ticket.requester')}>{ticket.contact?.name ?? '—'}</PanelField>
            <PanelField label={t('portal.ticket.handledBy')}>{ticket.assignee?.name ?? ticket.team?.name ?? t('portal.ticket.notYet')}</PanelField>
            <PanelField label={t('portal.ticket.opened')}><DateTime value={ticket.createdAt} /></PanelField>
            <PanelField label={t('common.updated')}><DateTime value={ticket.updatedAt} /></PanelField>
          </TicketPanelCard>
          <PortalNextUpdate ticketId={ticket.id} />
        </Grid.Col>
      </Grid>
    </>
  );
}
