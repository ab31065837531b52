import { Button, Group, Text } from '@mantine/core';
import { useT } from '../i18n/use-t';

/**
 * The end of every edit form: the server's error, if any, then Cancel and Save. One component so
 * every form reports a refusal and offers its buttons the same way.
 */
export function FormFooter({ error, onCancel, busy, canSave, saveTestId, errorTestId }: {
  error: string | null | undefined;
  onCancel: () => void;
  busy: boolean;
  canSave: boolean;
  saveTestId?: string;
  errorTestId?: string;
}) {
  const t = useT();
  return (
    <>
      {error && (
        <Text c="red" size="sm" data-testid={errorTestId}>
          {error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={busy} disabled={!canSave} data-testid={saveTestId}>
          {t('common.save')}
        </Button>
      </Group>
    </>
  );
}
