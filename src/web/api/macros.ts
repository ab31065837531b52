/** Macros (canned replies): the picker's search, the editor's CRUD, preview and apply on a ticket. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from './schema';
import { api, unwrap } from './client';
import { storeTicket } from './tickets';

export type Macro = components['schemas']['Macro'];
export type MacroVariant = components['schemas']['MacroVariant'];
export type MacroActions = components['schemas']['MacroActions'];
export type RenderedMacro = components['schemas']['RenderedMacro'];
export type MacroInput = { title: string; scope: 'personal' | 'shared'; variants: MacroVariant[]; actions?: MacroActions; teamId?: string | null };
export type AddressChoice = { gender?: 'female' | 'male' | 'neutral'; title?: 'dr' | 'prof' | 'eng' | null };

export const macroKeys = {
  all: ['macros'] as const,
  list: (q: string) => ['macros', 'list', q] as const,
  preview: (ticketId: string, macroId: string, address: AddressChoice) => ['macros', 'preview', ticketId, macroId, address] as const,
};

/** Macros the user may use, matching `q` (first 50; the picker narrows by typing, not paging). */
export function useMacros(q: string) {
  return useQuery({
    queryKey: macroKeys.list(q),
    queryFn: () => unwrap(api.GET('/api/v1/macros', { params: { query: { q: q || undefined, limit: 50 } } })),
    placeholderData: keepPreviousData,
  });
}

/** The macro rendered for a ticket: which variant, why, and the text. */
export function useMacroPreview(ticketId: string, macroId: string | null, address: AddressChoice) {
  return useQuery({
    queryKey: macroKeys.preview(ticketId, macroId ?? '', address),
    enabled: Boolean(macroId),
    queryFn: () => unwrap(api.POST('/api/v1/tickets/{id}/macros/{macroId}/preview', { params: { path: { id: ticketId, macroId: macroId! } }, body: { address } })),
  });
}

/** Applies a macro's actions to a ticket and returns its text; refreshes the ticket and queues. */
export function useApplyMacro(ticketId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ macroId, address }: { macroId: string; address: AddressChoice }) =>
      unwrap(api.POST('/api/v1/tickets/{id}/macros/{macroId}/apply', { params: { path: { id: ticketId, macroId } }, body: { address } })),
    onSuccess: (res) => {
      storeTicket(client, res.ticket);
      void client.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
}

/** Creates or changes a macro. */
export function useSaveMacro() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: MacroInput }) =>
      id
        ? unwrap(api.PATCH('/api/v1/macros/{id}', { params: { path: { id } }, body: input }))
        : unwrap(api.POST('/api/v1/macros', { body: input })),
    onSuccess: () => void client.invalidateQueries({ queryKey: macroKeys.all }),
  });
}

/** Deletes a macro. */
export function useDeleteMacro() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/macros/{id}', { params: { path: { id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: macroKeys.all }),
  });
}
