import { Alert, Box, Button, Code, CopyButton, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { isStaff, useCurrentUser, useSession } from '../../app/session';
import { endonym } from '../../components/language-menu';
import { PageHeader } from '../../components/page-header';
import { supportedLocales, type Locale } from '../../i18n/catalogue';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';

/** The user's own profile: display name, language, time zone and personal API tokens. */
export default function AccountPage() {
  const t = useT();
  const user = useCurrentUser();
  const { setUser } = useSession();
  const { locale, setLocale } = useLocale();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const [name, setName] = useState(user.name);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [saving, setSaving] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      const { user: updated } = await unwrap(api.PATCH('/api/v1/auth/me', { body: { name: name.trim(), timeZone } }));
      setUser(updated);
      notifications.show({ color: 'teal', message: t('account.saved') });
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.error.title'), message: error instanceof Error ? error.message : '' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box maw={640}>
      <PageHeader title={t('account.title')} subtitle={user.email} />
      <Stack gap="md">
        <Paper withBorder p="md">
          <form onSubmit={save}>
            <Stack gap="sm">
              <TextInput label={t('user.field.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
              <Select
                label={t('common.language')}
                data={supportedLocales.map((l) => ({ value: l, label: endonym(l) }))}
                value={locale}
                onChange={(v) => v && void setLocale(v as Locale)}
                data-testid="account-locale"
              />
              <Select label={t('user.field.timeZone')} data={zones} value={timeZone} onChange={(v) => v && setTimeZone(v)} searchable />
              <Group justify="flex-end">
                <Button type="submit" loading={saving}>
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
        {isStaff(user) && <ApiTokens />}
      </Stack>
    </Box>
  );
}

function ApiTokens() {
  const t = useT();
  const [name, setName] = useState('');
  const [token, setToken] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await unwrap(api.POST('/api/v1/auth/tokens', { body: { name: name.trim() } }));
      setToken(created.token);
      setName('');
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.error.title'), message: error instanceof Error ? error.message : '' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb={4}>
        {t('account.tokens.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('account.tokens.explain')}
      </Text>
      <form onSubmit={create}>
        <Group gap="xs" align="flex-end">
          <TextInput label={t('account.tokens.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required style={{ flex: 1 }} />
          <Button type="submit" loading={busy} leftSection={<IconKey size={14} />} variant="default">
            {t('account.tokens.create')}
          </Button>
        </Group>
      </form>
      {token && (
        <Alert color="yellow" variant="light" mt="sm" title={t('account.tokens.once')}>
          <Group gap="xs" wrap="nowrap">
            <Code style={{ flex: 1, overflowWrap: 'anywhere' }} dir="ltr">
              {token}
            </Code>
            <CopyButton value={token}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}>
                  {t(copied ? 'common.copied' : 'common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
    </Paper>
  );
}
