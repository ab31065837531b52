/**
 * The macro picker in the reply composer: opened with Ctrl/Cmd+Shift+M, by typing `::`, or from
 * the toolbar button. Searchable; shows which variant the ticket gets and why, and the rendered
 * text. Choosing inserts the text; a macro with actions (status, tags, assignment, promise)
 * applies them at the same moment — the agent sees them listed on the button before choosing.
 */
import { Badge, Button, Group, Modal, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBolt, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useApplyMacro, useMacroPreview, useMacros, type Macro, type MacroActions } from '../../api/macros';
import { useContact } from '../../api/customers';
import { useDisplayNames } from '../../i18n/display-names';
import { useT } from '../../i18n/use-t';
import type { ComposerContext } from '../../tickets/composer-extensions';
import { useAddressPrefs } from '../culture/address-prefs';

const hasActions = (a: MacroActions) => Boolean(a.status || a.addTags?.length || a.assigneeId || a.teamId || a.promiseInBusinessHours);

/** The actions of a macro in words, for the list and the insert button. */
export function useActionSummary() {
  const t = useT();
  return (a: MacroActions): string[] => [
    ...(a.status ? [t('macros.action.status', { status: t(`ticket.status.${a.status}`) })] : []),
    ...(a.addTags?.length ? [t('macros.action.tags', { tags: a.addTags.join(', ') })] : []),
    ...(a.assigneeId || a.teamId ? [t('macros.action.assign')] : []),
    ...(a.promiseInBusinessHours ? [t('macros.action.promise', { hours: a.promiseInBusinessHours })] : []),
  ];
}

function Preview({ ctx, macro, onDone }: { ctx: ComposerContext; macro: Macro; onDone: () => void }) {
  const t = useT();
  const names = useDisplayNames();
  const contact = useContact(ctx.ticket.contactId);
  const [prefs] = useAddressPrefs(ctx.ticket.contactId, contact.data?.name);
  const address = useMemo(() => ({ gender: prefs.gender, title: prefs.title }), [prefs.gender, prefs.title]);
  const preview = useMacroPreview(ctx.ticket.id, macro.id, address);
  const apply = useApplyMacro(ctx.ticket.id);
  const summary = useActionSummary()(macro.actions);
  const r = preview.data;
  const insert = () => {
    if (!hasActions(macro.actions)) {
      if (r) ctx.insertText(r.text);
      onDone();
      return;
    }
    apply.mutate({ macroId: macro.id, address }, {
      onSuccess: (res) => {
        ctx.insertText(res.text);
        notifications.show({ color: 'green', message: t('macros.applied', { title: macro.title }) });
        onDone();
      },
      onError: (e) => notifications.show({ color: 'red', message: e.message }),
    });
  };
  return (
    <Stack gap="xs" data-testid="macro-preview">
      {r?.variant ? (
        <Text size="xs" c="dimmed" data-testid="macro-variant">
          {t('macros.variant', { language: names.language(r.variant.language), register: t(`culture.register.${r.variant.register}`).toLowerCase() })}
          {' · '}
          {t(`macros.reason.${r.reason ?? 'first'}`, { language: r.wanted.language ? names.language(r.wanted.language) : '—' })}
        </Text>
      ) : null}
      <ScrollArea.Autosize mah={220}>
        <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }} data-testid="macro-text">
          {preview.isPending ? t('macros.loading') : r?.text}
        </Text>
      </ScrollArea.Autosize>
      {r?.missing.length ? <Text size="xs" c="orange">{t('macros.missing', { names: r.missing.map((m) => `{{${m}}}`).join(', ') })}</Text> : null}
      <Group justify="flex-end" gap="xs" wrap="wrap">
        <Button size="xs" onClick={insert} loading={apply.isPending} disabled={!r} data-testid="macro-insert">
          {summary.length ? t('macros.insertApply', { actions: summary.join(' · ') }) : t('macros.insert')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The picker dialog: search on the left (or on top, on a phone), the chosen macro's preview below. */
export function MacroPickerDialog({ ctx, opened, onClose }: { ctx: ComposerContext; opened: boolean; onClose: () => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 200);
  const list = useMacros(debounced);
  const [chosen, setChosen] = useState<Macro | null>(null);
  const summarise = useActionSummary();
  const items = list.data?.items ?? [];
  useEffect(() => {
    if (!opened) {
      setQ('');
      setChosen(null);
    }
  }, [opened]);
  return (
    <Modal opened={opened} onClose={onClose} title={t('macros.picker.title')} size="lg" data-testid="macro-picker">
      <Stack gap="sm">
        <TextInput
          data-autofocus
          leftSection={<IconSearch size={14} />}
          placeholder={t('macros.picker.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && items[0]) setChosen(items[0]);
          }}
          dir="auto"
          data-testid="macro-search"
        />
        <ScrollArea.Autosize mah={200}>
          <Stack gap={2}>
            {items.length === 0 && !list.isPending ? <Text size="sm" c="dimmed">{t('macros.picker.empty')}</Text> : null}
            {items.map((m) => (
              <UnstyledButton
                key={m.id}
                onClick={() => setChosen(m)}
                p={6}
                style={{ borderRadius: 4, background: chosen?.id === m.id ? 'var(--mantine-color-blue-light)' : undefined }}
                data-testid="macro-option"
              >
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={500} dir="auto">{m.title}</Text>
                  {m.scope === 'personal' ? <Badge size="xs" variant="light" color="gray">{t('macros.scope.personal')}</Badge> : null}
                  {summarise(m.actions).map((s) => (
                    <Badge key={s} size="xs" variant="light" leftSection={<IconBolt size={10} />}>{s}</Badge>
                  ))}
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        {chosen ? <Preview ctx={ctx} macro={chosen} onDone={onClose} /> : null}
      </Stack>
    </Modal>
  );
}
