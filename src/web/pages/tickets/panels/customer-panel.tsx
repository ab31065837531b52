import { Anchor, Badge, Divider, Group, Stack, Text } from '@mantine/core';
import { IconBuilding, IconDevices, IconFileCertificate, IconMapPin } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useAssets, useContact, useContracts, useSites } from '../../../api/customers';
import { useTicketList } from '../../../api/tickets';
import type { Contract, Ticket } from '../../../api/types';
import { PersonAvatar } from '../../../components/person-avatar';
import { StatusBadge } from '../../../components/status-badge';
import { useDisplayNames } from '../../../i18n/display-names';
import { useCodeLabel, useT } from '../../../i18n/use-t';
import { PanelField, TicketPanelCard } from '../../../tickets/panel-card';

const tierColors: Record<Contract['slaTier'], string> = { platinum: 'dark', gold: 'yellow', silver: 'gray', bronze: 'orange' };

/** Contracts in force today that cover the ticket's site or asset (or the whole organisation). */
function applicableContracts(contracts: Contract[], ticket: Ticket, today: string): Contract[] {
  return contracts.filter((c) => {
    const inForce = (!c.startsOn || c.startsOn <= today) && (!c.endsOn || c.endsOn >= today);
    const covers =
      (c.siteIds.length === 0 && c.assetIds.length === 0) ||
      (ticket.siteId !== null && c.siteIds.includes(ticket.siteId)) ||
      (ticket.assetId !== null && c.assetIds.includes(ticket.assetId));
    return inForce && covers;
  });
}

/**
 * The dispatcher's "who is this" at a glance: the contact (with their local time), the
 * organisation, site, contract in force, installed equipment and the contact's earlier tickets.
 */
export default function CustomerPanel({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const intl = useIntl();
  const names = useDisplayNames();
  const codeLabel = useCodeLabel();
  const contact = useContact(ticket.contactId);
  const orgId = ticket.organisationId;
  const sites = useSites(orgId);
  const contracts = useContracts(orgId);
  const assets = useAssets(orgId);
  const earlier = useTicketList({ contactId: ticket.contactId ?? undefined, sort: 'created_desc' }, { enabled: Boolean(ticket.contactId), limit: 6 });

  const site = sites.data?.find((s) => s.id === ticket.siteId) ?? null;
  const today = new Date().toISOString().slice(0, 10);
  const inForce = applicableContracts(contracts.data ?? [], ticket, today);
  const siteAssets = (assets.data ?? []).filter((a) => a.id === ticket.assetId || (ticket.siteId && a.siteId === ticket.siteId));
  const shownAssets = [...siteAssets].sort((a) => (a.id === ticket.assetId ? -1 : 1)).slice(0, 4);
  const history = (earlier.data?.pages.flatMap((p) => p.items) ?? []).filter((x) => x.id !== ticket.id).slice(0, 5);
  const c = contact.data;

  if (!ticket.contactId && !orgId) {
    return (
      <TicketPanelCard title={t('customer.panel.title')} testId="customer-panel">
        <Text size="sm" c="dimmed">
          {t('customer.panel.none')}
        </Text>
      </TicketPanelCard>
    );
  }

  return (
    <TicketPanelCard title={t('customer.panel.title')} testId="customer-panel">
      <Stack gap="sm">
        {c && (
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <PersonAvatar name={c.name} id={c.id} size={36} />
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/contacts/${c.id}`} fw={600} size="sm">
                {c.name}
              </Anchor>
              {c.jobTitle && (
                <Text size="xs" c="dimmed">
                  {c.jobTitle}
                </Text>
              )}
              <Text size="xs" c="dimmed" dir="ltr" ta="start" truncate>
                {c.emails[0] ?? c.phones[0] ?? ''}
              </Text>
            </div>
          </Group>
        )}
        {c && (
          <Stack gap={0}>
            {c.country && <PanelField label={t('customer.country')}>{names.region(c.country)}</PanelField>}
            {c.languages.length > 0 && <PanelField label={t('customer.languages')}>{c.languages.map(names.language).join(', ')}</PanelField>}
            {c.timeZone && (
              <PanelField label={t('customer.localTime')}>
                {intl.formatTime(new Date(), { timeZone: c.timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short' })}
              </PanelField>
            )}
            {c.preferredChannel && <PanelField label={t('customer.preferredChannel')}>{codeLabel('channel', c.preferredChannel)}</PanelField>}
          </Stack>
        )}
        {ticket.organisation && (
          <>
            <Divider />
            <Row icon={<IconBuilding size={15} />}>
              <Anchor component={Link} to={`/organisations/${ticket.organisation.id}`} size="sm" fw={500}>
                <bdi>{ticket.organisation.name}</bdi>
              </Anchor>
            </Row>
          </>
        )}
        {site && (
          <Row icon={<IconMapPin size={15} />}>
            <Text size="sm">
              <bdi>{site.name}</bdi>
            </Text>
            <Text size="xs" c="dimmed">
              {[site.city, names.region(site.country)].filter(Boolean).join(', ')}
            </Text>
          </Row>
        )}
        {inForce.map((contract) => (
          <Row key={contract.id} icon={<IconFileCertificate size={15} />}>
            <Group gap={6}>
              <Text size="sm">
                <bdi>{contract.name}</bdi>
              </Text>
              <Badge size="xs" color={tierColors[contract.slaTier]} variant="light">
                {t(`contract.tier.${contract.slaTier}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {t(`contract.coverage.${contract.coverage}`)}
              {contract.endsOn && ` · ${t('contract.until', { date: intl.formatDate(contract.endsOn, { dateStyle: 'medium', timeZone: 'UTC' }) })}`}
            </Text>
          </Row>
        ))}
        {orgId && contracts.data && inForce.length === 0 && (
          <Row icon={<IconFileCertificate size={15} />}>
            <Text size="sm" c="orange.8">
              {t('contract.none')}
            </Text>
          </Row>
        )}
        {shownAssets.map((asset) => (
          <Row key={asset.id} icon={<IconDevices size={15} />}>
            <Group gap={6}>
              <Text size="sm" fw={asset.id === ticket.assetId ? 600 : 400}>
                {asset.model}
              </Text>
              {asset.id === ticket.assetId && (
                <Badge size="xs" variant="outline">
                  {t('asset.thisTicket')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" dir="ltr" ta="start">
              {asset.serial}
            </Text>
          </Row>
        ))}
        {history.length > 0 && (
          <>
            <Divider label={t('customer.earlierTickets')} labelPosition="left" />
            <Stack gap={6} data-testid="earlier-tickets">
              {history.map((h) => (
                <Group key={h.id} gap="xs" wrap="nowrap" justify="space-between">
                  <Anchor component={Link} to={`/tickets/${h.id}`} size="sm" truncate style={{ minWidth: 0 }}>
                    <span className="tabular">#{h.number}</span> <bdi>{h.subject}</bdi>
                  </Anchor>
                  <StatusBadge status={h.status} size="xs" />
                </Group>
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </TicketPanelCard>
  );
}

function Row({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text c="dimmed" mt={2} component="span" style={{ display: 'inline-flex' }}>
        {icon}
      </Text>
      <div style={{ minWidth: 0 }}>{children}</div>
    </Group>
  );
}
