import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../i18n/use-t';
import { CustomerTickets } from '../customers/organisation-tickets';

/** The portal's home: every request of the customer's organisation, open ones first. */
export default function PortalTicketsPage() {
  const t = useT();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader
        title={t('portal.tickets.title')}
        subtitle={t('portal.tickets.subtitle')}
        actions={
          <Button component={Link} to="/portal/tickets/new" size="xs" leftSection={<IconPlus size={14} />}>
            {t('portal.new.title')}
          </Button>
        }
      />
      <CustomerTickets filter={user.organisationId ? { organisationId: user.organisationId } : {}} ticketPath={(id) => `/portal/tickets/${id}`} staff={false} />
    </>
  );
}
