import { Checkbox, Chip, Group, MultiSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { CHANNELS, POLICY_FIELDS, type PolicyFieldName, type ServicePolicy } from '../../../culture/browser';
import { useCodeLabel, useT } from '../../i18n/use-t';
import { useWeekdays } from './use-culture-format';

type Value<F extends PolicyFieldName> = ServicePolicy[F]['value'];

export { POLICY_FIELDS };

/** Week order starting from the first day of an existing list (Sunday first for Israel). */
function inWeekOrder(days: number[], first: number): number[] {
  return [...days].sort((a, b) => ((a - first + 7) % 7) - ((b - first + 7) % 7));
}

/**
 * An editor for one policy field's value, shaped like the policy itself, so an override is
 * stored in exactly the form the engine produces.
 */
export function FieldEditor<F extends PolicyFieldName>({ field, value, onChange }: { field: F; value: Value<F>; onChange: (v: Value<F>) => void }) {
  const t = useT();
  const channel = useCodeLabel();
  const weekdays = useWeekdays();
  const set = (v: unknown) => onChange(v as Value<F>);
  const opts = (prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  const v = value as never;
  const dayChips = (days: number[], onDays: (d: number[]) => void) => (
    <Chip.Group multiple value={days.map(String)} onChange={(d) => onDays(inWeekOrder(d.map(Number), days[0] ?? 1))}>
      <Group gap={4}>
        {inWeekOrder([1, 2, 3, 4, 5, 6, 7], days[0] ?? 1).map((d) => (
          <Chip key={d} value={String(d)} size="xs">
            {weekdays([d])}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );

  switch (field) {
    case 'channels':
      return <MultiSelect label={t('culture.field.channels')} description={t('culture.editor.channelsHint')} data={CHANNELS.map((c) => ({ value: c, label: channel('channel', c) }))} value={v as string[]} onChange={set} data-testid="editor-channels" />;
    case 'tone': {
      const tone = v as Value<'tone'>;
      return (
        <Group grow>
          <Select label={t('culture.editor.directness')} data={opts('culture.tone', ['direct', 'balanced', 'indirect'])} value={tone.directness} onChange={(d) => d && set({ ...tone, directness: d })} allowDeselect={false} />
          <Select label={t('culture.editor.warmth')} data={opts('culture.warmth', ['warm', 'neutral', 'reserved'])} value={tone.warmth} onChange={(w) => w && set({ ...tone, warmth: w })} allowDeselect={false} />
        </Group>
      );
    }
    case 'register':
      return <Select label={t('culture.field.register')} data={opts('culture.register', ['informal', 'formal', 'honorific'])} value={v as string} onChange={(r) => r && set(r)} allowDeselect={false} data-testid="editor-register" />;
    case 'continuity':
      return <Select label={t('culture.field.continuity')} data={opts('culture.continuity', ['same-agent', 'any-agent'])} value={v as string} onChange={(r) => r && set(r)} allowDeselect={false} />;
    case 'hierarchy':
      return <Select label={t('culture.field.hierarchy')} data={opts('culture.hierarchy', ['low', 'moderate', 'high'])} value={v as string} onChange={(r) => r && set(r)} allowDeselect={false} />;
    case 'expectedContacts':
      return <NumberInput label={t('culture.field.expectedContacts')} min={1} max={20} value={v as number} onChange={(n) => set(Number(n) || 1)} />;
    case 'hierarchyCautions':
      return (
        <Checkbox.Group label={t('culture.field.hierarchyCautions')} value={v as string[]} onChange={set}>
          <Stack gap={4} mt={4}>
            {['never-bypass-contact', 'match-seniority', 'senior-title-on-card', 'results-to-show-upward'].map((c) => (
              <Checkbox key={c} value={c} label={t(`culture.caution.${c}`)} size="xs" />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'followUpCadence': {
      const c = v as Value<'followUpCadence'>;
      return (
        <Stack gap="xs">
          <Select label={t('culture.editor.mode')} data={['proactive-calls', 'single-complete-reply', 'scheduled-written-updates'].map((m) => ({ value: m, label: t(`culture.cadence.${m}`, { hours: c.intervalBusinessHours ?? 24 }) }))} value={c.mode}
            onChange={(m) => m && set({ ...c, mode: m, intervalBusinessHours: m === 'single-complete-reply' ? null : c.intervalBusinessHours ?? 24 })} allowDeselect={false} />
          <Group grow>
            <NumberInput label={t('culture.editor.interval')} min={1} max={240} disabled={c.mode === 'single-complete-reply'} value={c.intervalBusinessHours ?? ''} onChange={(n) => set({ ...c, intervalBusinessHours: Number(n) || null })} />
            <NumberInput label={t('culture.editor.maxTouches')} min={0} max={14} value={c.maxTouchesPerWeek} onChange={(n) => set({ ...c, maxTouchesPerWeek: Number(n) || 0 })} />
          </Group>
        </Stack>
      );
    }
    case 'procedure': {
      const p = v as Value<'procedure'>;
      return (
        <Stack gap="xs">
          <Select label={t('culture.editor.strictness')} data={opts('culture.procedure', ['strict', 'standard', 'flexible'])} value={p.strictness} onChange={(s) => s && set({ ...p, strictness: s })} allowDeselect={false} />
          <Checkbox size="xs" label={t('culture.procedure.recap')} checked={p.writtenRecapAfterCall} onChange={(e) => set({ ...p, writtenRecapAfterCall: e.currentTarget.checked })} />
          <Checkbox size="xs" label={t('culture.procedure.manual')} checked={p.followManualAndContract} onChange={(e) => set({ ...p, followManualAndContract: e.currentTarget.checked })} />
          <Checkbox size="xs" label={t('culture.procedure.acceptance')} checked={p.formalAcceptanceTest} onChange={(e) => set({ ...p, formalAcceptanceTest: e.currentTarget.checked })} />
        </Stack>
      );
    }
    case 'appearance': {
      const a = v as Value<'appearance'>;
      return (
        <Stack gap="xs">
          <Select label={t('culture.field.appearance')} data={opts('culture.appearance', ['formal', 'neat', 'practical'])} value={a.level} onChange={(l) => l && set({ ...a, level: l })} allowDeselect={false} />
          <Checkbox size="xs" label={t('culture.appearance.tidy')} checked={a.tidyWorkspace} onChange={(e) => set({ ...a, tidyWorkspace: e.currentTarget.checked })} />
        </Stack>
      );
    }
    case 'workweek':
      return dayChips(v as number[], set);
    case 'contactHours': {
      const h = v as Value<'contactHours'>;
      const slot = h.slots[0] ?? { start: '09:00', end: '17:00' };
      return (
        <Stack gap="xs">
          <TextInput label={t('culture.editor.timeZone')} value={h.timeZone} onChange={(e) => set({ ...h, timeZone: e.currentTarget.value })} />
          {dayChips(h.days, (days) => set({ ...h, days }))}
          <Group grow>
            <TextInput label={t('culture.editor.from')} value={slot.start} onChange={(e) => set({ ...h, slots: [{ ...slot, start: e.currentTarget.value }, ...h.slots.slice(1)] })} />
            <TextInput label={t('culture.editor.to')} value={slot.end} onChange={(e) => set({ ...h, slots: [{ ...slot, end: e.currentTarget.value }, ...h.slots.slice(1)] })} />
          </Group>
        </Stack>
      );
    }
    case 'salutation': {
      const s = v as Value<'salutation'>;
      const tpl = (k: 'female' | 'male' | 'neutral') => (
        <TextInput key={k} label={t(`culture.editor.template.${k}`)} value={s.templates[k]} onChange={(e) => set({ ...s, templates: { ...s.templates, [k]: e.currentTarget.value } })} />
      );
      return (
        <Stack gap="xs">
          <Group grow>
            <TextInput label={t('culture.editor.language')} value={s.language} onChange={(e) => set({ ...s, language: e.currentTarget.value })} />
            <Select label={t('culture.field.register')} data={opts('culture.register', ['informal', 'formal', 'honorific'])} value={s.register} onChange={(r) => r && set({ ...s, register: r })} allowDeselect={false} />
          </Group>
          {tpl('female')}
          {tpl('male')}
          {tpl('neutral')}
          <TextInput label={t('culture.editor.signOff')} value={s.signOff} onChange={(e) => set({ ...s, signOff: e.currentTarget.value })} />
        </Stack>
      );
    }
    default:
      return null;
  }
}
