import { MultiSelect, PasswordInput, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useOrganisation } from '../../api/customers';
import { roles, seniorities, type Role, type Team, type User, type UserCreate } from '../../api/types';
import { supportedLocales } from '../../i18n/catalogue';
import { endonym } from '../../components/language-menu';
import { useT } from '../../i18n/use-t';
import { ContactPicker, OrganisationPicker } from '../customers/pickers';
import { FormFooter } from '../../components/form-footer';

/** Every IANA zone the browser knows, for the time-zone picker. */
function useTimeZones(): string[] {
  return useMemo(() => {
    try {
      return Intl.supportedValuesOf('timeZone');
    } catch {
      return ['UTC'];
    }
  }, []);
}

/**
 * Creates or edits a user. Customer users are tied to an organisation (and optionally their
 * contact record), which is what confines them to their own organisation's tickets.
 */
export function UserForm({ initial, teams, busy, error, onSubmit, onCancel }: {
  initial?: User;
  teams: Team[];
  busy: boolean;
  error: string | null;
  onSubmit: (input: UserCreate & { active?: boolean }) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const zones = useTimeZones();
  const [name, setName] = useState(initial?.name ?? '');
  const [email, setEmail] = useState(initial?.email ?? '');
  const [role, setRole] = useState<Role>(initial?.role ?? 'agent');
  const [password, setPassword] = useState('');
  const [teamIds, setTeamIds] = useState<string[]>(initial?.teamIds ?? []);
  const [languages, setLanguages] = useState<string[]>(initial?.languages ?? []);
  const [skills, setSkills] = useState<string[]>(initial?.skills ?? []);
  const [seniority, setSeniority] = useState<User['seniority']>(initial?.seniority ?? 'regular');
  const [timeZone, setTimeZone] = useState(initial?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [locale, setLocale] = useState<string | null>(initial?.locale ?? null);
  const [organisationId, setOrganisationId] = useState<string | null>(initial?.organisationId ?? null);
  const [contactId, setContactId] = useState<string | null>(initial?.contactId ?? null);
  const [active, setActive] = useState(initial?.active ?? true);
  const [apiTokensAllowed, setApiTokensAllowed] = useState(!!initial && !initial.staff && initial.apiTokensAllowed);
  const initialOrg = useOrganisation(initial?.organisationId);
  const isCustomer = role === 'customer';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({
      name: name.trim(),
      email: email.trim(),
      role,
      ...(password ? { password } : {}),
      teamIds: isCustomer ? [] : teamIds,
      languages,
      skills: isCustomer ? [] : skills,
      seniority,
      timeZone,
      locale,
      organisationId: isCustomer ? organisationId : null,
      contactId: isCustomer ? contactId : null,
      // Only customers need the permission (staff always may); sent for them alone.
      ...(isCustomer ? { apiTokensAllowed } : {}),
      ...(initial ? { active } : {}),
    });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label={t('user.field.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus data-testid="user-name" />
          <TextInput label={t('user.field.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} dir="ltr" data-testid="user-email" />
          <Select label={t('user.field.role')} data={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} value={role} onChange={(v) => v && setRole(v as Role)} data-testid="user-role" />
          <PasswordInput
            label={t(initial ? 'user.field.newPassword' : 'user.field.password')}
            description={initial ? t('user.field.newPasswordHint') : undefined}
            required={!initial}
            minLength={8}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="new-password"
            dir="ltr"
            data-testid="user-password"
          />
        </SimpleGrid>
        {isCustomer ? (
          <SimpleGrid cols={2} spacing="sm">
            <OrganisationPicker label={t('user.field.organisation')} required value={organisationId} selected={initialOrg.data ?? null} onChange={(id) => { setOrganisationId(id); setContactId(null); }} />
            <ContactPicker label={t('user.field.contact')} value={contactId} organisationId={organisationId} onChange={(id) => setContactId(id)} disabled={!organisationId} />
            <Switch
              label={t('user.field.apiTokensAllowed')}
              description={t('user.field.apiTokensAllowedHint')}
              checked={apiTokensAllowed}
              onChange={(e) => setApiTokensAllowed(e.currentTarget.checked)}
              data-testid="user-api-tokens"
            />
          </SimpleGrid>
        ) : (
          <>
            <MultiSelect label={t('user.field.teams')} data={teams.map((team) => ({ value: team.id, label: team.name }))} value={teamIds} onChange={setTeamIds} clearable />
            <SimpleGrid cols={2} spacing="sm">
              <TagsInput label={t('user.field.skills')} value={skills} onChange={setSkills} />
              <Select label={t('user.field.seniority')} data={seniorities.map((s) => ({ value: s, label: t(`seniority.${s}`) }))} value={seniority} onChange={(v) => v && setSeniority(v as User['seniority'])} />
            </SimpleGrid>
          </>
        )}
        <SimpleGrid cols={3} spacing="sm">
          <TagsInput label={t('user.field.languages')} description={t('contact.field.languagesHint')} value={languages} onChange={setLanguages} />
          <Select label={t('user.field.timeZone')} data={zones} value={timeZone} onChange={(v) => v && setTimeZone(v)} searchable />
          <Select
            label={t('user.field.locale')}
            data={supportedLocales.map((l) => ({ value: l, label: endonym(l) }))}
            value={locale}
            onChange={setLocale}
            placeholder={t('user.field.localeBrowser')}
            clearable
            allowDeselect
          />
        </SimpleGrid>
        {initial && <Switch label={t('user.field.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />}
        <FormFooter error={error} onCancel={onCancel} busy={busy} canSave={name.trim() !== '' && email.trim() !== '' && !(isCustomer && !organisationId)} saveTestId="user-save" errorTestId="user-form-error" />
      </Stack>
    </form>
  );
}
