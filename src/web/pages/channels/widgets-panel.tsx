import { Anchor, Badge, Button, ColorInput, Group, Modal, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { IconExternalLink, IconMessagePlus, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useCreateWidget, useDeleteWidget, useUpdateWidget, useWidgets, type ChatWidget, type ChatWidgetInput } from '../../api/channels';
import { useTeamMap, useTeams } from '../../api/people';
import { useCalendars } from '../../api/sla';
import { QueryState } from '../../components/query-state';
import { useT } from '../../i18n/use-t';
import { Copyable } from '../../components/copyable';
import { usePermission } from '../../app/use-permission';

function WidgetForm({ initial, onDone }: { initial?: ChatWidget; onDone: () => void }) {
  const t = useT();
  const teams = useTeams();
  const calendars = useCalendars();
  const create = useCreateWidget();
  const update = useUpdateWidget();
  const [name, setName] = useState(initial?.name ?? '');
  const [teamId, setTeamId] = useState<string | null>(initial?.teamId ?? null);
  const [calendarId, setCalendarId] = useState<string | null>(initial?.calendarId ?? null);
  const [color, setColor] = useState(initial?.color ?? '#1c7ed6');
  const [language, setLanguage] = useState(initial?.defaultLanguage ?? 'en');
  const [origins, setOrigins] = useState((initial?.allowedOrigins ?? []).join('\n'));
  const [active, setActive] = useState(initial?.active ?? true);
  const error = (initial ? update.error : create.error)?.message;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: ChatWidgetInput = {
      name: name.trim(),
      teamId,
      calendarId,
      color,
      defaultLanguage: language.trim() || 'en',
      allowedOrigins: origins.split(/\s+/).map((o) => o.trim()).filter(Boolean),
      active,
    };
    if (initial) update.mutate({ id: initial.id, patch: body }, { onSuccess: onDone });
    else create.mutate(body, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label={t('channels.widget.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="widget-name" />
        <Select label={t('channels.widget.team')} data={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))} value={teamId} onChange={setTeamId} clearable />
        <Select
          label={t('channels.widget.hours')}
          description={t('channels.widget.hoursHint')}
          data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={calendarId}
          onChange={setCalendarId}
          clearable
          placeholder={t('channels.widget.alwaysOpen')}
        />
        <Group grow>
          <ColorInput label={t('channels.widget.color')} value={color} onChange={setColor} format="hex" />
          <TextInput label={t('channels.widget.language')} value={language} onChange={(e) => setLanguage(e.currentTarget.value)} dir="ltr" />
        </Group>
        <Textarea label={t('channels.widget.origins')} description={t('channels.widget.originsHint')} autosize minRows={2} value={origins} onChange={(e) => setOrigins(e.currentTarget.value)} dir="ltr" />
        <Switch label={t('channels.widget.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        {error && <Text c="red" size="sm">{error}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending || update.isPending} disabled={!name.trim()}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Chat widgets: their embed snippet, team, hours and the sites allowed to embed them. */
export function WidgetsPanel() {
  const t = useT();
  const widgets = useWidgets();
  const teams = useTeamMap();
  const remove = useDeleteWidget();
  const [editing, setEditing] = useState<ChatWidget | 'new' | null>(null);
  const can = usePermission();
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('channels.widget.intro')}</Text>
        {can('channels', 'update') && <Button size="xs" leftSection={<IconMessagePlus size={14} />} onClick={() => setEditing('new')}>{t('channels.widget.create')}</Button>}
      </Group>
      <QueryState query={widgets}>
        {(list) => (
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {list.map((w) => (
              <Paper key={w.id} withBorder p="md" data-testid="widget-card">
                <Group justify="space-between" mb="xs">
                  <Group gap="xs">
                    <div style={{ width: 14, height: 14, borderRadius: 7, background: w.color }} />
                    <Text fw={600}>{w.name}</Text>
                    {!w.active && <Badge color="gray" variant="light">{t('channels.widget.inactive')}</Badge>}
                  </Group>
                  {can('channels', 'update', w) && (
                  <Group gap={4}>
                    <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => setEditing(w)}>{t('common.edit')}</Button>
                    <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={12} />} onClick={() => window.confirm(t('channels.widget.confirmDelete', { name: w.name })) && remove.mutate(w.id)}>
                      {t('channels.delete')}
                    </Button>
                  </Group>
                  )}
                </Group>
                <Text size="xs" c="dimmed">{t('channels.widget.team')}: {w.teamId ? teams.get(w.teamId)?.name ?? '—' : '—'}</Text>
                <Text size="xs" c="dimmed" mt={4}>{t('channels.widget.embed')}</Text>
                <Copyable value={w.embed} />
                <Anchor href={`/chat/example?key=${encodeURIComponent(w.key)}`} target="_blank" size="xs" mt={6} display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
                  {t('channels.widget.try')} <IconExternalLink size={12} />
                </Anchor>
              </Paper>
            ))}
          </SimpleGrid>
        )}
      </QueryState>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t(editing === 'new' ? 'channels.widget.create' : 'channels.widget.edit')} size="lg">
        {editing !== null && <WidgetForm key={editing === 'new' ? 'new' : editing.id} initial={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
