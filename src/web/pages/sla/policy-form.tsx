import { Alert, Button, Group, NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Calendar, SlaPolicy, SlaPolicyInput } from '../../api/sla';
import { ticketPriorities } from '../../api/types';
import { useT } from '../../i18n/use-t';

const tiers = ['platinum', 'gold', 'silver', 'bronze'] as const;
const ANY = '*';

/** Create or edit an SLA policy: which tickets it covers and its targets in business minutes. */
export function PolicyForm({ initial, calendars, busy, error, onSubmit, onCancel }: {
  initial?: SlaPolicy;
  calendars: Calendar[];
  busy: boolean;
  error: string | null;
  onSubmit: (input: SlaPolicyInput) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [name, setName] = useState(initial?.name ?? '');
  const [tier, setTier] = useState<string>(initial?.tier ?? ANY);
  const [priority, setPriority] = useState<string>(initial?.priority ?? ANY);
  const [fr, setFr] = useState<number | string>(initial?.firstResponseMinutes ?? 240);
  const [nu, setNu] = useState<number | string>(initial?.nextUpdateMinutes ?? 960);
  const [res, setRes] = useState<number | string>(initial?.resolutionMinutes ?? 2880);
  const [warning, setWarning] = useState<number | string>(initial?.warningPercent ?? 80);
  const [pauseOnHold, setPauseOnHold] = useState(initial?.pauseOnHold ?? false);
  const [calendarId, setCalendarId] = useState<string | null>(initial?.calendarId ?? null);
  const [active, setActive] = useState(initial?.active ?? true);
  const minutes = (v: number | string) => (v === '' ? null : Number(v));

  return (
    <Stack gap="sm" data-testid="policy-form">
      <TextInput label={t('policies.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus />
      <Group grow>
        <Select label={t('policies.tier')} data={[{ value: ANY, label: t('policies.any') }, ...tiers.map((x) => ({ value: x, label: t(`policies.tier.${x}`) }))]} value={tier} onChange={(v) => setTier(v ?? ANY)} allowDeselect={false} />
        <Select label={t('policies.priority')} data={[{ value: ANY, label: t('policies.any') }, ...ticketPriorities.map((p) => ({ value: p, label: t(`ticket.priority.${p}`) }))]} value={priority} onChange={(v) => setPriority(v ?? ANY)} allowDeselect={false} />
      </Group>
      <Group grow>
        <NumberInput label={t('policies.firstResponse')} value={fr} onChange={setFr} min={1} allowDecimal={false} />
        <NumberInput label={t('policies.nextUpdate')} value={nu} onChange={setNu} min={1} allowDecimal={false} />
        <NumberInput label={t('policies.resolution')} value={res} onChange={setRes} min={1} allowDecimal={false} />
      </Group>
      <Group grow align="flex-end">
        <NumberInput label={t('policies.warning')} value={warning} onChange={setWarning} min={1} max={99} allowDecimal={false} />
        <Select label={t('policies.calendar')} data={calendars.map((c) => ({ value: c.id, label: c.name }))} value={calendarId} onChange={setCalendarId} clearable />
      </Group>
      <Group>
        <Switch label={t('policies.pauseOnHold')} checked={pauseOnHold} onChange={(e) => setPauseOnHold(e.currentTarget.checked)} />
        <Switch label={t('policies.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={busy}
          disabled={!name.trim()}
          data-testid="policy-save"
          onClick={() =>
            onSubmit({
              name: name.trim(),
              tier: tier === ANY ? null : (tier as SlaPolicyInput['tier']),
              priority: priority === ANY ? null : (priority as SlaPolicyInput['priority']),
              firstResponseMinutes: minutes(fr),
              nextUpdateMinutes: minutes(nu),
              resolutionMinutes: minutes(res),
              warningPercent: Number(warning) || 80,
              pauseOnHold,
              calendarId,
              active,
            })
          }
        >
          {t('policies.save')}
        </Button>
      </Group>
    </Stack>
  );
}
