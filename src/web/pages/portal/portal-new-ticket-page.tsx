import { Alert, Box, Button, Group, Paper, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCreateTicket } from '../../api/tickets';
import { ticketPriorities, type TicketPriority } from '../../api/types';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../i18n/use-t';

/** A customer opens a new request; the server ties it to their organisation and contact. */
export default function PortalNewTicketPage() {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateTicket();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [priority, setPriority] = useState<TicketPriority>('normal');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { subject: subject.trim(), body: body.trim(), priority, channel: 'portal' },
      { onSuccess: (ticket) => navigate(`/portal/tickets/${ticket.id}`, { replace: true }) },
    );
  };
  return (
    <Box maw={720}>
      <PageHeader title={t('portal.new.title')} subtitle={t('portal.new.subtitle')} />
      <Paper withBorder p="md">
        <form onSubmit={submit}>
          <Stack gap="sm">
            <TextInput label={t('newTicket.subject')} required value={subject} onChange={(e) => setSubject(e.currentTarget.value)} data-testid="portal-subject" />
            <Textarea label={t('portal.new.body')} required autosize minRows={6} value={body} onChange={(e) => setBody(e.currentTarget.value)} data-testid="portal-body" />
            <Select
              label={t('portal.new.urgency')}
              data={ticketPriorities.map((p) => ({ value: p, label: t(`ticket.priority.${p}`) }))}
              value={priority}
              onChange={(v) => v && setPriority(v as TicketPriority)}
              w={220}
            />
            {create.error && <Alert color="red" variant="light">{create.error.message}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => navigate('/portal')}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!subject.trim() || !body.trim()} data-testid="portal-submit">
                {t('portal.new.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Box>
  );
}
