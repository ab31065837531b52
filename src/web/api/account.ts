import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { bulkLimit, fetchAllPages } from './paging';

/** Query keys for the signed-in user's own things. */
export const accountKeys = {
  tokens: ['account', 'tokens'] as const,
};

/** My personal API tokens, newest first (a handful: fetched whole). */
export function useApiTokens(enabled = true) {
  return useQuery({
    queryKey: accountKeys.tokens,
    queryFn: () => fetchAllPages((cursor) => unwrap(api.GET('/api/v1/auth/tokens', { params: { query: { limit: bulkLimit, cursor } } }))),
    enabled,
  });
}

/** Creates a token that expires after `days`; the answer holds the secret, shown once. */
export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, days }: { name: string; days: number }) =>
      unwrap(api.POST('/api/v1/auth/tokens', { body: { name, expiresAt: new Date(Date.now() + days * 86_400_000).toISOString() } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}

/** Revokes one of my tokens: integrations using it stop working at once. */
export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/auth/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: accountKeys.tokens }),
  });
}
