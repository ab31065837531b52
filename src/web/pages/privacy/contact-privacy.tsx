import { Alert, Badge, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { contactExportUrl, useProcessingEntry, useRequestErasure } from '../../api/privacy';
import type { Contact } from '../../api/types';
import { usePermission } from '../../app/use-permission';
import { DateTime } from '../../components/time-ago';
import { useT } from '../../i18n/use-t';

/**
 * A contact's data-protection actions for admins: download everything Rapport holds about them
 * (one zip) and erase them, after typing their name — an erasure cannot be undone.
 */
export function ContactPrivacyActions({ contact }: { contact: Contact }) {
  const t = useT();
  const canExport = usePermission('privacy', 'export');
  const canErase = usePermission('privacy', 'erase');
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [entryId, setEntryId] = useState<string | null>(null);
  const erase = useRequestErasure();
  const entry = useProcessingEntry(entryId);

  if (contact.erasedAt) {
    return (
      <Badge color="gray" variant="light" tt="none" data-testid="contact-erased">
        {t('privacy.contact.erasedOn')} <DateTime value={contact.erasedAt} />
      </Badge>
    );
  }
  const running = entryId !== null && entry.data?.status !== 'done' && entry.data?.status !== 'failed';
  const submit = () =>
    erase.mutate(contact.id, {
      onSuccess: (pending) => {
        setEntryId(pending.id);
        setConfirming(false);
        notifications.show({ color: 'blue', message: t('privacy.erase.queued') });
      },
      onError: (e) => notifications.show({ color: 'red', title: t('common.error.title'), message: e.message }),
    });

  return (
    <>
      {canExport && (
        <Button size="xs" variant="default" component="a" href={contactExportUrl(contact.id)} download leftSection={<IconDownload size={14} />} data-testid="contact-export">
          {t('privacy.export.button')}
        </Button>
      )}
      {canErase && (
        <Button size="xs" variant="light" color="red" loading={running} onClick={() => setConfirming(true)} leftSection={<IconTrash size={14} />} data-testid="contact-erase">
          {t('privacy.erase.button')}
        </Button>
      )}
      {entry.data?.status === 'failed' && (
        <Text size="xs" c="red">
          {t('privacy.erase.failed')}
        </Text>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('privacy.erase.title')}>
        <Stack gap="sm">
          <Alert color="red" variant="light">
            {t('privacy.erase.warning')}
          </Alert>
          <Text size="sm">{t('privacy.erase.typeName')}</Text>
          <Text size="sm" fw={600} dir="auto">
            {contact.name}
          </Text>
          <TextInput dir="auto" value={typed} onChange={(e) => setTyped(e.currentTarget.value)} aria-label={t('privacy.erase.typeName')} data-testid="erase-confirm-name" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" disabled={typed.trim() !== contact.name.trim()} loading={erase.isPending} onClick={submit} data-testid="erase-confirm">
              {t('privacy.erase.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
