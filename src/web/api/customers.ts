import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { bulkLimit, fetchAllPages, queueLimit } from './paging';
import type { ContactInput, OrganisationInput } from './types';

/** Query keys for the customer 360 records. */
export const customerKeys = {
  organisations: (q: string) => ['organisations', 'list', q] as const,
  organisation: (id: string) => ['organisations', 'detail', id] as const,
  sites: (organisationId: string) => ['sites', organisationId] as const,
  contacts: (filter: { organisationId?: string; q?: string }) => ['contacts', 'list', filter] as const,
  contact: (id: string) => ['contacts', 'detail', id] as const,
  contracts: (organisationId: string) => ['contracts', organisationId] as const,
  assets: (organisationId: string) => ['assets', organisationId] as const,
};

/** Organisations, searchable, with "load more" paging. */
export function useOrganisationList(q: string) {
  return useInfiniteQuery({
    queryKey: customerKeys.organisations(q),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/organisations', { params: { query: { limit: queueLimit, cursor: pageParam, ...(q ? { q } : {}) } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/** One organisation. */
export function useOrganisation(id: string | null | undefined) {
  return useQuery({
    queryKey: customerKeys.organisation(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/** Creates an organisation. */
export function useCreateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationInput) => unwrap(api.POST('/api/v1/organisations', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['organisations'] }),
  });
}

/** Edits an organisation's details. */
export function useUpdateOrganisation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<OrganisationInput>) => unwrap(api.PATCH('/api/v1/organisations/{id}', { params: { path: { id } }, body })),
    onSuccess: (org) => {
      client.setQueryData(customerKeys.organisation(id), org);
      void client.invalidateQueries({ queryKey: ['organisations', 'list'] });
    },
  });
}

/** All sites of an organisation (a handful per customer, fetched whole). */
export function useSites(organisationId: string | null | undefined) {
  return useQuery({
    queryKey: customerKeys.sites(organisationId ?? ''),
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(api.GET('/api/v1/sites', { params: { query: { organisationId: organisationId!, limit: bulkLimit, cursor } } })),
      ),
    enabled: Boolean(organisationId),
  });
}

/** Contacts filtered by organisation and/or a search text; used by pickers and the org page. */
export function useContacts(filter: { organisationId?: string; q?: string }, enabled = true) {
  return useQuery({
    queryKey: customerKeys.contacts(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/contacts', {
          params: {
            query: {
              limit: bulkLimit,
              ...(filter.organisationId ? { organisationId: filter.organisationId } : {}),
              ...(filter.q ? { q: filter.q } : {}),
            },
          },
        }),
      ),
    enabled,
    placeholderData: (previous) => previous,
  });
}

/** One contact. */
export function useContact(id: string | null | undefined) {
  return useQuery({
    queryKey: customerKeys.contact(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/contacts/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/** Creates a contact. */
export function useCreateContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactInput) => unwrap(api.POST('/api/v1/contacts', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['contacts'] }),
  });
}

/** Service contracts of an organisation. */
export function useContracts(organisationId: string | null | undefined) {
  return useQuery({
    queryKey: customerKeys.contracts(organisationId ?? ''),
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(api.GET('/api/v1/contracts', { params: { query: { organisationId: organisationId!, limit: bulkLimit, cursor } } })),
      ),
    enabled: Boolean(organisationId),
  });
}

/** Installed equipment of an organisation. */
export function useAssets(organisationId: string | null | undefined) {
  return useQuery({
    queryKey: customerKeys.assets(organisationId ?? ''),
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(api.GET('/api/v1/assets', { params: { query: { organisationId: organisationId!, limit: bulkLimit, cursor } } })),
      ),
    enabled: Boolean(organisationId),
  });
}
