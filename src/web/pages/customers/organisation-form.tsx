import { Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Organisation, OrganisationInput } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { CountrySelect } from './country-select';
import { FormFooter } from '../../components/form-footer';

/** Create/edit form for an organisation's details. */
export function OrganisationForm({ initial, busy, error, onSubmit, onCancel }: {
  initial?: Organisation;
  busy: boolean;
  error: string | null;
  onSubmit: (input: OrganisationInput) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [name, setName] = useState(initial?.name ?? '');
  const [domains, setDomains] = useState<string[]>(initial?.domains ?? []);
  const [country, setCountry] = useState<string | null>(initial?.country ?? null);
  const [industry, setIndustry] = useState(initial?.industry ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ name: name.trim(), domains, country, industry: industry.trim() || null, notes: notes.trim() || null });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label={t('org.field.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus data-testid="org-name" />
        <TagsInput label={t('org.field.domains')} value={domains} onChange={setDomains} placeholder="example.com" dir="ltr" />
        <CountrySelect label={t('org.field.country')} value={country} onChange={setCountry} />
        <TextInput label={t('org.field.industry')} value={industry} onChange={(e) => setIndustry(e.currentTarget.value)} />
        <Textarea label={t('org.field.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={3} />
        <FormFooter error={error} onCancel={onCancel} busy={busy} canSave={name.trim() !== ''} saveTestId="org-save" />
      </Stack>
    </form>
  );
}
