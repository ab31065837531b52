import { ActionIcon, Badge, Button, Group, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useCancelPromise, useCreatePromise, usePromises, type FollowUpPromise } from '../../api/sla';
import type { Ticket } from '../../api/types';
import { usePermission } from '../../app/use-permission';
import { QueryState } from '../../components/query-state';
import { useCodeLabel, useT } from '../../i18n/use-t';
import { TicketPanelCard } from '../../tickets/panel-card';
import { useReplyChannels } from '../../api/channels';
import { useLocale } from '../../i18n/locale-provider';
import { fromZonedInput, toZonedInput } from './sla-format';

const stateColors: Record<FollowUpPromise['state'], string> = { open: 'blue', due_soon: 'orange', kept: 'teal', broken: 'red', cancelled: 'gray' };

/** Some hours ahead, rounded up to the quarter hour: a sensible first guess for "I will update you by". */
function hoursAhead(hours: number, timeZone: string): string {
  const quarter = 15 * 60_000;
  const d = new Date(Math.ceil((Date.now() + hours * 3_600_000) / quarter) * quarter);
  return toZonedInput(d, timeZone);
}

/**
 * "I will update you by …": the agent's promises on this ticket, their state (kept, due soon,
 * broken) and a form to make a new one. The customer sees them on their timeline.
 */
export default function PromisesPanel({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const intl = useIntl();
  const channelLabel = useCodeLabel();
  const promises = usePromises(ticket.id);
  const create = useCreatePromise(ticket.id);
  const cancel = useCancelPromise(ticket.id);
  const can = usePermission();
  const [adding, setAdding] = useState(false);
  const { timeZone } = useLocale();
  const replyChannels = useReplyChannels(ticket.id, adding);
  const [dueAt, setDueAt] = useState(() => hoursAhead(4, timeZone));
  const [picked, setPicked] = useState<string | null>(null);
  // A promise is kept by sending an update, so offer the channels that can reach this customer
  // (the phone when we have a number) and default to the reply default, else the first usable one.
  const usable = (replyChannels.data?.options ?? []).filter((o) => o.available && (o.channel !== 'phone' || o.address)).map((o) => o.channel);
  const fallback = replyChannels.data?.default && usable.includes(replyChannels.data.default) ? replyChannels.data.default : (usable[0] ?? null);
  const channel = picked && usable.includes(picked) ? picked : fallback;
  const due = fromZonedInput(dueAt, timeZone);

  const save = () =>
    create.mutate(
      { dueAt: due!.toISOString(), channel: channel! },
      {
        onSuccess: () => {
          setAdding(false);
          notifications.show({ color: 'teal', message: t('promise.created') });
        },
        onError: (e) => notifications.show({ color: 'red', title: t('promise.failed'), message: e.message }),
      },
    );

  return (
    <TicketPanelCard
      title={t('promise.title')}
      testId="promises-panel"
      actions={
        can('promise', 'create') && !adding ? (
          <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={13} />} onClick={() => setAdding(true)} data-testid="promise-add">
            {t('promise.add')}
          </Button>
        ) : undefined
      }
    >
      <Stack gap="xs">
        <QueryState query={promises}>
          {(list) =>
            list.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="promise-none">
                {t('promise.none')}
              </Text>
            ) : (
              <Stack gap={6}>
                {list.map((p) => (
                  <Group key={p.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="promise-row" data-state={p.state}>
                    <Text size="sm" style={{ minWidth: 0 }}>
                      {t('promise.line', { due: intl.formatDate(p.dueAt, { dateStyle: 'medium', timeStyle: 'short' }), channel: channelLabel('channel', p.channel) })}
                    </Text>
                    <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                      <Badge size="sm" variant="light" color={stateColors[p.state]}>
                        {t(`promise.state.${p.state}`)}
                      </Badge>
                      {(p.state === 'open' || p.state === 'due_soon') && can('promise', 'cancel', p) && (
                        <Tooltip label={t('promise.cancel')}>
                          <ActionIcon size="sm" variant="subtle" color="gray" onClick={() => cancel.mutate(p.id)} aria-label={t('promise.cancel')}>
                            <IconX size={13} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  </Group>
                ))}
              </Stack>
            )
          }
        </QueryState>
        {adding && (
          <Stack gap="xs" data-testid="promise-form">
            <TextInput type="datetime-local" label={t('promise.dueAt')} description={t('promise.inZone', { zone: timeZone })} value={dueAt} onChange={(e) => setDueAt(e.currentTarget.value)} size="xs" />
            <Select label={t('promise.channel')} data={usable.map((c) => ({ value: c, label: channelLabel('channel', c) }))} value={channel} onChange={setPicked} size="xs" data-testid="promise-channel" />
            <Group justify="flex-end" gap="xs">
              <Button size="xs" variant="default" onClick={() => setAdding(false)}>
                {t('common.cancel')}
              </Button>
              <Button size="xs" onClick={save} loading={create.isPending} disabled={!due || !channel} data-testid="promise-save">
                {t('promise.save')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </TicketPanelCard>
  );
}
