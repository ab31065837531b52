import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from './client';
import { bulkLimit, fetchAllPages } from './paging';
import type { Team, TeamInput, User, UserCreate, UserPatch } from './types';

/** Query keys for users and teams. */
export const peopleKeys = {
  users: ['users', 'list'] as const,
  teams: ['teams', 'list'] as const,
};

/**
 * Every user, fetched whole: help desks have tens to hundreds of agents, and the assignee
 * picker, the queue and the admin page all need names by id.
 */
export function useUsers(enabled = true) {
  return useQuery({
    queryKey: peopleKeys.users,
    queryFn: () => fetchAllPages((cursor) => unwrap(api.GET('/api/v1/users', { params: { query: { limit: bulkLimit, cursor } } }))),
    staleTime: 60_000,
    enabled,
  });
}

/** Every team (a small list). */
export function useTeams(enabled = true) {
  return useQuery({
    queryKey: peopleKeys.teams,
    queryFn: () => fetchAllPages((cursor) => unwrap(api.GET('/api/v1/teams', { params: { query: { limit: bulkLimit, cursor } } }))),
    staleTime: 60_000,
    enabled,
  });
}

/** Users by id, for turning ids into names without another request. */
export function useUserMap(enabled = true): Map<string, User> {
  const { data } = useUsers(enabled);
  return useMemo(() => new Map((data ?? []).map((u) => [u.id, u])), [data]);
}

/** Teams by id. */
export function useTeamMap(enabled = true): Map<string, Team> {
  const { data } = useTeams(enabled);
  return useMemo(() => new Map((data ?? []).map((t) => [t.id, t])), [data]);
}

/** Creates a user (admin). */
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** Edits a user: role, teams, skills, active … (admin). */
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) => unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['users'] });
      void client.invalidateQueries({ queryKey: ['teams'] });
    },
  });
}

/** Creates a team. */
export function useCreateTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TeamInput) => unwrap(api.POST('/api/v1/teams', { body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['teams'] });
      void client.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

/** Edits a team's name, address or members. */
export function useUpdateTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Partial<TeamInput> }) =>
      unwrap(api.PATCH('/api/v1/teams/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['teams'] });
      void client.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
