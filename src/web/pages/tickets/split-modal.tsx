import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useSplitTicket } from '../../api/tickets';
import type { Message, Ticket } from '../../api/types';
import { useT } from '../../i18n/use-t';

/** Moves one message into a new ticket when a customer raised a second problem in the same thread. */
export function SplitModal({ ticket, message, onClose }: { ticket: Ticket; message: Message | null; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const split = useSplitTicket(ticket.id);
  const [subject, setSubject] = useState('');
  useEffect(() => {
    if (message) setSubject(message.bodyText.split('\n')[0]!.slice(0, 120));
  }, [message]);
  return (
    <Modal opened={message !== null} onClose={onClose} title={t('split.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('split.explain', { number: ticket.number })}
        </Text>
        <TextInput label={t('split.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} required data-autofocus />
        {split.error && (
          <Text size="sm" c="red">
            {split.error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!subject.trim()}
            loading={split.isPending}
            onClick={() =>
              message &&
              split.mutate(
                { messageIds: [message.id], subject: subject.trim() },
                {
                  onSuccess: (created) => {
                    onClose();
                    navigate(`/tickets/${created.id}`);
                  },
                },
              )
            }
          >
            {t('split.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
