import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch, IconTag } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { ticketPriorities } from '../../api/types';
import { useT } from '../../i18n/use-t';
import type { QueueFilters } from './queue-views';
import { StatusFilter } from './status-filter';

const sorts = ['updated_desc', 'created_desc', 'created_asc', 'priority_desc'] as const;

/**
 * The filter bar above a queue: text search, status, priority, tag and sort. Text inputs are
 * debounced so typing does not fire a request per key.
 */
export function QueueFilterBar({
  filters,
  onChange,
  onReset,
  dirty,
}: {
  filters: QueueFilters;
  onChange: (key: 'status' | 'priority' | 'tag' | 'q' | 'sort', value: string | null) => void;
  onReset: () => void;
  dirty: boolean;
}) {
  const t = useT();
  const [q, setQ] = useState(filters.q);
  const [tag, setTag] = useState(filters.tag ?? '');
  useEffect(() => setQ(filters.q), [filters.q]);
  useEffect(() => setTag(filters.tag ?? ''), [filters.tag]);
  const pushQ = useDebouncedCallback((value: string) => onChange('q', value.trim() || null), 300);
  const pushTag = useDebouncedCallback((value: string) => onChange('tag', value.trim() || null), 400);

  return (
    <Group gap="xs" wrap="wrap" mb="sm">
      <TextInput
        size="xs"
        w={{ base: '100%', sm: 300 }}
        leftSection={<IconSearch size={14} />}
        placeholder={t('queue.filter.search')}
        aria-label={t('queue.filter.search')}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          pushQ(e.currentTarget.value);
        }}
        data-testid="queue-search"
      />
      <StatusFilter value={filters.status} onChange={(v) => onChange('status', v.join(','))} />
      <Select
        size="xs"
        w={180}
        data={ticketPriorities.map((p) => ({ value: p, label: t(`ticket.priority.${p}`) }))}
        value={filters.priority}
        onChange={(v) => onChange('priority', v)}
        placeholder={t('queue.filter.anyPriority')}
        aria-label={t('queue.filter.priority')}
        clearable
        allowDeselect
      />
      <TextInput
        size="xs"
        w={140}
        leftSection={<IconTag size={14} />}
        placeholder={t('queue.filter.tag')}
        aria-label={t('queue.filter.tag')}
        value={tag}
        onChange={(e) => {
          setTag(e.currentTarget.value);
          pushTag(e.currentTarget.value);
        }}
      />
      <Select
        size="xs"
        w={190}
        data={sorts.map((s) => ({ value: s, label: t(`queue.sort.${s}`) }))}
        value={filters.sort}
        onChange={(v) => onChange('sort', v)}
        aria-label={t('queue.filter.sort')}
      />
      {dirty && (
        <Button size="xs" variant="subtle" color="gray" leftSection={<IconFilterOff size={14} />} onClick={onReset}>
          {t('queue.filter.reset')}
        </Button>
      )}
    </Group>
  );
}
