/**
 * Macros: the canned replies an agent may use — shared ones and their own — with an editor for
 * a body per language and register, and the actions applying a macro takes on the ticket.
 */
import { ActionIcon, Badge, Button, Group, Modal, NumberInput, Paper, Select, Stack, Table, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { unknownPlaceholders, PLACEHOLDERS, REGISTERS } from '../../../macros/browser';
import { useDeleteMacro, useMacros, useSaveMacro, type Macro, type MacroInput, type MacroVariant } from '../../api/macros';
import { useTeams, useUsers } from '../../api/people';
import { usePermission } from '../../app/use-permission';
import { PageHeader } from '../../components/page-header';
import { ErrorAlert, Loading } from '../../components/query-state';
import { useDisplayNames } from '../../i18n/display-names';
import { useT } from '../../i18n/use-t';
import { useActionSummary } from './macro-picker';

const LANGUAGES = ['en', 'pl', 'he', 'ja', 'de', 'fi', 'pt', 'es', 'it', 'ko', 'zh', 'hi', 'fr'];
const STATUSES = ['open', 'pending', 'on_hold', 'solved'] as const;

function Editor({ macro, onClose }: { macro: Macro | null; onClose: () => void }) {
  const t = useT();
  const names = useDisplayNames();
  const save = useSaveMacro();
  // Shared macros are the managers' (the macro rules); the desk settings permission marks the same roles.
  const mayShare = usePermission('settings', 'read');
  const [title, setTitle] = useState(macro?.title ?? '');
  const [scope, setScope] = useState<'personal' | 'shared'>(macro?.scope ?? 'personal');
  const [variants, setVariants] = useState<MacroVariant[]>(macro?.variants ?? [{ language: 'en', register: 'formal', body: '' }]);
  const [actions, setActions] = useState(macro?.actions ?? {});
  const users = useUsers();
  const teams = useTeams();
  const setVariant = (i: number, patch: Partial<MacroVariant>) => setVariants((vs) => vs.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  const submit = () => {
    const input: MacroInput = { title, scope, variants, actions };
    save.mutate({ id: macro?.id, input }, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('macros.saved') });
        onClose();
      },
      onError: (e) => notifications.show({ color: 'red', message: e.message }),
    });
  };
  return (
    <Stack gap="sm">
      <TextInput label={t('macros.field.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required dir="auto" data-testid="macro-title" />
      <Select
        label={t('macros.field.scope')}
        value={scope}
        onChange={(v) => setScope((v as 'personal' | 'shared') ?? 'personal')}
        data={[{ value: 'personal', label: t('macros.scope.personal') }, { value: 'shared', label: t('macros.scope.shared'), disabled: !mayShare }]}
        allowDeselect={false}
      />
      <Text size="xs" c="dimmed">{t('macros.placeholders', { list: PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ') })}</Text>
      {variants.map((v, i) => {
        const unknown = unknownPlaceholders(v.body);
        return (
          <Paper key={i} withBorder p="xs">
            <Group gap="xs" wrap="wrap" align="end">
              <Select
                label={t('macros.field.language')} w={150} searchable value={v.language} onChange={(l) => l && setVariant(i, { language: l })}
                data={[...new Set([...LANGUAGES, v.language])].map((l) => ({ value: l, label: names.language(l) }))} allowDeselect={false}
              />
              <Select
                label={t('macros.field.register')} w={140} value={v.register} onChange={(r) => r && setVariant(i, { register: r as MacroVariant['register'] })}
                data={REGISTERS.map((r) => ({ value: r, label: t(`culture.register.${r}`) }))} allowDeselect={false}
              />
              <ActionIcon variant="subtle" color="red" aria-label={t('macros.variant.remove')} disabled={variants.length === 1} onClick={() => setVariants((vs) => vs.filter((_, j) => j !== i))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            <Textarea
              mt="xs" autosize minRows={3} dir="auto" value={v.body} onChange={(e) => setVariant(i, { body: e.currentTarget.value })}
              error={unknown.length ? t('macros.unknownPlaceholder', { names: unknown.map((u) => `{{${u}}}`).join(', ') }) : undefined}
              aria-label={t('macros.field.body')}
            />
          </Paper>
        );
      })}
      <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setVariants((vs) => [...vs, { language: 'en', register: 'informal', body: '' }])}>
        {t('macros.variant.add')}
      </Button>
      <Text fw={500} size="sm">{t('macros.actions')}</Text>
      <Group gap="xs" wrap="wrap" align="end">
        <Select
          label={t('macros.field.status')} w={160} clearable value={actions.status ?? null}
          onChange={(s) => setActions((a) => ({ ...a, status: (s as (typeof STATUSES)[number]) ?? null }))}
          data={STATUSES.map((s) => ({ value: s, label: t(`ticket.status.${s}`) }))}
        />
        <TagsInput label={t('macros.field.tags')} w={220} value={actions.addTags ?? []} onChange={(tags) => setActions((a) => ({ ...a, addTags: tags }))} />
        <Select
          label={t('macros.field.team')} w={180} clearable searchable value={actions.teamId ?? null}
          onChange={(id) => setActions((a) => ({ ...a, teamId: id }))}
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        />
        <Select
          label={t('macros.field.assignee')} w={200} clearable searchable value={actions.assigneeId ?? null}
          onChange={(id) => setActions((a) => ({ ...a, assigneeId: id }))}
          data={(users.data ?? []).filter((u) => u.staff && u.active).map((u) => ({ value: u.id, label: u.name }))}
        />
        <NumberInput
          label={t('macros.field.promise')} w={200} min={1} max={400} value={actions.promiseInBusinessHours ?? ''}
          onChange={(n) => setActions((a) => ({ ...a, promiseInBusinessHours: typeof n === 'number' ? n : null }))}
        />
      </Group>
      <Group justify="flex-end">
        <Button onClick={submit} loading={save.isPending} disabled={!title.trim() || variants.some((v) => !v.body.trim() || unknownPlaceholders(v.body).length > 0)} data-testid="macro-save">
          {t('macros.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The Macros page. */
export default function MacrosPage() {
  const t = useT();
  const names = useDisplayNames();
  const [q, setQ] = useState('');
  const list = useMacros(q);
  const remove = useDeleteMacro();
  const summarise = useActionSummary();
  const [editing, setEditing] = useState<Macro | 'new' | null>(null);
  return (
    <>
      <PageHeader
        title={t('macros.title')} subtitle={t('macros.subtitle')}
        actions={<Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="macro-new">{t('macros.new')}</Button>}
      />
      <TextInput mb="sm" placeholder={t('macros.picker.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} dir="auto" maw={360} />
      <Paper withBorder shadow="xs" style={{ overflowX: 'auto' }}>
        {list.isPending ? <Loading /> : list.error ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : (
          <Table verticalSpacing={8} data-testid="macros-table">
            <Table.Tbody>
              {list.data.items.length === 0 ? <Table.Tr><Table.Td><Text c="dimmed" size="sm">{t('macros.picker.empty')}</Text></Table.Td></Table.Tr> : null}
              {list.data.items.map((m) => (
                <Table.Tr key={m.id} data-testid="macro-row">
                  <Table.Td>
                    <Text size="sm" fw={500} dir="auto">{m.title}</Text>
                    <Group gap={4} mt={2} wrap="wrap">
                      <Badge size="xs" variant="light" color={m.scope === 'shared' ? 'blue' : 'gray'}>{t(`macros.scope.${m.scope}`)}</Badge>
                      {m.variants.map((v, i) => <Badge key={i} size="xs" variant="outline">{`${names.language(v.language)} · ${t(`culture.register.${v.register}`)}`}</Badge>)}
                      {summarise(m.actions).map((s) => <Badge key={s} size="xs" variant="light" color="teal">{s}</Badge>)}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap', textAlign: 'end' }}>
                    {m.permissions.update ? <Button size="compact-xs" variant="subtle" onClick={() => setEditing(m)}>{t('macros.edit')}</Button> : null}
                    {m.permissions.delete ? (
                      <ActionIcon variant="subtle" color="red" aria-label={t('macros.delete')} onClick={() => remove.mutate(m.id, { onError: (e) => notifications.show({ color: 'red', message: e.message }) })}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('macros.new') : t('macros.edit')} size="xl">
        {editing !== null ? <Editor macro={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      </Modal>
    </>
  );
}
