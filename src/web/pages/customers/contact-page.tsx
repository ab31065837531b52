import { Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import { useContact, useOrganisation, useSites } from '../../api/customers';
import type { Contact } from '../../api/types';
import { PageHeader } from '../../components/page-header';
import { PersonAvatar } from '../../components/person-avatar';
import { QueryState } from '../../components/query-state';
import { useDisplayNames } from '../../i18n/display-names';
import { useCodeLabel, useT } from '../../i18n/use-t';
import { PanelField, TicketPanelCard } from '../../tickets/panel-card';
import { ContactPrivacyActions } from '../privacy/contact-privacy';
import { CustomerTickets } from './organisation-tickets';

/** A contact's page: how to reach them, where they work, and every ticket they raised. */
export default function ContactPage() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  return <QueryState query={contact} notFoundHome="/organisations">{(data) => <ContactView contact={data} />}</QueryState>;
}

function ContactView({ contact }: { contact: Contact }) {
  const t = useT();
  const intl = useIntl();
  const names = useDisplayNames();
  const codeLabel = useCodeLabel();
  const org = useOrganisation(contact.organisationId);
  const sites = useSites(contact.organisationId);
  const site = sites.data?.find((s) => s.id === contact.siteId);
  return (
    <>
      <PageHeader
        before={<PersonAvatar name={contact.erasedAt ? '?' : contact.name} id={contact.id} size={44} />}
        title={contact.erasedAt ? t('privacy.contact.erased') : contact.name}
        subtitle={
          <Group gap={6}>
            {contact.jobTitle && <span>{contact.jobTitle}</span>}
            {org.data && (
              <Anchor component={Link} to={`/organisations/${org.data.id}`} size="sm">
                {org.data.name}
              </Anchor>
            )}
          </Group>
        }
        actions={
          <Group gap="xs">
            <ContactPrivacyActions contact={contact} />
            {!contact.erasedAt && (
              <Button size="xs" component={Link} to={`/tickets/new?contactId=${contact.id}`} leftSection={<IconPlus size={14} />}>
                {t('tickets.new')}
              </Button>
            )}
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <CustomerTickets filter={{ contactId: contact.id }} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="sm">
            <TicketPanelCard title={t('contact.details')}>
              <PanelField label={t('contact.field.emails')}>
                <Stack gap={0} dir="ltr">
                  {contact.emails.map((e) => (
                    <Anchor key={e} href={`mailto:${e}`} size="sm">
                      {e}
                    </Anchor>
                  ))}
                </Stack>
              </PanelField>
              <PanelField label={t('contact.field.phones')}>
                <Stack gap={0} dir="ltr">
                  {contact.phones.map((p) => (
                    <Anchor key={p} href={`tel:${p}`} size="sm">
                      {p}
                    </Anchor>
                  ))}
                </Stack>
              </PanelField>
              <PanelField label={t('contact.field.country')}>{names.region(contact.country) || '—'}</PanelField>
              <PanelField label={t('contact.field.languages')}>{contact.languages.map(names.language).join(', ') || '—'}</PanelField>
              <PanelField label={t('contact.field.site')}>{site?.name ?? '—'}</PanelField>
              <PanelField label={t('contact.field.preferredChannel')}>
                {contact.preferredChannel ? <Badge variant="light" tt="none">{codeLabel('channel', contact.preferredChannel)}</Badge> : '—'}
              </PanelField>
              {contact.timeZone && (
                <PanelField label={t('customer.localTime')}>
                  <Text size="sm" span>
                    {intl.formatTime(new Date(), { timeZone: contact.timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short' })}
                  </Text>{' '}
                  <Text size="xs" c="dimmed" span>
                    {contact.timeZone}
                  </Text>
                </PanelField>
              )}
            </TicketPanelCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
