import { ActionIcon, Affix, Anchor, Badge, Button, CloseButton, Group, Indicator, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhoneCall, IconPhoneIncoming, IconPhoneOutgoing } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useLinkCall } from '../../api/channels';
import { useUserMap } from '../../api/people';
import { subscribeRealtime } from '../../app/realtime';
import { useCurrentUser } from '../../app/session';
import { StatusBadge } from '../../components/status-badge';
import { useDisplayNames } from '../../i18n/display-names';
import { useT } from '../../i18n/use-t';
import type { TicketStatus } from '../../api/types';
import { usePermission } from '../../app/use-permission';

/** What the server pushes on `call.ringing` / `call.answered` (see src/channels/phone/calls.ts). */
export interface ScreenPop {
  id: string;
  callId: string;
  state: 'ringing' | 'answered' | 'ended';
  direction: string;
  number: string;
  international: string;
  country: string | null;
  countryCertain: boolean;
  to: string;
  agentUserId: string | null;
  contact: { id: string; name: string; jobTitle: string | null; preferredChannel: string | null; organisation: { id: string; name: string } | null } | null;
  openTickets: { id: string; number: number; subject: string; status: string; priority: string }[];
}

/** Regional-indicator letters: the flag emoji of a country code. */
const flag = (cc: string | null) => (cc && /^[A-Z]{2}$/.test(cc) ? String.fromCodePoint(...[...cc].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65)) : '');

function CallCard({ pop, onClose }: { pop: ScreenPop; onClose: () => void }) {
  const t = useT();
  const names = useDisplayNames();
  const navigate = useNavigate();
  const users = useUserMap();
  const me = useCurrentUser();
  const link = useLinkCall();
  // Linking a call to a ticket is the desk's (`call.update`); others only see who is calling.
  const canLog = usePermission('call', 'update');
  const [linked, setLinked] = useState<string | null>(null);
  const answeredBy = pop.agentUserId ? users.get(pop.agentUserId)?.name ?? null : null;
  const country = pop.country ? names.region(pop.country) : null;

  const logHere = (ticketId: string, number: number) =>
    link.mutate({ callId: pop.id, ticketId }, {
      onSuccess: () => {
        setLinked(ticketId);
        notifications.show({ color: 'green', message: t('channels.call.willLog', { number }) });
      },
    });

  return (
    <Paper withBorder shadow="lg" p="sm" w={340} data-testid="call-pop" data-call={pop.callId}>
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Group gap={6} wrap="nowrap">
          {pop.direction === 'outbound' ? <IconPhoneOutgoing size={18} /> : <IconPhoneIncoming size={18} color="var(--mantine-color-green-7)" />}
          <Text fw={600} size="sm">
            {t(pop.state === 'answered' ? 'channels.call.answered' : 'channels.call.ringing')}
          </Text>
        </Group>
        <CloseButton size="sm" onClick={onClose} aria-label={t('channels.call.dismiss')} />
      </Group>
      <Text size="lg" fw={600} dir="ltr" ta="start" data-testid="call-number">
        {flag(pop.country)} {pop.international}
      </Text>
      {pop.contact ? (
        <Stack gap={2} mt={4}>
          <Anchor component={Link} to={`/contacts/${pop.contact.id}`} fw={600} data-testid="call-contact">
            {pop.contact.name}
          </Anchor>
          {(pop.contact.jobTitle || pop.contact.organisation) && (
            <Text size="xs" c="dimmed">
              {[pop.contact.jobTitle, pop.contact.organisation?.name].filter(Boolean).join(' · ')}
            </Text>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mt={4} data-testid="call-unknown">
          {country ? t(pop.countryCertain ? 'channels.call.unknownFrom' : 'channels.call.unknownLikely', { country }) : t('channels.call.unknown')}
        </Text>
      )}
      {answeredBy && pop.agentUserId !== me.id && (
        <Badge mt={6} variant="light" color="gray">{t('channels.call.answeredBy', { name: answeredBy })}</Badge>
      )}
      {pop.openTickets.length > 0 && (
        <Stack gap={4} mt="sm">
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">{t('channels.call.openTickets')}</Text>
          {pop.openTickets.map((ticket) => (
            <Group key={ticket.id} justify="space-between" wrap="nowrap" gap={6}>
              <Anchor component={Link} to={`/tickets/${ticket.id}`} size="sm" lineClamp={1} style={{ flex: 1 }}>
                #{ticket.number} <bdi>{ticket.subject}</bdi>
              </Anchor>
              <StatusBadge status={ticket.status as TicketStatus} size="xs" />
              {canLog && (
                <Tooltip label={t('channels.call.logHereHint')}>
                  <Button size="compact-xs" variant={linked === ticket.id ? 'filled' : 'subtle'} onClick={() => logHere(ticket.id, ticket.number)} loading={link.isPending}>
                    {t('channels.call.logHere')}
                  </Button>
                </Tooltip>
              )}
            </Group>
          ))}
        </Stack>
      )}
      <Group justify="flex-end" mt="sm" gap="xs">
        {pop.contact && (
          <Button size="compact-sm" variant="default" onClick={() => navigate(`/contacts/${pop.contact!.id}`)}>
            {t('channels.call.openContact')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/**
 * The screen pop: when the phone rings, the caller — their name, company and open tickets, or for
 * an unknown number the country it comes from — appears in the corner before the agent picks up.
 * Lives in the top bar (a phone icon counting live calls) so it is on every page.
 */
export default function CallPop() {
  const t = useT();
  const [calls, setCalls] = useState<ScreenPop[]>([]);

  useEffect(() => {
    const upsert = (pop: ScreenPop) => setCalls((list) => [pop, ...list.filter((c) => c.callId !== pop.callId)].slice(0, 4));
    const offRinging = subscribeRealtime('call.ringing', (e) => upsert(e.data as ScreenPop));
    const offAnswered = subscribeRealtime('call.answered', (e) => {
      const pop = e.data as ScreenPop;
      setCalls((list) => (list.some((c) => c.callId === pop.callId) ? list.map((c) => (c.callId === pop.callId ? pop : c)) : list));
    });
    const offEnded = subscribeRealtime('call.ended', (e) => {
      const { callId } = e.data as { callId: string };
      setCalls((list) => list.filter((c) => c.callId !== callId));
    });
    return () => {
      offRinging();
      offAnswered();
      offEnded();
    };
  }, []);

  return (
    <>
      <Tooltip label={t('channels.call.live', { count: calls.length })}>
        <Indicator label={calls.length} size={16} disabled={calls.length === 0} color="green" offset={4} processing={calls.some((c) => c.state === 'ringing')}>
          <ActionIcon variant="subtle" color={calls.length ? 'green' : 'gray'} size="lg" aria-label={t('channels.call.live', { count: calls.length })} data-testid="call-indicator">
            <IconPhoneCall size={18} />
          </ActionIcon>
        </Indicator>
      </Tooltip>
      {calls.length > 0 && (
        <Affix position={{ bottom: 20, left: 20 }} zIndex={300}>
          <Stack gap="sm">
            {calls.map((pop) => (
              <CallCard key={pop.callId} pop={pop} onClose={() => setCalls((list) => list.filter((c) => c.callId !== pop.callId))} />
            ))}
          </Stack>
        </Affix>
      )}
    </>
  );
}
