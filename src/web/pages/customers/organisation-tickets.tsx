import { EmptyState, Paper, SegmentedControl } from '@mantine/core';
import { IconTicket } from '@tabler/icons-react';
import { useState } from 'react';
import { useTicketList } from '../../api/tickets';
import { openStatuses, type TicketQuery } from '../../api/types';
import { LoadMore } from '../../components/load-more';
import { ErrorAlert, Loading } from '../../components/query-state';
import { useT } from '../../i18n/use-t';
import { QueueTable } from '../tickets/queue-table';

/** Tickets of an organisation or a contact, open ones first, with "load more". */
export function CustomerTickets({ filter, ticketPath, staff = true }: { filter: Pick<TicketQuery, 'organisationId' | 'contactId'>; ticketPath?: (id: string) => string; staff?: boolean }) {
  const t = useT();
  const [scope, setScope] = useState<'open' | 'all'>('open');
  const list = useTicketList({ ...filter, sort: 'updated_desc', ...(scope === 'open' ? { status: openStatuses.join(',') } : {}) });
  const tickets = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <SegmentedControl
        size="xs"
        mb="sm"
        value={scope}
        onChange={(v) => setScope(v as 'open' | 'all')}
        data={[
          { value: 'open', label: t('customer.tickets.open') },
          { value: 'all', label: t('customer.tickets.all') },
        ]}
      />
      <Paper withBorder style={{ overflow: 'hidden' }}>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
        ) : tickets.length === 0 ? (
          <EmptyState py="xl" icon={<IconTicket size={28} stroke={1.5} />} title={t('customer.tickets.none')} />
        ) : (
          <>
            <QueueTable tickets={tickets} ticketPath={ticketPath} compact staff={staff} />
            <LoadMore shown={tickets.length} hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
          </>
        )}
      </Paper>
    </>
  );
}
