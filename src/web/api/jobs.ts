/** The background job queue for admins: jobs by state (failed = dead letters) and retrying one. */
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { queueLimit } from './paging';

const fetchJobs = (state: JobState, cursor?: string) =>
  unwrap(api.GET('/api/v1/admin/jobs', { params: { query: { state, limit: queueLimit, cursor } } }));
export type Job = Awaited<ReturnType<typeof fetchJobs>>['items'][number];
export type JobState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export const jobKeys = { list: (state: JobState) => ['jobs', 'list', state] as const };

/** Jobs in one state, newest first, with "load more" paging. */
export function useJobs(state: JobState) {
  return useInfiniteQuery({
    queryKey: jobKeys.list(state),
    queryFn: ({ pageParam }) => fetchJobs(state, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Puts a failed job back in the queue with a fresh set of attempts. */
export function useRetryJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/admin/jobs/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['jobs'] }),
  });
}
