import { Anchor, Badge, Button, Collapse, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustments, IconListDetails } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { renderSalutation } from '../../../culture/browser';
import type { ContactHours, PolicyFieldName, ServicePolicy } from '../../../culture/browser';
import type { Ticket } from '../../api/types';
import { useContact } from '../../api/customers';
import { usePermission } from '../../app/use-permission';
import { ChannelIcon } from '../../components/channel-icon';
import { ErrorAlert, Loading } from '../../components/query-state';
import { useDisplayNames } from '../../i18n/display-names';
import { useCodeLabel, useT } from '../../i18n/use-t';
import { TicketPanelCard } from '../../tickets/panel-card';
import { useAddressPrefs } from './address-prefs';
import { OverrideModal } from './override-modal';
import { PolicyRow } from './policy-row';
import { PolicySteps } from './policy-steps';
import { usePolicyValue } from './use-culture-format';
import { useTicketPolicy } from './use-ticket-policy';

/** Whether it is within the contact hours right now, in the customer's time zone. */
function openNow(hours: ContactHours, now = new Date()): { open: boolean; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: hours.timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  const time = `${get('hour')}:${get('minute')}`;
  return { open: hours.days.includes(day as never) && hours.slots.some((s) => s.start <= time && time < s.end), time };
}

const ROWS: PolicyFieldName[] = ['channels', 'tone', 'salutation', 'expectedContacts', 'followUpCadence', 'continuity', 'hierarchyCautions', 'procedure', 'appearance', 'contactHours'];

/**
 * The culture card beside every ticket: how to reach and address this customer, how often to
 * follow up, what to be careful about — each line expandable to the reason behind it, and the
 * steps (country → organisation → contact → observed) that produced it.
 */
export default function CultureCard({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const canOverride = usePermission('culture', 'override');
  const format = usePolicyValue();
  const channel = useCodeLabel();
  const source = useTicketPolicy(ticket);
  const contact = useContact(ticket.contactId);
  const [prefs] = useAddressPrefs(ticket.contactId, contact.data?.name);
  const [stepsOpen, steps] = useDisclosure(false);
  const [overrideOpen, override] = useDisclosure(false);
  const names = useDisplayNames();
  const policy = source.policy;
  const countryLabel = source.country && source.country !== '001' ? names.region(source.country) : source.countryName;

  const greeting = useMemo(() => {
    if (!policy) return '';
    const c = contact.data;
    return renderSalutation(policy.salutation.value, {
      givenName: c?.givenName, surname: c?.familyName, fullName: c?.givenName || c?.familyName ? null : c?.name, gender: prefs.gender, title: prefs.title,
    }).greeting;
  }, [policy, contact.data, prefs]);

  const title = (
    <Group gap={6} wrap="nowrap">
      <span>{t('culture.card.title')}</span>
      {countryLabel && (
        <Anchor component={Link} to={`/cultures/${source.country ?? ''}`} size="xs" fw={500} tt="none" data-testid="culture-country-link">
          {countryLabel}
        </Anchor>
      )}
    </Group>
  );

  if (!ticket.contactId && !ticket.organisationId) {
    return (
      <TicketPanelCard title={t('culture.card.title')} testId="culture-card">
        <Text size="sm" c="dimmed">
          {t('culture.card.none')}
        </Text>
      </TicketPanelCard>
    );
  }
  if (source.isPending) return <TicketPanelCard title={t('culture.card.title')} testId="culture-card"><Loading minHeight={80} /></TicketPanelCard>;
  if (source.error || !policy) {
    return (
      <TicketPanelCard title={t('culture.card.title')} testId="culture-card">
        {source.error ? <ErrorAlert error={source.error} onRetry={source.refetch} /> : <Text size="sm" c="dimmed">{t('culture.card.none')}</Text>}
      </TicketPanelCard>
    );
  }

  const origin = (f: PolicyFieldName) => source.effective?.origins[f];
  const hoursNow = openNow(policy.contactHours.value);
  const valueOf = (f: PolicyFieldName) => {
    switch (f) {
      case 'channels':
        return (
          <Group gap={4} justify="flex-end" data-testid="culture-channels">
            {policy.channels.value.slice(0, 4).map((c, i) => (
              <Badge key={c} size="sm" variant={i === 0 ? 'filled' : 'light'} leftSection={<ChannelIcon channel={c} size={11} />} tt="none">
                {channel('channel', c)}
              </Badge>
            ))}
          </Group>
        );
      case 'salutation':
        return (
          <Text size="sm" span dir="auto" data-testid="culture-salutation">
            {greeting}
          </Text>
        );
      case 'contactHours':
        return (
          <Stack gap={0} align="flex-end">
            <span>{format('contactHours', policy.contactHours.value)}</span>
            <Text size="xs" c={hoursNow.open ? 'teal.7' : 'orange.8'}>
              {t('culture.contactHours.now', { time: hoursNow.time, open: hoursNow.open ? 'yes' : 'no' })}
            </Text>
          </Stack>
        );
      default:
        return format(f as Exclude<PolicyFieldName, 'country'>, policy[f as keyof Omit<ServicePolicy, 'country'>].value as never);
    }
  };

  return (
    <TicketPanelCard
      title={title}
      testId="culture-card"
      actions={
        canOverride && source.effective ? (
          <Button size="compact-xs" variant="subtle" leftSection={<IconAdjustments size={12} />} onClick={override.open} data-testid="culture-override">
            {t('culture.card.override')}
          </Button>
        ) : undefined
      }
    >
      <Stack gap={0}>
        <Group gap={6} mb={4}>
          <Badge size="sm" variant="light" color="indigo" data-testid="culture-register">
            {t(`culture.register.${policy.register.value}`)}
          </Badge>
          <Badge size="sm" variant="light" color={policy.hierarchy.value === 'high' ? 'red' : policy.hierarchy.value === 'low' ? 'green' : 'gray'}>
            {t('culture.card.hierarchy', { level: t(`culture.hierarchy.${policy.hierarchy.value}`) })}
          </Badge>
        </Group>
        {ROWS.map((f) => (
          <PolicyRow key={f} label={t(`culture.field.${f}`)} value={valueOf(f)} field={policy[f as keyof Omit<ServicePolicy, 'country'>]} origin={origin(f)} testId={`culture-row-${f}`} />
        ))}
        {source.effective && (
          <>
            <Button variant="subtle" size="compact-xs" mt={6} leftSection={<IconListDetails size={12} />} onClick={steps.toggle} data-testid="culture-steps-toggle" style={{ alignSelf: 'flex-start' }}>
              {t('culture.card.steps')}
            </Button>
            <Collapse expanded={stepsOpen}>
              <PolicySteps answer={source.effective} />
            </Collapse>
            {overrideOpen && (
              <OverrideModal opened={overrideOpen} onClose={override.close} answer={source.effective} organisationId={ticket.organisationId} />
            )}
          </>
        )}
      </Stack>
    </TicketPanelCard>
  );
}
