import { useState } from 'react';

interface Mutation<V> {
  mutate(vars: V, options: { onSuccess: () => void }): void;
  isPending: boolean;
  error: Error | null;
}

/**
 * The create-or-edit modal state both SLA admin pages share: which record is open (or "new"),
 * whether the save is running, its error, and a submit that creates or updates and then closes.
 */
export function useRecordEditor<R extends { id: string }, I>(create: Mutation<I>, update: Mutation<Partial<I> & { id: string }>) {
  const [editing, setEditing] = useState<R | 'new' | null>(null);
  const mutation = editing === 'new' ? create : update;
  const close = () => setEditing(null);
  return {
    editing,
    isNew: editing === 'new',
    /** The record being edited, or undefined for a new one. */
    initial: editing === 'new' || editing === null ? undefined : editing,
    /** A key that remounts the form when another record is opened. */
    formKey: editing === 'new' ? 'new' : (editing?.id ?? 'closed'),
    open: (record: R | 'new') => setEditing(record),
    close,
    busy: mutation.isPending,
    error: mutation.error?.message ?? null,
    submit: (input: I) => {
      if (editing === 'new') create.mutate(input, { onSuccess: close });
      else if (editing) update.mutate({ ...input, id: editing.id }, { onSuccess: close });
    },
  };
}
