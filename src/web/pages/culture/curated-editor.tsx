import { Alert, Button, Checkbox, Chip, Group, Modal, MultiSelect, NumberInput, SegmentedControl, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CountryDetail } from '../../../culture/browser';
import { CHANNELS } from '../../../culture/browser';
import { ApiError } from '../../api/client';
import { useEditCountryField } from '../../api/culture';
import { useCodeLabel, useT } from '../../i18n/use-t';
import { useWeekdays } from './use-culture-format';

type Profile = CountryDetail['profile'];

/** The current value of an editable curated field, in the shape the API stores. */
export function curatedValue(profile: Profile, field: string): unknown {
  switch (field) {
    case 'workdays':
      return profile.week.value.workdays;
    default:
      return (profile as unknown as Record<string, { value: unknown }>)[field]?.value;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one editor for every curated field's shape, switched on `field`
function Editor({ field, value, onChange }: { field: string; value: any; onChange: (v: unknown) => void }) {
  const t = useT();
  const channel = useCodeLabel();
  const weekdays = useWeekdays();
  const ordinal = (
    <SegmentedControl fullWidth value={String(value)} onChange={(v) => onChange(Number(v))} data={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: t(`culture.ordinal.${field}.${v}`) }))} />
  );
  switch (field) {
    case 'lewis': {
      const sum = value.linearActive + value.multiActive + value.reactive;
      return (
        <Stack gap="xs">
          <Group grow>
            {(['linearActive', 'multiActive', 'reactive'] as const).map((k) => (
              <NumberInput key={k} label={t(`culture.lewis.${k}`)} min={0} max={1} step={0.05} decimalScale={2} value={value[k]} onChange={(n) => onChange({ ...value, [k]: Number(n) || 0 })} data-testid={`lewis-${k}`} />
            ))}
          </Group>
          <Text size="xs" c={Math.abs(sum - 1) < 0.011 ? 'dimmed' : 'red'}>{t('culture.edit.lewisSum', { sum: sum.toFixed(2) })}</Text>
        </Stack>
      );
    }
    case 'context':
    case 'feedbackDirectness':
    case 'expressiveness':
      return ordinal;
    case 'formality':
      return (
        <Stack gap="xs">
          <Select label={t('culture.field.register')} data={['informal', 'formal', 'honorific'].map((r) => ({ value: r, label: t(`culture.register.${r}`) }))} value={value.register} onChange={(r) => r && onChange({ ...value, register: r })} allowDeselect={false} />
          <Select label={t('culture.edit.informalWhen')} data={['default', 'customer-initiates', 'never'].map((r) => ({ value: r, label: t(`culture.informalWhen.${r}`) }))} value={value.informalWhen} onChange={(r) => r && onChange({ ...value, informalWhen: r })} allowDeselect={false} />
          <Checkbox label={t('culture.edit.useTitles')} checked={value.useTitles} onChange={(e) => onChange({ ...value, useTitles: e.currentTarget.checked })} />
        </Stack>
      );
    case 'languages':
      return <TagsInput label={t('culture.profile.languages')} description={t('culture.edit.languagesHint')} value={value} onChange={onChange} />;
    case 'messaging':
      return (
        <Stack gap="xs">
          <MultiSelect label={t('culture.edit.apps')} description={t('culture.edit.appsHint')} data={CHANNELS.map((c) => ({ value: c, label: channel('channel', c) }))} value={value.apps} onChange={(apps) => onChange({ ...value, apps })} />
          {value.apps.map((app: string) => (
            <Select key={app} size="xs" label={t('culture.edit.businessUse', { app: channel('channel', app) })} clearable
              data={['dominant', 'common'].map((b) => ({ value: b, label: t(`culture.businessUse.${b}`) }))} value={value.businessUse[app] ?? null}
              onChange={(b) => { const next = { ...value.businessUse }; if (b) next[app] = b; else delete next[app]; onChange({ ...value, businessUse: next }); }} />
          ))}
          <MultiSelect label={t('culture.edit.also')} data={CHANNELS.map((c) => ({ value: c, label: channel('channel', c) }))} value={value.also} onChange={(also) => onChange({ ...value, also })} />
          <TextInput label={t('culture.edit.asOf')} value={value.asOf} onChange={(e) => onChange({ ...value, asOf: e.currentTarget.value })} />
        </Stack>
      );
    case 'workdays':
      return (
        <Chip.Group multiple value={(value as number[]).map(String)} onChange={(d) => onChange(d.map(Number))}>
          <Group gap={4}>
            {[1, 2, 3, 4, 5, 6, 7].map((d) => <Chip key={d} value={String(d)} size="xs">{weekdays([d])}</Chip>)}
          </Group>
        </Chip.Group>
      );
    case 'businessHours':
      return (
        <Stack gap="xs">
          {(value as { start: string; end: string }[]).map((s, i) => (
            <Group key={i} grow>
              <TextInput label={t('culture.editor.from')} value={s.start} onChange={(e) => onChange(value.map((x: object, j: number) => (j === i ? { ...x, start: e.currentTarget.value } : x)))} />
              <TextInput label={t('culture.editor.to')} value={s.end} onChange={(e) => onChange(value.map((x: object, j: number) => (j === i ? { ...x, end: e.currentTarget.value } : x)))} />
            </Group>
          ))}
        </Stack>
      );
    default:
      return null;
  }
}

/**
 * A manager corrects one curated field of a country (Lewis weights, messaging apps …) with a
 * note saying why; or reverts it to the shipped data. The server validates and audits it.
 */
export function CuratedEditModal({ detail, field, onClose }: { detail: CountryDetail; field: string | null; onClose: () => void }) {
  const t = useT();
  const mutation = useEditCountryField(detail.profile.country);
  const edited = detail.edits.find((e) => e.field === field) ?? null;
  const [value, setValue] = useState<unknown>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (!field) return;
    setValue(curatedValue(detail.profile, field));
    setNote(edited?.note ?? '');
    mutation.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [field]);
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  return (
    <Modal opened={Boolean(field)} onClose={onClose} title={field ? t('culture.edit.title', { field: t(`culture.profile.${field}`) }) : ''} size="lg" data-testid="curated-modal">
      {field && value !== null && (
        <Stack gap="sm">
          <Editor field={field} value={value} onChange={setValue} />
          <Textarea label={t('culture.edit.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} data-testid="curated-note" />
          {error && <Alert color="red" variant="light" data-testid="curated-error">{error.errors.length ? error.errors.map((e) => e.message).join(' · ') : error.message}</Alert>}
          <Group justify="space-between">
            {edited ? <Button variant="subtle" color="red" onClick={() => mutation.mutate({ field }, { onSuccess: onClose })}>{t('culture.edit.revert')}</Button> : <span />}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
              <Button onClick={() => mutation.mutate({ field, value, note }, { onSuccess: onClose })} loading={mutation.isPending} data-testid="curated-save">{t('common.save')}</Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
