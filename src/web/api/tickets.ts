import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { bulkLimit, fetchAllPages, queueLimit } from './paging';
import type { BulkTicketPatch, BulkTicketResult, Message, Ticket, TicketCreate, TicketPatch, TicketQuery } from './types';

/** Query keys for tickets; everything under `['tickets']` is refreshed when a ticket changes. */
export const ticketKeys = {
  all: ['tickets'] as const,
  lists: ['tickets', 'list'] as const,
  list: (query: TicketQuery) => ['tickets', 'list', query] as const,
  detail: (id: string) => ['tickets', 'detail', id] as const,
  messages: (id: string) => ['tickets', 'detail', id, 'messages'] as const,
  audit: (id: string) => ['tickets', 'detail', id, 'audit'] as const,
};

/** A ticket queue with cursor paging: `fetchNextPage` is the "load more" button. */
export function useTicketList(query: TicketQuery, options: { enabled?: boolean; limit?: number } = {}) {
  return useInfiniteQuery({
    queryKey: ticketKeys.list({ ...query, limit: options.limit ?? queueLimit }),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/tickets', { params: { query: { ...query, limit: options.limit ?? queueLimit, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
    placeholderData: (previous) => previous,
  });
}

/** One ticket with its links and what the current user may do with it. */
export function useTicket(id: string) {
  return useQuery({
    queryKey: ticketKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/tickets/{id}', { params: { path: { id } } })),
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });
}

/** The whole conversation, oldest first, as the timeline shows it. */
export function useTicketMessages(id: string) {
  return useQuery({
    queryKey: ticketKeys.messages(id),
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(api.GET('/api/v1/tickets/{id}/messages', { params: { path: { id }, query: { limit: bulkLimit, cursor } } })),
      ),
  });
}

/** Who changed what on a ticket, for the history tab. */
export function useTicketAudit(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ticketKeys.audit(id),
    // The trail comes whole (the server caps it), so there is no cursor to follow.
    queryFn: async () => (await unwrap(api.GET('/api/v1/tickets/{id}/audit', { params: { path: { id } } }))).items,
    enabled,
  });
}

/** After any change, the ticket's own cache is exact and the queues are refetched in the background. */
export function storeTicket(client: QueryClient, ticket: Ticket): void {
  client.setQueryData(ticketKeys.detail(ticket.id), ticket);
  void client.invalidateQueries({ queryKey: ticketKeys.lists });
  void client.invalidateQueries({ queryKey: ticketKeys.audit(ticket.id) });
}

/** Changes ticket fields (status, priority, assignee, team, tags …). */
export function useUpdateTicket(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: TicketPatch) => unwrap(api.PATCH('/api/v1/tickets/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: (ticket) => storeTicket(client, ticket),
  });
}

/** Adds a reply or an internal note; the ticket is refetched because a reply can change its status. */
export function usePostMessage(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: 'message' | 'note'; bodyText: string; bodyHtml?: string; channel?: string }) =>
      unwrap(api.POST('/api/v1/tickets/{id}/messages', { params: { path: { id } }, body })),
    onSuccess: (message: Message) => {
      client.setQueryData<Message[]>(ticketKeys.messages(id), (old) => (old ? [...old, message] : [message]));
      void client.invalidateQueries({ queryKey: ticketKeys.detail(id) });
      void client.invalidateQueries({ queryKey: ticketKeys.lists });
    },
  });
}

/** Merges this ticket into another one; the API answers with the surviving ticket. */
export function useMergeTicket(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (targetId: string) => unwrap(api.POST('/api/v1/tickets/{id}/merge', { params: { path: { id } }, body: { targetId } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ticketKeys.all }),
  });
}

/** Records that two tickets are related, so agents see one from the other. */
export function useLinkTicket(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (otherId: string) =>
      unwrap(api.POST('/api/v1/tickets/{id}/links', { params: { path: { id } }, body: { otherId, kind: 'related' } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ticketKeys.all }),
  });
}

/** Moves some messages to a new ticket when one conversation turns out to be two problems. */
export function useSplitTicket(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { messageIds: string[]; subject: string }) =>
      unwrap(api.POST('/api/v1/tickets/{id}/split', { params: { path: { id } }, body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ticketKeys.all }),
  });
}

/** Opens a new ticket (agent on behalf of a contact, or a customer in the portal). */
export function useCreateTicket() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TicketCreate) => unwrap(api.POST('/api/v1/tickets', { body })),
    onSuccess: (ticket) => storeTicket(client, ticket),
  });
}

/**
 * One change to many tickets from the queue. The answer lists what changed and what did not
 * (with the reason), so the caller can report both; every queue and ticket is refreshed after.
 */
export function useBulkUpdateTickets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ticketIds, patch }: { ticketIds: string[]; patch: BulkTicketPatch }): Promise<BulkTicketResult> =>
      unwrap(api.POST('/api/v1/tickets/bulk', { body: { ticketIds, patch } })),
    onSettled: () => void client.invalidateQueries({ queryKey: ticketKeys.all }),
  });
}
