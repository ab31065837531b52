import { Alert, Box, Button, Code, CopyButton, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../../api/account';
import { api, unwrap } from '../../api/client';
import type { ApiToken } from '../../api/types';
import { useCurrentUser, useSession } from '../../app/session';
import { endonym } from '../../components/language-menu';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { DateTime, TimeAgo } from '../../components/time-ago';
import { supportedLocales, type Locale } from '../../i18n/catalogue';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { usePermission } from '../../app/use-permission';
import { MyDataCard } from '../privacy/my-data-card';

/** The user's own profile: display name, language, time zone and personal API tokens. */
export default function AccountPage() {
  const t = useT();
  const user = useCurrentUser();
  const { setUser } = useSession();
  const canTokens = usePermission('api_token', 'create');
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
        {/* Staff always; a customer once an admin allowed it (the server says which). */}
        {canTokens && <ApiTokens />}
        {user.contactId && <MyDataCard contactId={user.contactId} />}
      </Stack>
    </Box>
  );
}

/** Lifetimes offered for a new token, in days; the server allows at most 365. */
const lifetimes = [30, 90, 365];

function ApiTokens() {
  const t = useT();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [token, setToken] = useState<string | null>(null);
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const created = await create.mutateAsync({ name: name.trim(), days: Number(days) });
      setToken(created.token);
      setName('');
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.error.title'), message: error instanceof Error ? error.message : '' });
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
      <form onSubmit={submit}>
        <Group gap="xs" align="flex-end">
          <TextInput label={t('account.tokens.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required style={{ flex: 1 }} data-testid="token-name" />
          <Select
            label={t('account.tokens.lifetime')}
            data={lifetimes.map((d) => ({ value: String(d), label: t('account.tokens.days', { count: d }) }))}
            value={days}
            onChange={(v) => v && setDays(v)}
            allowDeselect={false}
            w={140}
            data-testid="token-lifetime"
          />
          <Button type="submit" loading={create.isPending} leftSection={<IconKey size={14} />} variant="default" data-testid="token-create">
            {t('account.tokens.create')}
          </Button>
        </Group>
      </form>
      {token && (
        <Alert color="yellow" variant="light" mt="sm" title={t('account.tokens.once')}>
          <Group gap="xs" wrap="nowrap">
            <Code style={{ flex: 1, overflowWrap: 'anywhere' }} dir="ltr" data-testid="token-secret">
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
      <QueryState query={tokens}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed" mt="sm">
              {t('account.tokens.none')}
            </Text>
          ) : (
            <Table mt="sm" verticalSpacing={6} data-testid="token-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('account.tokens.name')}</Table.Th>
                  <Table.Th>{t('account.tokens.created')}</Table.Th>
                  <Table.Th>{t('account.tokens.lastUsed')}</Table.Th>
                  <Table.Th>{t('account.tokens.expires')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <TokenRow key={item.id} token={item} />
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Paper>
  );
}

/** One token: when it was made, last used and expires, and a revoke button that asks once more. */
function TokenRow({ token }: { token: ApiToken }) {
  const t = useT();
  const revoke = useRevokeApiToken();
  const [confirming, setConfirming] = useState(false);
  const expired = new Date(token.expiresAt).getTime() <= Date.now();
  const onRevoke = async () => {
    if (!confirming) return setConfirming(true);
    try {
      await revoke.mutateAsync(token.id);
      notifications.show({ color: 'teal', message: t('account.tokens.revoked', { name: token.name }) });
    } catch (error) {
      setConfirming(false);
      notifications.show({ color: 'red', title: t('common.error.title'), message: error instanceof Error ? error.message : '' });
    }
  };
  return (
    <Table.Tr data-testid="token-row">
      <Table.Td>
        <bdi>{token.name}</bdi>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          <DateTime value={token.createdAt} dateOnly />
        </Text>
      </Table.Td>
      <Table.Td>{token.lastUsedAt ? <TimeAgo value={token.lastUsedAt} size="sm" /> : <Text size="sm" c="dimmed">{t('account.tokens.neverUsed')}</Text>}</Table.Td>
      <Table.Td>
        <Text size="sm" c={expired ? 'red' : undefined}>
          {expired ? t('account.tokens.expired') : <DateTime value={token.expiresAt} dateOnly />}
        </Text>
      </Table.Td>
      <Table.Td style={{ textAlign: 'end' }}>
        <Button size="xs" variant={confirming ? 'filled' : 'subtle'} color="red" loading={revoke.isPending} onClick={() => void onRevoke()} onBlur={() => setConfirming(false)} data-testid="token-revoke">
          {t(confirming ? 'account.tokens.revokeConfirm' : 'account.tokens.revoke')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
