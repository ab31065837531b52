import { Alert, Button, Group, Modal, Radio, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTicketList } from '../../api/tickets';
import type { Ticket, TicketSummary } from '../../api/types';
import { StatusBadge } from '../../components/status-badge';
import { useT } from '../../i18n/use-t';

/**
 * Finds another ticket to merge into or link with. Starts with the same customer's tickets,
 * since that is where duplicates usually are, and searches everything once the agent types.
 */
export function TicketPickerModal({
  ticket,
  mode,
  opened,
  onClose,
  onPick,
  busy,
  error,
}: {
  ticket: Ticket;
  mode: 'merge' | 'link';
  opened: boolean;
  onClose: () => void;
  onPick: (other: TicketSummary) => void;
  busy: boolean;
  error: string | null;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [selected, setSelected] = useState<string | null>(null);
  const query = debounced
    ? { q: debounced.replace(/^#/, ''), sort: 'updated_desc' as const }
    : ticket.contactId
      ? { contactId: ticket.contactId, sort: 'updated_desc' as const }
      : ticket.organisationId
        ? { organisationId: ticket.organisationId, sort: 'updated_desc' as const }
        : { sort: 'updated_desc' as const };
  const list = useTicketList(query, { enabled: opened, limit: 20 });
  const candidates = (list.data?.pages.flatMap((p) => p.items) ?? []).filter((x) => x.id !== ticket.id && x.mergedIntoId === null);
  const chosen = candidates.find((c) => c.id === selected) ?? null;

  return (
    <Modal opened={opened} onClose={onClose} title={t(mode === 'merge' ? 'links.merge.title' : 'links.link.title')} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(mode === 'merge' ? 'links.merge.explain' : 'links.link.explain', { number: ticket.number })}
        </Text>
        <TextInput
          leftSection={<IconSearch size={14} />}
          placeholder={t('links.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-autofocus
          data-testid="ticket-picker-search"
        />
        <ScrollArea.Autosize mah={320}>
          <Radio.Group value={selected} onChange={setSelected}>
            <Stack gap={4}>
              {candidates.map((c) => (
                <Radio.Card key={c.id} value={c.id} p="xs" radius="md">
                  <Group wrap="nowrap" gap="sm">
                    <Radio.Indicator size="xs" />
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <Text size="sm" fw={500} truncate>
                        <span className="tabular">#{c.number}</span> <bdi>{c.subject}</bdi>
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {[c.contact?.name, c.organisation?.name].filter(Boolean).join(' · ')}
                      </Text>
                    </div>
                    <StatusBadge status={c.status} />
                  </Group>
                </Radio.Card>
              ))}
              {list.data && candidates.length === 0 && (
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {t('common.nothingFound')}
                </Text>
              )}
            </Stack>
          </Radio.Group>
        </ScrollArea.Autosize>
        {error && (
          <Alert color="red" variant="light">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={mode === 'merge' ? 'red' : undefined}
            disabled={!chosen}
            loading={busy}
            onClick={() => chosen && onPick(chosen)}
            data-testid="ticket-picker-confirm"
          >
            {chosen
              ? t(mode === 'merge' ? 'links.merge.confirm' : 'links.link.confirm', { number: chosen.number })
              : t(mode === 'merge' ? 'links.merge.action' : 'links.link.action')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
