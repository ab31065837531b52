import { Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ContactInput, Site } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { CountrySelect } from './country-select';
import { FormFooter } from '../../components/form-footer';

/** Adds a contact to an organisation: name, addresses, phones, country, languages, site. */
export function ContactForm({ organisationId, sites, busy, error, onSubmit, onCancel }: {
  organisationId: string;
  sites: Site[];
  busy: boolean;
  error: string | null;
  onSubmit: (input: ContactInput) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [jobTitle, setJobTitle] = useState('');
  const [emails, setEmails] = useState<string[]>([]);
  const [phones, setPhones] = useState<string[]>([]);
  const [country, setCountry] = useState<string | null>(null);
  const [languages, setLanguages] = useState<string[]>([]);
  const [siteId, setSiteId] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ name: name.trim(), organisationId, siteId, jobTitle: jobTitle.trim() || null, emails, phones, country, languages });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label={t('contact.field.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
          <TextInput label={t('contact.field.jobTitle')} value={jobTitle} onChange={(e) => setJobTitle(e.currentTarget.value)} />
        </SimpleGrid>
        <TagsInput label={t('contact.field.emails')} value={emails} onChange={setEmails} dir="ltr" />
        <TagsInput label={t('contact.field.phones')} value={phones} onChange={setPhones} dir="ltr" />
        <SimpleGrid cols={2} spacing="sm">
          <CountrySelect label={t('contact.field.country')} value={country} onChange={setCountry} />
          <Select label={t('contact.field.site')} data={sites.map((s) => ({ value: s.id, label: s.name }))} value={siteId} onChange={setSiteId} clearable allowDeselect />
        </SimpleGrid>
        <TagsInput label={t('contact.field.languages')} description={t('contact.field.languagesHint')} value={languages} onChange={setLanguages} />
        <FormFooter error={error} onCancel={onCancel} busy={busy} canSave={name.trim() !== ''} />
      </Stack>
    </form>
  );
}
