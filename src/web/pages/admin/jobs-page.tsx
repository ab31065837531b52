import { Badge, Button, Code, EmptyState, Group, Paper, SegmentedControl, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecklist, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useJobs, useRetryJob, type Job, type JobState } from '../../api/jobs';
import { LoadMore } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { ErrorAlert, Loading } from '../../components/query-state';
import { TimeAgo } from '../../components/time-ago';
import { useT } from '../../i18n/use-t';
import { usePermission } from '../../app/use-permission';

const states: JobState[] = ['failed', 'pending', 'running', 'cancelled', 'done'];
const stateColor: Record<JobState, string> = { failed: 'red', pending: 'blue', running: 'teal', cancelled: 'gray', done: 'green' };

/**
 * The background job queue for admins: failed jobs (the dead letters, shown first) with their
 * last error and a retry, and the other states to see what is waiting or running.
 */
export default function JobsPage() {
  const t = useT();
  const [state, setState] = useState<JobState>('failed');
  const list = useJobs(state);
  const retry = useRetryJob();
  const canRetry = usePermission('job', 'retry');
  const jobs = list.data?.pages.flatMap((p) => p.items) ?? [];

  const onRetry = (job: Job) =>
    retry.mutate(job.id, {
      onSuccess: () => notifications.show({ color: 'green', message: t('admin.jobs.retried', { type: job.type }) }),
      onError: (e) => notifications.show({ color: 'red', message: e.message }),
    });

  return (
    <>
      <PageHeader title={t('admin.jobs.title')} subtitle={t('admin.jobs.subtitle')} />
      <SegmentedControl
        size="xs"
        mb="sm"
        value={state}
        onChange={(v) => setState(v as JobState)}
        data={states.map((s) => ({ value: s, label: t(`admin.jobs.state.${s}`) }))}
        data-testid="jobs-state"
      />
      <Paper withBorder shadow="xs" style={{ overflow: 'hidden' }}>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
        ) : jobs.length === 0 ? (
          <EmptyState py={48} icon={<IconChecklist size={32} stroke={1.5} />} withIndicatorBackground title={t('admin.jobs.empty', { state: t(`admin.jobs.state.${state}`) })} />
        ) : (
          <>
            <Table verticalSpacing={8} data-testid="jobs-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.jobs.type')}</Table.Th>
                  <Table.Th>{t('admin.jobs.state')}</Table.Th>
                  <Table.Th>{t('admin.jobs.attempts')}</Table.Th>
                  <Table.Th>{t('admin.jobs.lastError')}</Table.Th>
                  <Table.Th>{t('admin.jobs.when')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {jobs.map((job) => (
                  <Table.Tr key={job.id} data-testid="job-row">
                    <Table.Td>
                      <Tooltip label={job.dedupeKey ?? job.id}>
                        <Code dir="ltr">{job.type}</Code>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={stateColor[job.state]}>{t(`admin.jobs.state.${job.state}`)}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t('admin.jobs.attemptsOf', { attempts: job.attempts, max: job.maxAttempts })}</Text>
                    </Table.Td>
                    <Table.Td maw={420}>
                      <Text size="xs" c="dimmed" ff="monospace" dir="auto" lineClamp={2} title={job.lastError ?? undefined}>
                        {job.lastError ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <TimeAgo value={job.doneAt ?? job.runAt} />
                    </Table.Td>
                    <Table.Td ta="end">
                      {canRetry && job.state === 'failed' && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          leftSection={<IconRefresh size={12} />}
                          loading={retry.isPending && retry.variables === job.id}
                          onClick={() => onRetry(job)}
                          data-testid="job-retry"
                        >
                          {t('admin.jobs.retry')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group px="sm">
              <Text size="xs" c="dimmed">{t('admin.jobs.note')}</Text>
            </Group>
            <LoadMore shown={jobs.length} hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
          </>
        )}
      </Paper>
    </>
  );
}
