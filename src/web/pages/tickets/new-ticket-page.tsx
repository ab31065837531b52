import { Box } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useCreateTicket } from '../../api/tickets';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../i18n/use-t';
import { NewTicketForm } from './new-ticket-form';

/** Opens a ticket on a customer's behalf (a phone call, a walk-in, an email forwarded by hand). */
export default function NewTicketPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateTicket();
  return (
    <Box maw={880}>
      <PageHeader title={t('newTicket.title')} subtitle={t('newTicket.subtitle')} />
      <NewTicketForm
        initialContactId={params.get('contactId')}
        initialOrganisationId={params.get('organisationId')}
        busy={create.isPending}
        error={create.error?.message ?? null}
        onSubmit={(body) => create.mutate(body, { onSuccess: (ticket) => navigate(`/tickets/${ticket.id}`, { replace: true }) })}
        onCancel={() => navigate(-1)}
      />
    </Box>
  );
}
