import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { EffectivePolicyAnswer } from '../../../culture/browser';
import type { PolicyFieldName } from '../../../culture/browser';
import { ApiError } from '../../api/client';
import { useOverride, type OverrideScope } from '../../api/culture';
import { useT } from '../../i18n/use-t';
import { FieldEditor, POLICY_FIELDS } from './field-editor';

/**
 * An admin overrides one policy field for this contact or for their whole organisation, and
 * must say why; an existing override can be removed, which hands the field back to the
 * country default and the observed behaviour.
 */
export function OverrideModal({ opened, onClose, answer, organisationId, initialField }: {
  opened: boolean;
  onClose: () => void;
  answer: EffectivePolicyAnswer;
  organisationId: string | null;
  initialField?: PolicyFieldName;
}) {
  const t = useT();
  const [scope, setScope] = useState<OverrideScope>('contact');
  const [field, setField] = useState<PolicyFieldName>(initialField ?? 'channels');
  const existing = answer.overrides[scope].find((o) => o.field === field) ?? null;
  const [value, setValue] = useState<unknown>(answer.policy[field].value);
  const [reason, setReason] = useState('');
  const scopeId = scope === 'contact' ? answer.contactId : organisationId ?? '';
  const mutation = useOverride(scope, scopeId);

  useEffect(() => {
    setValue(existing?.value ?? answer.policy[field].value);
    setReason(existing?.reason ?? '');
    mutation.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [field, scope, opened]);

  const error = mutation.error instanceof ApiError ? mutation.error : null;
  const save = () => mutation.mutate({ field, value, reason }, { onSuccess: onClose });
  const remove = () => mutation.mutate({ field }, { onSuccess: onClose });

  return (
    <Modal opened={opened} onClose={onClose} title={t('culture.override.title')} size="lg" data-testid="override-modal">
      <Stack gap="sm">
        <SegmentedControl
          value={scope}
          onChange={(s) => setScope(s as OverrideScope)}
          data={[
            { value: 'contact', label: t('culture.override.scope.contact') },
            ...(organisationId ? [{ value: 'organisation', label: t('culture.override.scope.organisation') }] : []),
          ]}
        />
        <Select
          label={t('culture.override.field')}
          data={POLICY_FIELDS.map((f) => ({ value: f, label: t(`culture.field.${f}`) }))}
          value={field}
          onChange={(f) => f && setField(f as PolicyFieldName)}
          allowDeselect={false}
          data-testid="override-field"
        />
        <FieldEditor field={field} value={value as never} onChange={setValue} />
        <Textarea
          label={t('culture.override.reason')}
          description={t('culture.override.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          required
          data-testid="override-reason"
        />
        {existing && (
          <Text size="xs" c="dimmed">
            {t('culture.override.existing', { by: existing.updatedBy?.name ?? '—' })}
          </Text>
        )}
        {error && (
          <Alert color="red" variant="light" data-testid="override-error">
            {error.errors.length ? error.errors.map((e) => `${e.path}: ${e.message}`).join(' · ') : error.message}
          </Alert>
        )}
        <Group justify="space-between">
          {existing ? (
            <Button variant="subtle" color="red" onClick={remove} loading={mutation.isPending}>
              {t('culture.override.remove')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={save} loading={mutation.isPending} disabled={reason.trim().length < 3} data-testid="override-save">
              {t('culture.override.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
