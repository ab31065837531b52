import { Badge, Button, Checkbox, Group, Modal, NumberInput, Paper, PasswordInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailPlus, IconPencil, IconPlugConnected, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useCreateMailbox, useDeleteMailbox, useMailboxes, usePollMailbox, useTestMailbox, useUpdateMailbox, type Mailbox, type MailboxInput } from '../../api/channels';
import { useTeamMap, useTeams } from '../../api/people';
import { QueryState } from '../../components/query-state';
import { TimeAgo } from '../../components/time-ago';
import { useT } from '../../i18n/use-t';
import { usePermission } from '../../app/use-permission';

function MailboxForm({ initial, onDone }: { initial?: Mailbox; onDone: () => void }) {
  const t = useT();
  const teams = useTeams();
  const create = useCreateMailbox();
  const update = useUpdateMailbox();
  const [address, setAddress] = useState(initial?.address ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [teamId, setTeamId] = useState<string | null>(initial?.teamId ?? null);
  const [imapEnabled, setImapEnabled] = useState(initial?.imap.enabled ?? false);
  const [host, setHost] = useState(initial?.imap.host ?? '');
  const [port, setPort] = useState<number | string>(initial?.imap.port ?? 993);
  const [secure, setSecure] = useState(initial?.imap.secure ?? true);
  const [user, setUser] = useState(initial?.imap.user ?? '');
  const [password, setPassword] = useState('');
  const [folder, setFolder] = useState(initial?.imap.folder ?? 'INBOX');
  const busy = create.isPending || update.isPending;
  const error = (initial ? update.error : create.error)?.message;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: MailboxInput = {
      address: address.trim(),
      name: name.trim() || null,
      teamId,
      imap: {
        enabled: imapEnabled,
        host: host.trim() || null,
        port: typeof port === 'number' ? port : null,
        secure,
        user: user.trim() || null,
        folder: folder.trim() || 'INBOX',
        ...(password ? { password } : {}),
      },
    };
    if (initial) update.mutate({ id: initial.id, patch: body }, { onSuccess: onDone });
    else create.mutate(body, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label={t('channels.mailbox.address')} description={t('channels.mailbox.addressHint')} type="email" required value={address} onChange={(e) => setAddress(e.currentTarget.value)} dir="ltr" data-testid="mailbox-address" />
        <TextInput label={t('channels.mailbox.name')} description={t('channels.mailbox.nameHint')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Select label={t('channels.mailbox.team')} data={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))} value={teamId} onChange={setTeamId} clearable />
        <Checkbox label={t('channels.mailbox.imapEnabled')} description={t('channels.mailbox.imapHint')} checked={imapEnabled} onChange={(e) => setImapEnabled(e.currentTarget.checked)} />
        {imapEnabled && (
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Group grow>
                <TextInput label={t('channels.mailbox.host')} value={host} onChange={(e) => setHost(e.currentTarget.value)} dir="ltr" required />
                <NumberInput label={t('channels.mailbox.port')} value={port} onChange={setPort} min={1} max={65535} />
              </Group>
              <Checkbox label={t('channels.mailbox.secure')} checked={secure} onChange={(e) => setSecure(e.currentTarget.checked)} />
              <TextInput label={t('channels.mailbox.user')} value={user} onChange={(e) => setUser(e.currentTarget.value)} dir="ltr" required />
              <PasswordInput
                label={t('channels.mailbox.password')}
                description={initial?.imap.hasPassword ? t('channels.mailbox.passwordKept') : undefined}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required={!initial?.imap.hasPassword}
              />
              <TextInput label={t('channels.mailbox.folder')} value={folder} onChange={(e) => setFolder(e.currentTarget.value)} dir="ltr" />
            </Stack>
          </Paper>
        )}
        {error && <Text c="red" size="sm">{error}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={busy} data-testid="mailbox-save">{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Email mailboxes: the addresses mail is received for, their team, and IMAP polling. */
export function MailboxesPanel() {
  const t = useT();
  const boxes = useMailboxes();
  const teams = useTeamMap();
  const test = useTestMailbox();
  const poll = usePollMailbox();
  const remove = useDeleteMailbox();
  const [editing, setEditing] = useState<Mailbox | 'new' | null>(null);

  const runTest = (id: string) =>
    test.mutate(id, {
      onSuccess: (r) => notifications.show({ color: r.ok ? 'green' : 'red', message: r.ok ? t('channels.mailbox.testOk', { count: r.messages ?? 0 }) : t('channels.mailbox.testFailed', { error: r.error ?? '' }) }),
    });
  const can = usePermission();
  const runPoll = (id: string) =>
    poll.mutate(id, {
      onSuccess: (r) => notifications.show({ color: r.failed ? 'orange' : 'green', message: t('channels.mailbox.polled', { delivered: r.delivered, unseen: r.unseen }) }),
      onError: (e) => notifications.show({ color: 'red', message: e.message }),
    });

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('channels.mailbox.intro')}</Text>
        {can('channels', 'update') && <Button size="xs" leftSection={<IconMailPlus size={14} />} onClick={() => setEditing('new')} data-testid="mailbox-create">{t('channels.mailbox.create')}</Button>}
      </Group>
      <QueryState query={boxes}>
        {(list) => (
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('channels.mailbox.address')}</Table.Th>
                <Table.Th>{t('channels.mailbox.team')}</Table.Th>
                <Table.Th>{t('channels.mailbox.imap')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((m) => (
                <Table.Tr key={m.id} data-testid="mailbox-row">
                  <Table.Td>
                    <Text size="sm" dir="ltr" ta="start">{m.address}</Text>
                    {m.name && <Text size="xs" c="dimmed">{m.name}</Text>}
                  </Table.Td>
                  <Table.Td>{m.teamId ? teams.get(m.teamId)?.name ?? '—' : '—'}</Table.Td>
                  <Table.Td>
                    {m.imap.enabled ? (
                      <Stack gap={2}>
                        <Text size="xs" dir="ltr" ta="start">{m.imap.user}@{m.imap.host}:{m.imap.port} / {m.imap.folder}</Text>
                        {m.lastPolledAt && <Text size="xs" c="dimmed">{t('channels.mailbox.lastPoll')} <TimeAgo value={m.lastPolledAt} span /></Text>}
                        {m.lastPollError && <Badge color="red" variant="light" size="sm" style={{ textTransform: 'none' }}>{m.lastPollError}</Badge>}
                      </Stack>
                    ) : (
                      <Text size="xs" c="dimmed">{t('channels.mailbox.smtpOnly')}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {can('channels', 'update', m) && (
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {m.imap.enabled && (
                        <>
                          <Button size="compact-xs" variant="subtle" leftSection={<IconPlugConnected size={12} />} onClick={() => runTest(m.id)} loading={test.isPending && test.variables === m.id}>{t('channels.mailbox.test')}</Button>
                          <Button size="compact-xs" variant="subtle" leftSection={<IconRefresh size={12} />} onClick={() => runPoll(m.id)} loading={poll.isPending && poll.variables === m.id}>{t('channels.mailbox.poll')}</Button>
                        </>
                      )}
                      <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => setEditing(m)}>{t('common.edit')}</Button>
                      <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={12} />} onClick={() => window.confirm(t('channels.mailbox.confirmDelete', { address: m.address })) && remove.mutate(m.id)}>
                        {t('channels.delete')}
                      </Button>
                    </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t(editing === 'new' ? 'channels.mailbox.create' : 'channels.mailbox.edit')} size="lg">
        {editing !== null && <MailboxForm key={editing === 'new' ? 'new' : editing.id} initial={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
