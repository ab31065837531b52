import { Anchor, Badge, Button, Grid, Group, Modal, Paper, Stack, Table, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDevices, IconFileCertificate, IconMapPin, IconPencil, IconPlus, IconTicket, IconUsers } from '@tabler/icons-react';
import { Link, useParams } from 'react-router-dom';
import { useAssets, useContacts, useContracts, useCreateContact, useOrganisation, useSites, useUpdateOrganisation } from '../../api/customers';
import type { Organisation } from '../../api/types';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { DateTime } from '../../components/time-ago';
import { useDisplayNames } from '../../i18n/display-names';
import { useCodeLabel, useT } from '../../i18n/use-t';
import { PanelField, TicketPanelCard } from '../../tickets/panel-card';
import { ContactForm } from './contact-form';
import { OrganisationForm } from './organisation-form';
import { CustomerTickets } from './organisation-tickets';
import { usePermission } from '../../app/use-permission';

/** Customer 360 for an organisation: its tickets, people, sites, contracts and equipment. */
export default function OrganisationPage() {
  const { id = '' } = useParams();
  const org = useOrganisation(id);
  return <QueryState query={org} notFoundHome="/organisations">{(data) => <OrganisationView org={data} />}</QueryState>;
}

function OrganisationView({ org }: { org: Organisation }) {
  const t = useT();
  const names = useDisplayNames();
  const codeLabel = useCodeLabel();
  const sites = useSites(org.id);
  const contacts = useContacts({ organisationId: org.id });
  const contracts = useContracts(org.id);
  const assets = useAssets(org.id);
  const update = useUpdateOrganisation(org.id);
  const createContact = useCreateContact();
  const [editing, edit] = useDisclosure(false);
  const [adding, add] = useDisclosure(false);
  const can = usePermission();
  const siteName = (siteId: string | null) => sites.data?.find((s) => s.id === siteId)?.name ?? '—';

  return (
    <>
      <PageHeader
        title={org.name}
        subtitle={[names.region(org.country), org.industry, ...org.domains].filter(Boolean).join(' · ')}
        actions={
          <>
            {can('customer', 'update', org) && (
              <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={edit.open}>
                {t('common.edit')}
              </Button>
            )}
            <Button size="xs" component={Link} to={`/tickets/new?organisationId=${org.id}`} leftSection={<IconPlus size={14} />}>
              {t('tickets.new')}
            </Button>
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Tabs defaultValue="tickets" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="tickets" leftSection={<IconTicket size={15} />}>{t('org.tab.tickets')}</Tabs.Tab>
              <Tabs.Tab value="contacts" leftSection={<IconUsers size={15} />}>
                {t('org.tab.contacts')} <Badge size="xs" variant="light" ms={4}>{contacts.data?.items.length ?? 0}</Badge>
              </Tabs.Tab>
              <Tabs.Tab value="sites" leftSection={<IconMapPin size={15} />}>{t('org.tab.sites')}</Tabs.Tab>
              <Tabs.Tab value="contracts" leftSection={<IconFileCertificate size={15} />}>{t('org.tab.contracts')}</Tabs.Tab>
              <Tabs.Tab value="assets" leftSection={<IconDevices size={15} />}>{t('org.tab.assets')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="tickets">
              <CustomerTickets filter={{ organisationId: org.id }} />
            </Tabs.Panel>
            <Tabs.Panel value="contacts">
              {can('customer', 'create') && (
                <Group justify="flex-end" mb="sm">
                  <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={add.open}>
                    {t('contact.create')}
                  </Button>
                </Group>
              )}
              <Paper withBorder style={{ overflow: 'hidden' }}>
                <Table verticalSpacing={7} highlightOnHover data-testid="org-contacts">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('contact.field.name')}</Table.Th>
                      <Table.Th>{t('contact.field.jobTitle')}</Table.Th>
                      <Table.Th>{t('contact.field.emails')}</Table.Th>
                      <Table.Th visibleFrom="md">{t('contact.field.country')}</Table.Th>
                      <Table.Th visibleFrom="md">{t('contact.field.preferredChannel')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {(contacts.data?.items ?? []).map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/contacts/${c.id}`} size="sm" fw={500}>{c.name}</Anchor>
                        </Table.Td>
                        <Table.Td><Text size="sm" c="dimmed">{c.jobTitle}</Text></Table.Td>
                        <Table.Td><Text size="sm" dir="ltr" ta="start">{c.emails[0]}</Text></Table.Td>
                        <Table.Td visibleFrom="md"><Text size="sm">{names.region(c.country)}</Text></Table.Td>
                        <Table.Td visibleFrom="md"><Text size="sm">{c.preferredChannel ? codeLabel('channel', c.preferredChannel) : '—'}</Text></Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            </Tabs.Panel>
            <Tabs.Panel value="sites">
              <Stack gap="sm">
                {(sites.data ?? []).map((s) => (
                  <Paper key={s.id} withBorder p="sm">
                    <Group justify="space-between">
                      <div>
                        <Text fw={600} size="sm">{s.name}</Text>
                        <Text size="xs" c="dimmed">{[s.address, s.city, names.region(s.country)].filter(Boolean).join(', ')}</Text>
                      </div>
                      {s.timeZone && <Badge variant="default" tt="none" fw={500}>{s.timeZone}</Badge>}
                    </Group>
                  </Paper>
                ))}
                {sites.data?.length === 0 && <Text c="dimmed" size="sm">{t('org.sites.none')}</Text>}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="contracts">
              <Paper withBorder style={{ overflow: 'hidden' }}>
                <Table verticalSpacing={7}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('contract.name')}</Table.Th>
                      <Table.Th>{t('contract.tier')}</Table.Th>
                      <Table.Th>{t('contract.coverage')}</Table.Th>
                      <Table.Th>{t('contract.period')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {(contracts.data ?? []).map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td><Text size="sm" fw={500}>{c.name}</Text></Table.Td>
                        <Table.Td><Badge size="sm" variant="light">{t(`contract.tier.${c.slaTier}`)}</Badge></Table.Td>
                        <Table.Td><Text size="sm">{t(`contract.coverage.${c.coverage}`)}</Text></Table.Td>
                        <Table.Td>
                          <Text size="sm" c="dimmed">
                            {c.startsOn ? <DateTime value={c.startsOn} dateOnly /> : '…'} – {c.endsOn ? <DateTime value={c.endsOn} dateOnly /> : '…'}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            </Tabs.Panel>
            <Tabs.Panel value="assets">
              <Paper withBorder style={{ overflow: 'hidden' }}>
                <Table verticalSpacing={7}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('asset.model')}</Table.Th>
                      <Table.Th>{t('asset.serial')}</Table.Th>
                      <Table.Th>{t('asset.site')}</Table.Th>
                      <Table.Th>{t('asset.installed')}</Table.Th>
                      <Table.Th>{t('asset.warranty')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {(assets.data ?? []).map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td><Text size="sm" fw={500}>{a.model}</Text></Table.Td>
                        <Table.Td><Text size="sm" ff="monospace" dir="ltr" ta="start">{a.serial}</Text></Table.Td>
                        <Table.Td><Text size="sm">{siteName(a.siteId)}</Text></Table.Td>
                        <Table.Td><Text size="sm">{a.installedOn ? <DateTime value={a.installedOn} dateOnly /> : '—'}</Text></Table.Td>
                        <Table.Td><Text size="sm">{a.warrantyEndsOn ? <DateTime value={a.warrantyEndsOn} dateOnly /> : '—'}</Text></Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="sm">
            <TicketPanelCard title={t('org.details')}>
              <PanelField label={t('org.field.country')}>{names.region(org.country) || '—'}</PanelField>
              <PanelField label={t('org.field.industry')}>{org.industry || '—'}</PanelField>
              <PanelField label={t('org.field.domains')}>{org.domains.join(', ') || '—'}</PanelField>
              <PanelField label={t('org.customerSince')}>{org.createdAt ? <DateTime value={org.createdAt} dateOnly /> : '—'}</PanelField>
            </TicketPanelCard>
            {org.notes && (
              <TicketPanelCard title={t('org.field.notes')}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">{org.notes}</Text>
              </TicketPanelCard>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={editing} onClose={edit.close} title={t('org.edit')}>
        <OrganisationForm initial={org} busy={update.isPending} error={update.error?.message ?? null} onCancel={edit.close} onSubmit={(input) => update.mutate(input, { onSuccess: edit.close })} />
      </Modal>
      <Modal opened={adding} onClose={add.close} title={t('contact.create')} size="lg">
        <ContactForm
          organisationId={org.id}
          sites={sites.data ?? []}
          busy={createContact.isPending}
          error={createContact.error?.message ?? null}
          onCancel={add.close}
          onSubmit={(input) => createContact.mutate(input, { onSuccess: add.close })}
        />
      </Modal>
    </>
  );
}
