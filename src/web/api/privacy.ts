/** Data protection: a contact's export and erasure, retention policies and the processing log. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { customerKeys } from './customers';
import { queueLimit } from './paging';

type LogQuery = { kind?: 'export' | 'erase' | 'retention'; contactId?: string };
const fetchLog = (filter: LogQuery, cursor?: string) => unwrap(api.GET('/api/v1/privacy/log', { params: { query: { ...filter, limit: queueLimit, cursor } } }));
export type ProcessingEntry = Awaited<ReturnType<typeof fetchLog>>['items'][number];
export type RetentionPolicy = Awaited<ReturnType<typeof fetchPolicies>>['items'][number];
const fetchPolicies = () => unwrap(api.GET('/api/v1/privacy/retention'));

export const privacyKeys = {
  log: (filter: LogQuery) => ['privacy', 'log', filter] as const,
  entry: (id: string) => ['privacy', 'entry', id] as const,
  retention: ['privacy', 'retention'] as const,
};

/** Where a contact's archive downloads from (a plain link: the browser sends the session cookie). */
export const contactExportUrl = (contactId: string) => `/api/v1/contacts/${contactId}/export`;

/** The processing log, newest first, with "load more". */
export function useProcessingLog(filter: LogQuery = {}, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: privacyKeys.log(filter),
    queryFn: ({ pageParam }) => fetchLog(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
  });
}

/** One entry, polled while it is pending (an erasure running as a job). */
export function useProcessingEntry(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: privacyKeys.entry(id ?? ''),
    queryFn: async () => {
      const entry = await unwrap(api.GET('/api/v1/privacy/log/{id}', { params: { path: { id: id! } } }));
      if (entry.status !== 'pending') {
        void client.invalidateQueries({ queryKey: ['privacy', 'log'] });
        if (entry.contactId) void client.invalidateQueries({ queryKey: customerKeys.contact(entry.contactId) });
      }
      return entry;
    },
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 1500 : false),
  });
}

/** Asks for a contact's erasure; answers the pending log entry to follow. */
export function useRequestErasure() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) => unwrap(api.POST('/api/v1/contacts/{id}/erasure', { params: { path: { id: contactId } }, body: { confirm: true } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['privacy', 'log'] }),
  });
}

export function useRetentionPolicies() {
  return useQuery({ queryKey: privacyKeys.retention, queryFn: fetchPolicies });
}

/** Sets the default policy (organisationId null) or an organisation's own. */
export function useSetRetention() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { organisationId: string | null; closedCaseMonths: number | null; rawFailureDays?: number | null }) =>
      input.organisationId
        ? unwrap(api.PUT('/api/v1/privacy/retention/organisations/{id}', { params: { path: { id: input.organisationId } }, body: { closedCaseMonths: input.closedCaseMonths } }))
        : unwrap(api.PUT('/api/v1/privacy/retention/default', { body: { closedCaseMonths: input.closedCaseMonths, rawFailureDays: input.rawFailureDays ?? null } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: privacyKeys.retention }),
  });
}

export function useRemoveRetention() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (organisationId: string) => unwrap(api.DELETE('/api/v1/privacy/retention/organisations/{id}', { params: { path: { id: organisationId } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: privacyKeys.retention }),
  });
}

/** Queues a retention run now; it appears in the log when done. */
export function useRunRetention() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/privacy/retention/run')),
    onSuccess: () => setTimeout(() => void client.invalidateQueries({ queryKey: ['privacy', 'log'] }), 2000),
  });
}
