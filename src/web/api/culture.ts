/**
 * TanStack Query hooks for the culture API. Typed by the culture engine's own answer types
 * (`src/culture/api-types.ts`), which the server's zod schemas mirror, and sent through the
 * shared API client so session expiry is handled like everywhere else.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CountryDetail, CountryPolicyAnswer, CountrySummary, EffectivePolicyAnswer, OverrideAnswer,
} from '../../culture/browser';
import type { PolicyFieldName } from '../../culture/browser';
import { api, unwrap } from './client';

type Answer = Promise<{ data?: unknown; error?: unknown; response: Response }>;
interface LooseClient {
  GET(url: string, init?: { params?: { query?: Record<string, unknown> } }): Answer;
  PUT(url: string, init: { body: unknown }): Answer;
  DELETE(url: string): Answer;
}
// The culture paths are typed by the engine's answer types rather than the generated schema,
// so this client accepts any path; the middleware (session expiry) still applies.
const client = api as unknown as LooseClient;

export const cultureKeys = {
  countries: (filter: { q?: string; coverage?: string; all?: boolean }) => ['culture', 'countries', filter] as const,
  country: (code: string) => ['culture', 'country', code] as const,
  countryPolicy: (code: string) => ['culture', 'country-policy', code] as const,
  contactPolicy: (id: string) => ['culture', 'contact-policy', id] as const,
  overrides: (scope: OverrideScope, id: string) => ['culture', 'overrides', scope, id] as const,
};

export type OverrideScope = 'organisation' | 'contact';
const scopePath = (scope: OverrideScope) => (scope === 'organisation' ? 'organisations' : 'contacts');

/** Countries with culture data (or every ISO country with `all`), paged. */
export function useCountryList(filter: { q?: string; coverage?: string; all?: boolean }, limit = 200) {
  return useInfiniteQuery({
    queryKey: cultureKeys.countries(filter),
    queryFn: ({ pageParam }) =>
      unwrap(client.GET('/api/v1/culture/countries', {
        params: { query: { limit, ...(pageParam ? { cursor: pageParam } : {}), ...(filter.q ? { q: filter.q } : {}), ...(filter.coverage ? { coverage: filter.coverage } : {}), ...(filter.all ? { all: 'true' } : {}) } },
      })) as Promise<{ items: CountrySummary[]; nextCursor: string | null }>,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
    staleTime: 5 * 60_000,
  });
}

/** A country's profile with sources, edits and attribution. */
export function useCountryDetail(code: string | null | undefined) {
  return useQuery({
    queryKey: cultureKeys.country(code ?? ''),
    queryFn: () => unwrap(client.GET(`/api/v1/culture/countries/${encodeURIComponent(code!)}`)) as Promise<CountryDetail>,
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
  });
}

/** A country's default policy. */
export function useCountryPolicy(code: string | null | undefined) {
  return useQuery({
    queryKey: cultureKeys.countryPolicy(code ?? ''),
    queryFn: () => unwrap(client.GET(`/api/v1/culture/countries/${encodeURIComponent(code!)}/policy`)) as Promise<CountryPolicyAnswer>,
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
  });
}

/** A contact's effective policy with every step. */
export function useContactPolicy(contactId: string | null | undefined) {
  return useQuery({
    queryKey: cultureKeys.contactPolicy(contactId ?? ''),
    queryFn: () => unwrap(client.GET(`/api/v1/contacts/${contactId}/policy`)) as Promise<EffectivePolicyAnswer>,
    enabled: Boolean(contactId),
    staleTime: 60_000,
  });
}

/** Edits (or with `value: undefined`, reverts) a curated field of a country. */
export function useEditCountryField(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ field, value, note }: { field: string; value?: unknown; note?: string | null }) =>
      (value === undefined
        ? unwrap(client.DELETE(`/api/v1/culture/countries/${code}/fields/${field}`))
        : unwrap(client.PUT(`/api/v1/culture/countries/${code}/fields/${field}`, { body: { value, note: note ?? null } }))) as Promise<CountryDetail>,
    onSuccess: (detail) => {
      qc.setQueryData(cultureKeys.country(code), detail);
      void qc.invalidateQueries({ queryKey: ['culture'] });
    },
  });
}

/** Sets or removes an admin override for an organisation or a contact. */
export function useOverride(scope: OverrideScope, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ field, value, reason }: { field: PolicyFieldName; value?: unknown; reason?: string }) =>
      (value === undefined
        ? unwrap(client.DELETE(`/api/v1/${scopePath(scope)}/${id}/culture-overrides/${field}`))
        : unwrap(client.PUT(`/api/v1/${scopePath(scope)}/${id}/culture-overrides/${field}`, { body: { value, reason } }))) as Promise<OverrideAnswer | undefined>,
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['culture'] }),
  });
}
