import { openStatuses, type TicketQuery, type TicketStatus } from '../../api/types';

/** The built-in queue views; each is a preset of the ticket list filters. */
export const queueViews = ['mine', 'unassigned', 'team', 'open', 'all'] as const;
export type QueueView = (typeof queueViews)[number];

/** Filters a user can set on top of a view; kept in the URL so a filtered queue can be shared. */
export interface QueueFilters {
  status: TicketStatus[];
  priority: string | null;
  tag: string | null;
  q: string;
  sort: NonNullable<TicketQuery['sort']>;
  teamId: string | null;
}

/** Narrows a route segment to a known view. */
export function toQueueView(value: string | undefined): QueueView | null {
  return (queueViews as readonly string[]).includes(value ?? '') ? (value as QueueView) : null;
}

/** Reads the filters from the URL, falling back to the view's defaults (open tickets, newest activity first). */
export function filtersFromParams(view: QueueView, params: URLSearchParams): QueueFilters {
  const statusParam = params.get('status');
  const status =
    statusParam === null
      ? view === 'all'
        ? []
        : [...openStatuses]
      : (statusParam.split(',').filter(Boolean) as TicketStatus[]);
  const sort = params.get('sort');
  return {
    status,
    priority: params.get('priority'),
    tag: params.get('tag'),
    q: params.get('q') ?? '',
    sort: sort === 'created_desc' || sort === 'created_asc' || sort === 'priority_desc' ? sort : 'updated_desc',
    teamId: params.get('team'),
  };
}

/** Writes one filter change back into the URL parameters, dropping values equal to the default. */
export function withFilter(params: URLSearchParams, key: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === null) next.delete(key);
  else next.set(key, value);
  return next;
}

/**
 * Turns a view plus filters into the API query; `null` when the view cannot run (the team view
 * for someone in no team). "My team" asks the server for `teamId=mine`, which covers every team
 * the user belongs to, unless one team was picked.
 */
export function toTicketQuery(view: QueueView, filters: QueueFilters, inAnyTeam: boolean): TicketQuery | null {
  const query: TicketQuery = { sort: filters.sort };
  if (filters.status.length) query.status = filters.status.join(',');
  if (filters.priority) query.priority = filters.priority;
  if (filters.tag) query.tag = filters.tag;
  if (filters.q.trim()) query.q = filters.q.trim();
  if (view === 'mine') query.assigneeId = 'me';
  if (view === 'unassigned') query.assigneeId = 'none';
  if (view === 'team') {
    if (!filters.teamId && !inAnyTeam) return null;
    query.teamId = filters.teamId ?? 'mine';
  }
  return query;
}
