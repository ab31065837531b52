import { Box, EmptyState, Group, Loader, Paper, Select } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTeams } from '../../api/people';
import { useTicketList } from '../../api/tickets';
import { useCurrentUser } from '../../app/session';
import { usePermission } from '../../app/use-permission';
import { LoadMore } from '../../components/load-more';
import { NotFound } from '../../components/not-found';
import { PageHeader } from '../../components/page-header';
import { ErrorAlert, Loading } from '../../components/query-state';
import { useT } from '../../i18n/use-t';
import { BulkBar } from './bulk-bar';
import { QueueFilterBar } from './queue-filters';
import classes from './queue-page.module.css';
import { QueueTable } from './queue-table';
import { filtersFromParams, toQueueView, toTicketQuery, withFilter } from './queue-views';
import { useQueueSelection } from './use-queue-selection';

/** A ticket queue (mine, unassigned, my team, all open, everything) with filters and paging. */
export default function QueuePage() {
  const t = useT();
  const user = useCurrentUser();
  const view = toQueueView(useParams().view);
  const [params, setParams] = useSearchParams();
  const teams = useTeams(view === 'team');

  const filters = view ? filtersFromParams(view, params) : null;
  const myTeams = (teams.data ?? []).filter((team) => user.teamIds.includes(team.id));
  // Someone in several teams may narrow to one; a manager outside any team may pick any.
  const teamChoices = myTeams.length ? myTeams : (teams.data ?? []);
  const query = view && filters ? toTicketQuery(view, filters, user.teamIds.length > 0) : null;
  const list = useTicketList(query ?? {}, { enabled: query !== null });
  const tickets = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const selection = useQueueSelection(tickets);
  // Only hides the boxes from who could not use them (the `ticket.update` permission); the
  // server still authorizes every ticket of a bulk change itself.
  const canChange = usePermission('ticket', 'update');

  if (!view || !filters) return <NotFound />;
  // A new search or filter keeps the previous rows on screen until its answer arrives: dim them
  // and say it is working, so nobody reads the old rows as the new term's results.
  const refreshing = list.isPlaceholderData && list.isFetching;
  const dirty = ['status', 'priority', 'tag', 'q', 'sort'].some((k) => params.has(k));

  return (
    <>
      <PageHeader
        title={t(`nav.views.${view}`)}
        subtitle={t(`queue.subtitle.${view}`)}
        actions={
          <>
            {view === 'team' && (teamChoices.length > 1 || user.teamIds.length === 0) && (
              <Select
                size="xs"
                w={200}
                data={teamChoices.map((team) => ({ value: team.id, label: team.name }))}
                value={filters?.teamId ?? null}
                onChange={(v) => setParams(withFilter(params, 'team', v))}
                placeholder={t(user.teamIds.length ? 'queue.allMyTeams' : 'queue.pickTeam')}
                aria-label={t('queue.team')}
                clearable={user.teamIds.length > 0}
                allowDeselect
              />
            )}
          </>
        }
      />
      <QueueFilterBar
        filters={filters}
        dirty={dirty}
        onChange={(key, value) => setParams(withFilter(params, key, value), { replace: true })}
        onReset={() => setParams(params.has('team') ? new URLSearchParams({ team: params.get('team')! }) : new URLSearchParams())}
      />
      <Paper withBorder shadow="xs" pos="relative" style={{ overflow: 'hidden' }} aria-busy={refreshing || undefined} data-testid="queue-results" data-refreshing={refreshing || undefined}>
        {refreshing && (
          <Box className={classes.refreshing} role="status" aria-label={t('queue.searching')} data-testid="queue-refreshing">
            <Loader size="sm" />
          </Box>
        )}
        {query === null ? (
          <EmptyState py="xl" icon={<IconInbox size={32} stroke={1.5} />} title={t('queue.noTeam.title')} description={t('queue.noTeam.description')} />
        ) : list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
        ) : tickets.length === 0 ? (
          <EmptyState
            py={48}
            icon={<IconInbox size={32} stroke={1.5} />}
            withIndicatorBackground
            title={t(dirty ? 'queue.empty.filtered' : `queue.empty.${view}`)}
            description={t('queue.empty.description')}
            data-testid="queue-empty"
          />
        ) : (
          <>
            <div className={refreshing ? classes.stale : undefined}>
              <QueueTable tickets={tickets} selection={canChange ? selection : undefined} />
            </div>
            <LoadMore
              shown={tickets.length}
              hasMore={Boolean(list.hasNextPage)}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </Paper>
      {/* Room below the last row, so the floating bulk bar never covers it. */}
      <Group h={selection.someSelected ? 88 : 'lg'} />
      {canChange && <BulkBar selection={selection} />}
    </>
  );
}
