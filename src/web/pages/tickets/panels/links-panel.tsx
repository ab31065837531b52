import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowMerge, IconLink } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { useLinkTicket, useMergeTicket } from '../../../api/tickets';
import type { Ticket } from '../../../api/types';
import { useCodeLabel, useT } from '../../../i18n/use-t';
import { TicketPanelCard } from '../../../tickets/panel-card';
import { TicketPickerModal } from '../ticket-picker-modal';

/** Related, split and merged tickets, with the merge and link actions. */
export default function LinksPanel({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const navigate = useNavigate();
  const [mergeOpen, merge] = useDisclosure(false);
  const [linkOpen, link] = useDisclosure(false);
  const mergeMutation = useMergeTicket(ticket.id);
  const linkMutation = useLinkTicket(ticket.id);

  return (
    <TicketPanelCard title={t('links.title')} testId="links-panel">
      <Stack gap={6}>
        {ticket.links.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('links.none')}
          </Text>
        )}
        {ticket.links.map((l) => (
          <Group key={l.ticketId} gap="xs" wrap="nowrap" justify="space-between">
            <Anchor component={Link} to={`/tickets/${l.ticketId}`} size="sm" truncate style={{ minWidth: 0 }}>
              <span className="tabular">#{l.number}</span> <bdi>{l.subject}</bdi>
            </Anchor>
            <Badge size="xs" variant="default" tt="none">
              {codeLabel('links.kind', l.kind)}
            </Badge>
          </Group>
        ))}
        <Group gap="xs" mt={4}>
          <Button size="compact-xs" variant="default" leftSection={<IconLink size={12} />} onClick={link.open} disabled={!ticket.permissions.update} data-testid="link-ticket">
            {t('links.link.action')}
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            leftSection={<IconArrowMerge size={12} />}
            onClick={merge.open}
            disabled={!ticket.permissions.merge || ticket.mergedIntoId !== null}
            data-testid="merge-ticket"
          >
            {t('links.merge.action')}
          </Button>
        </Group>
      </Stack>
      <TicketPickerModal
        ticket={ticket}
        mode="merge"
        opened={mergeOpen}
        onClose={merge.close}
        busy={mergeMutation.isPending}
        error={mergeMutation.error?.message ?? null}
        onPick={(other) =>
          mergeMutation.mutate(other.id, {
            onSuccess: () => {
              merge.close();
              notifications.show({ color: 'teal', message: t('links.merge.done', { number: other.number }) });
              navigate(`/tickets/${other.id}`);
            },
          })
        }
      />
      <TicketPickerModal
        ticket={ticket}
        mode="link"
        opened={linkOpen}
        onClose={link.close}
        busy={linkMutation.isPending}
        error={linkMutation.error?.message ?? null}
        onPick={(other) => linkMutation.mutate(other.id, { onSuccess: () => link.close() })}
      />
    </TicketPanelCard>
  );
}
