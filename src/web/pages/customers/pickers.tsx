import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useContacts, useOrganisationList } from '../../api/customers';
import type { Contact, Organisation } from '../../api/types';
import { useT } from '../../i18n/use-t';

type PickerProps<T> = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (id: string | null, record: T | null) => void;
};

const noFilter: SelectProps['filter'] = ({ options }) => options;

/** What the user types, and the same text debounced for the server search. */
function useSearchTerm(): [string, (s: string) => void, string] {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  return [search, setSearch, q];
}

/**
 * A select whose options come from a server search. The chosen record stays listed even when
 * the current search would not find it, and `onChange` hands back the record, not just its id.
 */
function RecordSelect<T extends { id: string }>({
  items, selected, labelOf, search, onSearchChange, value, onChange, ...props
}: PickerProps<T> & { items: T[]; selected?: T | null; labelOf: (record: T) => string; search: string; onSearchChange: (s: string) => void }) {
  const t = useT();
  const all = selected && !items.some((r) => r.id === selected.id) ? [selected, ...items] : items;
  return (
    <Select
      searchable
      clearable
      allowDeselect
      filter={noFilter}
      searchValue={search}
      onSearchChange={onSearchChange}
      data={all.map((r) => ({ value: r.id, label: labelOf(r) }))}
      value={value}
      onChange={(id) => onChange(id, all.find((r) => r.id === id) ?? null)}
      nothingFoundMessage={t('common.nothingFound')}
      {...props}
    />
  );
}

/** Picks a contact by typing a name or address; the search runs on the server. */
export function ContactPicker({ organisationId, ...props }: PickerProps<Contact> & { organisationId?: string | null; selected?: Contact | null }) {
  const [search, setSearch, q] = useSearchTerm();
  const contacts = useContacts({ q: q || undefined, organisationId: organisationId ?? undefined });
  return (
    <RecordSelect
      items={contacts.data?.items ?? []}
      labelOf={(c) => (c.emails[0] ? `${c.name} <${c.emails[0]}>` : c.name)}
      search={search}
      onSearchChange={setSearch}
      {...props}
    />
  );
}

/** Picks an organisation by name, searched on the server. */
export function OrganisationPicker(props: PickerProps<Organisation> & { selected?: Organisation | null }) {
  const [search, setSearch, q] = useSearchTerm();
  const list = useOrganisationList(q);
  return <RecordSelect items={list.data?.pages.flatMap((p) => p.items) ?? []} labelOf={(o) => o.name} search={search} onSearchChange={setSearch} {...props} />;
}
