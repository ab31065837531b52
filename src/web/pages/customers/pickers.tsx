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

/** Picks a contact by typing a name or address; the search runs on the server. */
export function ContactPicker({ value, onChange, organisationId, selected, ...props }: PickerProps<Contact> & { organisationId?: string | null; selected?: Contact | null }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const contacts = useContacts({ q: q || undefined, organisationId: organisationId ?? undefined });
  const items = contacts.data?.items ?? [];
  const all = selected && !items.some((c) => c.id === selected.id) ? [selected, ...items] : items;
  return (
    <Select
      searchable
      clearable
      allowDeselect
      filter={noFilter}
      searchValue={search}
      onSearchChange={setSearch}
      data={all.map((c) => ({ value: c.id, label: c.emails[0] ? `${c.name} <${c.emails[0]}>` : c.name }))}
      value={value}
      onChange={(id) => onChange(id, all.find((c) => c.id === id) ?? null)}
      nothingFoundMessage={t('common.nothingFound')}
      {...props}
    />
  );
}

/** Picks an organisation by name, searched on the server. */
export function OrganisationPicker({ value, onChange, selected, ...props }: PickerProps<Organisation> & { selected?: Organisation | null }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const list = useOrganisationList(q);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const all = selected && !items.some((o) => o.id === selected.id) ? [selected, ...items] : items;
  return (
    <Select
      searchable
      clearable
      allowDeselect
      filter={noFilter}
      searchValue={search}
      onSearchChange={setSearch}
      data={all.map((o) => ({ value: o.id, label: o.name }))}
      value={value}
      onChange={(id) => onChange(id, all.find((o) => o.id === id) ?? null)}
      nothingFoundMessage={t('common.nothingFound')}
      {...props}
    />
  );
}
