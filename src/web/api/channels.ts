/**
 * Web hooks for the channels: reply options and delivery status on a ticket, WhatsApp
 * templates, calls, and the channels admin (status, mailboxes, chat widgets, routing, agents'
 * numbers, inbound failures). Ticket-scoped keys live under `['tickets', 'detail', id, …]` so
 * they refresh whenever the realtime socket says the ticket changed.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { bulkLimit, fetchAllPages } from './paging';
import type { paths } from './schema';
import { ticketKeys } from './tickets';

type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

const fetchers = {
  replyChannels: (id: string) => unwrap(api.GET('/api/v1/tickets/{id}/reply-channels', { params: { path: { id } } })),
  deliveries: (id: string) => unwrap(api.GET('/api/v1/tickets/{id}/deliveries', { params: { path: { id } } })),
  status: () => unwrap(api.GET('/api/v1/channels/status')),
  mailboxes: (cursor?: string) => unwrap(api.GET('/api/v1/channels/mailboxes', { params: { query: { limit: bulkLimit, cursor } } })),
  widgets: (cursor?: string) => unwrap(api.GET('/api/v1/channels/widgets', { params: { query: { limit: bulkLimit, cursor } } })),
  routes: () => unwrap(api.GET('/api/v1/channels/routes')),
  agentPhones: () => unwrap(api.GET('/api/v1/channels/agent-phones')),
  failures: (cursor?: string) => unwrap(api.GET('/api/v1/channels/failures', { params: { query: { limit: 50, cursor } } })),
  identities: (id: string) => unwrap(api.GET('/api/v1/contacts/{id}/identities', { params: { path: { id } } })),
};
type Data<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export type ReplyChannels = Data<typeof fetchers.replyChannels>;
export type ReplyOption = ReplyChannels['options'][number];
export type Delivery = Data<typeof fetchers.deliveries>['items'][number];
export type ChannelStatus = Data<typeof fetchers.status>['channels'][number];
export type Mailbox = Data<typeof fetchers.mailboxes>['items'][number];
export type MailboxInput = BodyOf<'/api/v1/channels/mailboxes', 'post'>;
export type ChatWidget = Data<typeof fetchers.widgets>['items'][number];
export type ChatWidgetInput = BodyOf<'/api/v1/channels/widgets', 'post'>;
export type InboundFailure = Data<typeof fetchers.failures>['items'][number];
export type ContactIdentity = Data<typeof fetchers.identities>['items'][number];
export type TemplateInput = BodyOf<'/api/v1/tickets/{id}/whatsapp-template', 'post'>;

export const channelKeys = {
  replyChannels: (id: string) => ['tickets', 'detail', id, 'reply-channels'] as const,
  deliveries: (id: string) => ['tickets', 'detail', id, 'deliveries'] as const,
  status: ['channels', 'status'] as const,
  mailboxes: ['channels', 'mailboxes'] as const,
  widgets: ['channels', 'widgets'] as const,
  routes: ['channels', 'routes'] as const,
  agentPhones: ['channels', 'agent-phones'] as const,
  failures: ['channels', 'failures'] as const,
  identities: (contactId: string) => ['contacts', contactId, 'identities'] as const,
};

/** What the agent may reply on for this ticket, the default, and why other channels cannot be used. */
export function useReplyChannels(ticketId: string, enabled = true) {
  return useQuery({ queryKey: channelKeys.replyChannels(ticketId), queryFn: () => fetchers.replyChannels(ticketId), enabled, staleTime: 30_000 });
}

/** Delivery status of what went over each channel on this ticket. */
export function useDeliveries(ticketId: string) {
  return useQuery({ queryKey: channelKeys.deliveries(ticketId), queryFn: () => fetchers.deliveries(ticketId), select: (d) => d.items });
}

/** Sends an approved WhatsApp template on the ticket (the only thing allowed outside the 24-hour window). */
export function useSendTemplate(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TemplateInput) => unwrap(api.POST('/api/v1/tickets/{id}/whatsapp-template', { params: { path: { id: ticketId } }, body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ticketKeys.detail(ticketId) });
    },
  });
}

/** Logs a live call on the ticket the agent picked from the screen pop. */
export function useLinkCall() {
  return useMutation({
    mutationFn: ({ callId, ticketId }: { callId: string; ticketId: string }) =>
      unwrap(api.POST('/api/v1/calls/{id}/ticket', { params: { path: { id: callId } }, body: { ticketId } })),
  });
}

/** A contact's addresses on every channel. */
export function useContactIdentities(contactId: string | null) {
  return useQuery({ queryKey: channelKeys.identities(contactId ?? ''), queryFn: () => fetchers.identities(contactId!), enabled: !!contactId, select: (d) => d.items });
}

export function useChannelStatus() {
  return useQuery({ queryKey: channelKeys.status, queryFn: fetchers.status });
}

export function useMailboxes() {
  return useQuery({ queryKey: channelKeys.mailboxes, queryFn: () => fetchAllPages(fetchers.mailboxes) });
}

export function useWidgets() {
  return useQuery({ queryKey: channelKeys.widgets, queryFn: () => fetchAllPages(fetchers.widgets) });
}

export function useChannelRoutes() {
  return useQuery({ queryKey: channelKeys.routes, queryFn: fetchers.routes, select: (d) => d.items });
}

export function useAgentPhones() {
  return useQuery({ queryKey: channelKeys.agentPhones, queryFn: fetchers.agentPhones, select: (d) => d.items });
}

export function useFailures() {
  return useQuery({ queryKey: channelKeys.failures, queryFn: () => fetchers.failures(), select: (d) => d.items });
}

/** A mutation that refreshes the channels admin afterwards. */
function useAdminMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['channels'] });
    },
  });
}

export const useCreateMailbox = () => useAdminMutation((body: MailboxInput) => unwrap(api.POST('/api/v1/channels/mailboxes', { body })));
export const useUpdateMailbox = () =>
  useAdminMutation(({ id, patch }: { id: string; patch: Partial<MailboxInput> }) => unwrap(api.PATCH('/api/v1/channels/mailboxes/{id}', { params: { path: { id } }, body: patch })));
export const useDeleteMailbox = () => useAdminMutation((id: string) => unwrap(api.DELETE('/api/v1/channels/mailboxes/{id}', { params: { path: { id } } })));
export const useTestMailbox = () => useAdminMutation((id: string) => unwrap(api.POST('/api/v1/channels/mailboxes/{id}/test', { params: { path: { id } } })));
export const usePollMailbox = () => useAdminMutation((id: string) => unwrap(api.POST('/api/v1/channels/mailboxes/{id}/poll', { params: { path: { id } } })));
export const useCreateWidget = () => useAdminMutation((body: ChatWidgetInput) => unwrap(api.POST('/api/v1/channels/widgets', { body })));
export const useUpdateWidget = () =>
  useAdminMutation(({ id, patch }: { id: string; patch: Partial<ChatWidgetInput> }) => unwrap(api.PATCH('/api/v1/channels/widgets/{id}', { params: { path: { id } }, body: patch })));
export const useDeleteWidget = () => useAdminMutation((id: string) => unwrap(api.DELETE('/api/v1/channels/widgets/{id}', { params: { path: { id } } })));
export const useSetChannelRoute = () =>
  useAdminMutation(({ channel, teamId }: { channel: 'whatsapp' | 'telegram' | 'sms' | 'phone' | 'chat'; teamId: string | null }) =>
    unwrap(api.PUT('/api/v1/channels/routes/{channel}', { params: { path: { channel } }, body: { teamId } })),
  );
export const useSetAgentPhone = () =>
  useAdminMutation(({ number, userId }: { number: string; userId: string | null }) =>
    unwrap(api.PUT('/api/v1/channels/agent-phones/{number}', { params: { path: { number } }, body: { userId } })),
  );
export const useRetryFailure = () => useAdminMutation((id: string) => unwrap(api.POST('/api/v1/channels/failures/{id}/retry', { params: { path: { id } } })));
export const useResolveFailure = () => useAdminMutation((id: string) => unwrap(api.POST('/api/v1/channels/failures/{id}/resolve', { params: { path: { id } } })));
