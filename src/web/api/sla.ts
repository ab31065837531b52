/**
 * Web hooks for business calendars, SLA policies and team shifts, a ticket's SLA clocks,
 * patience, follow-up promises and transfers. Ticket-scoped keys live under `['tickets', …]`
 * so they refresh with the ticket whenever the realtime socket says it changed.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { bulkLimit, fetchAllPages } from './paging';
import type { paths } from './schema';

type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

// Response types are taken from what the typed client returns, so they match the hooks exactly.
const fetchers = {
  calendars: (cursor?: string) => unwrap(api.GET('/api/v1/calendars', { params: { query: { limit: bulkLimit, cursor } } })),
  country: (country: string) => unwrap(api.GET('/api/v1/calendars/countries/{country}', { params: { path: { country } } })),
  policies: (cursor?: string) => unwrap(api.GET('/api/v1/sla-policies', { params: { query: { limit: bulkLimit, cursor } } })),
  shifts: () => unwrap(api.GET('/api/v1/team-shifts')),
  ticket: (id: string) => unwrap(api.GET('/api/v1/tickets/{id}/sla', { params: { path: { id } } })),
  queue: (ids: string) => unwrap(api.GET('/api/v1/sla/tickets', { params: { query: { ids } } })),
  patience: (id: string) => unwrap(api.GET('/api/v1/tickets/{id}/patience', { params: { path: { id } } })),
  promises: (id: string) => unwrap(api.GET('/api/v1/tickets/{id}/promises', { params: { path: { id } } })),
  timeline: (id: string) => unwrap(api.GET('/api/v1/portal/tickets/{id}/timeline', { params: { path: { id } } })),
};
type Data<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export type Calendar = Data<typeof fetchers.calendars>['items'][number];
export type CalendarDefinition = Calendar['definition'];
export type CalendarInput = BodyOf<'/api/v1/calendars', 'post'>;
export type CountryCalendar = Data<typeof fetchers.country>;
export type Holiday = CountryCalendar['holidays'][number];
export type SlaPolicy = Data<typeof fetchers.policies>['items'][number];
export type SlaPolicyInput = BodyOf<'/api/v1/sla-policies', 'post'>;
export type TeamShift = Data<typeof fetchers.shifts>['items'][number];
export type TicketSla = Data<typeof fetchers.ticket>;
export type SlaClock = TicketSla['clocks'][number];
export type SlaState = SlaClock['state'];
export type QueueSla = Data<typeof fetchers.queue>['items'][number];
export type Patience = Data<typeof fetchers.patience>;
export type CustomerTimeline = Data<typeof fetchers.timeline>;
export type FollowUpPromise = Data<typeof fetchers.promises>['items'][number];
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export const slaKeys = {
  calendars: ['calendars'] as const,
  country: (cc: string) => ['calendars', 'country', cc] as const,
  holidays: (id: string, year: number) => ['calendars', id, 'holidays', year] as const,
  policies: ['sla-policies'] as const,
  shifts: ['team-shifts'] as const,
  queue: (ids: string[]) => ['tickets', 'sla', 'queue', ids] as const,
  ticket: (id: string) => ['tickets', 'detail', id, 'sla'] as const,
  patience: (id: string) => ['tickets', 'detail', id, 'patience'] as const,
  promises: (id: string) => ['tickets', 'detail', id, 'promises'] as const,
  timeline: (id: string) => ['tickets', 'detail', id, 'customer-timeline'] as const,
};

/**
 * SLA summaries of the tickets on screen, in one request shared by every row (TanStack Query
 * dedupes the identical key). Refreshed every minute because time left changes with no event.
 */
export function useQueueSla(ids: string[]) {
  const sorted = [...new Set(ids)].sort();
  return useQuery({
    queryKey: slaKeys.queue(sorted),
    queryFn: () => fetchers.queue(sorted.join(',')),
    select: (data) => new Map(data.items.map((i) => [i.ticketId, i])),
    enabled: sorted.length > 0,
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** A ticket's SLA clocks, refreshed every minute (time left changes without any event). */
export function useTicketSla(id: string) {
  return useQuery({ queryKey: slaKeys.ticket(id), queryFn: () => fetchers.ticket(id), refetchInterval: 60_000 });
}

/** A ticket's patience score, its reasons and the remedy guidance. */
export function usePatience(id: string) {
  return useQuery({ queryKey: slaKeys.patience(id), queryFn: () => fetchers.patience(id) });
}

/** A ticket's follow-up promises with their state. */
export function usePromises(id: string) {
  return useQuery({ queryKey: slaKeys.promises(id), queryFn: () => fetchers.promises(id).then((d) => d.items) });
}

/** The case as the customer sees it: owner, next update due, promises (portal). */
export function useCustomerTimeline(id: string) {
  return useQuery({ queryKey: slaKeys.timeline(id), queryFn: () => fetchers.timeline(id), refetchInterval: 60_000 });
}

/** Everything about the ticket refreshes after a promise, a cancellation or a transfer. */
function useTicketMutation<TVars, TData>(fn: (vars: TVars) => Promise<TData>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void client.invalidateQueries({ queryKey: ['tickets'] }) });
}

/** Records "I will update you by …" on a ticket. */
export function useCreatePromise(id: string) {
  return useTicketMutation((body: BodyOf<'/api/v1/tickets/{id}/promises', 'post'>) => unwrap(api.POST('/api/v1/tickets/{id}/promises', { params: { path: { id } }, body })));
}

/** Withdraws an open promise. */
export function useCancelPromise(id: string) {
  return useTicketMutation((promiseId: string) => unwrap(api.POST('/api/v1/tickets/{id}/promises/{promiseId}/cancel', { params: { path: { id, promiseId } } })));
}

/** A hand-off summary drafted by the server for the chosen target; fetched when the dialog opens. */
export function useTransferDraft(id: string, target: { assigneeId?: string; teamId?: string }, enabled: boolean) {
  return useQuery({
    queryKey: ['tickets', 'detail', id, 'transfer-draft', target],
    queryFn: () => unwrap(api.GET('/api/v1/tickets/{id}/transfer/draft', { params: { path: { id }, query: target } })),
    enabled,
    staleTime: Infinity,
  });
}

/** Transfers a ticket with its hand-off summary. */
export function useTransfer(id: string) {
  return useTicketMutation((body: BodyOf<'/api/v1/tickets/{id}/transfer', 'post'>) => unwrap(api.POST('/api/v1/tickets/{id}/transfer', { params: { path: { id } }, body })));
}

/** Every stored calendar (a short list, fetched whole for pickers and the admin page). */
export function useCalendars() {
  return useQuery({
    queryKey: slaKeys.calendars,
    queryFn: () => fetchAllPages(fetchers.calendars),
  });
}

/** A country's calendar as it applies: the admin override or the default. */
export function useCountryCalendar(country: string | null) {
  return useQuery({
    queryKey: slaKeys.country(country ?? ''),
    queryFn: () => fetchers.country(country!),
    enabled: Boolean(country),
    retry: false,
  });
}

/** The holidays a stored calendar closes in a year. */
export function useCalendarHolidays(id: string | null, year: number) {
  return useQuery({
    queryKey: slaKeys.holidays(id ?? '', year),
    queryFn: () => unwrap(api.GET('/api/v1/calendars/{id}/holidays', { params: { path: { id: id! }, query: { year } } })).then((d) => d.items),
    enabled: Boolean(id),
  });
}

function useInvalidating<TVars, TData>(key: readonly string[], fn: (vars: TVars) => Promise<TData>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void client.invalidateQueries({ queryKey: key }) });
}

/** Creates a calendar (admin). */
export const useCreateCalendar = () => useInvalidating(slaKeys.calendars, (body: CalendarInput) => unwrap(api.POST('/api/v1/calendars', { body })));
/** Changes a calendar (admin). */
export const useUpdateCalendar = () =>
  useInvalidating(slaKeys.calendars, ({ id, ...body }: Partial<CalendarInput> & { id: string }) => unwrap(api.PATCH('/api/v1/calendars/{id}', { params: { path: { id } }, body })));
/** Deletes a calendar nothing uses any more (admin). */
export const useDeleteCalendar = () => useInvalidating(slaKeys.calendars, (id: string) => unwrap(api.DELETE('/api/v1/calendars/{id}', { params: { path: { id } } })));

/** The due-time calculator on the calendars page. */
export function useDueCalculator() {
  return useMutation({ mutationFn: (body: BodyOf<'/api/v1/calendars/due', 'post'>) => unwrap(api.POST('/api/v1/calendars/due', { body })) });
}

/** Every SLA policy, in the order that breaks ties between equally specific ones. */
export function useSlaPolicies() {
  return useQuery({
    queryKey: slaKeys.policies,
    queryFn: () => fetchAllPages(fetchers.policies),
  });
}

/** Creates an SLA policy (admin). */
export const useCreatePolicy = () => useInvalidating(slaKeys.policies, (body: SlaPolicyInput) => unwrap(api.POST('/api/v1/sla-policies', { body })));
/** Changes an SLA policy (admin). */
export const useUpdatePolicy = () =>
  useInvalidating(slaKeys.policies, ({ id, ...body }: Partial<SlaPolicyInput> & { id: string }) => unwrap(api.PATCH('/api/v1/sla-policies/{id}', { params: { path: { id } }, body })));
/** Deletes an SLA policy (admin). */
export const useDeletePolicy = () => useInvalidating(slaKeys.policies, (id: string) => unwrap(api.DELETE('/api/v1/sla-policies/{id}', { params: { path: { id } } })));

/** The follow-the-sun rotation: each team's shift calendar. */
export function useTeamShifts() {
  return useQuery({ queryKey: slaKeys.shifts, queryFn: () => fetchers.shifts().then((d) => d.items) });
}

/** Puts a team in the rotation or changes its shift (admin, manager). */
export const useSaveTeamShift = () =>
  useInvalidating(slaKeys.shifts, ({ teamId, ...body }: BodyOf<'/api/v1/team-shifts/{teamId}', 'put'> & { teamId: string }) => unwrap(api.PUT('/api/v1/team-shifts/{teamId}', { params: { path: { teamId } }, body })));
/** Takes a team out of the rotation (admin, manager). */
export const useDeleteTeamShift = () => useInvalidating(slaKeys.shifts, (teamId: string) => unwrap(api.DELETE('/api/v1/team-shifts/{teamId}', { params: { path: { teamId } } })));
