import { ActionIcon, Anchor, Badge, Button, Card, EmptyState, Group, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay, IconShieldLock, IconTrash } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useContact, useOrganisation } from '../../api/customers';
import { useProcessingLog, useRemoveRetention, useRetentionPolicies, useRunRetention, useSetRetention, type ProcessingEntry, type RetentionPolicy } from '../../api/privacy';
import { LoadMore } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { ErrorAlert, Loading } from '../../components/query-state';
import { DateTime } from '../../components/time-ago';
import { useT } from '../../i18n/use-t';
import { OrganisationPicker } from '../customers/pickers';
import { processingSummary } from './summary';

type Kind = 'all' | ProcessingEntry['kind'];
const kindColor = { export: 'blue', erase: 'red', retention: 'grape' } as const;
const statusColor = { pending: 'yellow', done: 'teal', failed: 'red' } as const;

/**
 * Data protection for admins: how long closed cases and raw failures are kept (a default and
 * per-organisation rules, applied hourly by a job or now), and the processing log of every
 * export, erasure and retention run.
 */
export default function PrivacyPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('privacy.title')} subtitle={t('privacy.subtitle')} />
      <Stack gap="lg">
        <RetentionCard />
        <ProcessingLog />
      </Stack>
    </>
  );
}

const toNumber = (v: string | number) => (v === '' || v === null ? null : Number(v));

function RetentionCard() {
  const t = useT();
  const policies = useRetentionPolicies();
  const set = useSetRetention();
  const run = useRunRetention();
  const fallback = policies.data?.items.find((p) => p.scope === 'default');
  const own = policies.data?.items.filter((p) => p.organisationId) ?? [];
  const [months, setMonths] = useState<number | null>(null);
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    setMonths(fallback?.closedCaseMonths ?? null);
    setDays(fallback?.rawFailureDays ?? null);
  }, [fallback?.closedCaseMonths, fallback?.rawFailureDays]);
  const [orgId, setOrgId] = useState<string | null>(null);
  const [orgMonths, setOrgMonths] = useState<number | null>(12);

  const saved = (message: string) => notifications.show({ color: 'teal', message });
  const failed = (e: Error) => notifications.show({ color: 'red', title: t('common.error.title'), message: e.message });

  if (policies.isPending) return <Loading />;
  if (policies.error) return <ErrorAlert error={policies.error} onRetry={() => policies.refetch()} />;
  return (
    <Card withBorder shadow="xs" data-testid="retention-card">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={3} size="h4">
          {t('privacy.retention.title')}
        </Title>
        <Button size="xs" variant="light" leftSection={<IconPlayerPlay size={14} />} loading={run.isPending} onClick={() => run.mutate(undefined, { onSuccess: () => saved(t('privacy.retention.queued')), onError: failed })} data-testid="retention-run">
          {t('privacy.retention.runNow')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('privacy.retention.explain')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="sm">
        <NumberInput label={t('privacy.retention.closedCaseMonths')} description={t('privacy.retention.emptyKeeps')} min={1} max={1200} value={months ?? ''} onChange={(v) => setMonths(toNumber(v))} data-testid="retention-months" />
        <NumberInput label={t('privacy.retention.rawFailureDays')} description={t('privacy.retention.emptyKeeps')} min={1} max={36500} value={days ?? ''} onChange={(v) => setDays(toNumber(v))} data-testid="retention-days" />
        <Group align="flex-end">
          <Button loading={set.isPending} onClick={() => set.mutate({ organisationId: null, closedCaseMonths: months, rawFailureDays: days }, { onSuccess: () => saved(t('privacy.retention.saved')), onError: failed })} data-testid="retention-save">
            {t('common.save')}
          </Button>
        </Group>
      </SimpleGrid>

      <Title order={4} size="h5" mt="lg" mb="xs">
        {t('privacy.retention.organisations')}
      </Title>
      {own.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('privacy.retention.noOrganisations')}
        </Text>
      ) : (
        <Table verticalSpacing={6} data-testid="retention-organisations">
          <Table.Tbody>
            {own.map((p) => (
              <OrganisationRule key={p.scope} policy={p} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mt="sm">
        <OrganisationPicker label={t('privacy.retention.organisation')} value={orgId} onChange={(id) => setOrgId(id)} data-testid="retention-org" />
        <NumberInput label={t('privacy.retention.closedCaseMonths')} description={t('privacy.retention.emptyKeeps')} min={1} max={1200} value={orgMonths ?? ''} onChange={(v) => setOrgMonths(toNumber(v))} />
        <Group align="flex-end">
          <Button variant="light" disabled={!orgId} loading={set.isPending} onClick={() => orgId && set.mutate({ organisationId: orgId, closedCaseMonths: orgMonths }, { onSuccess: () => { setOrgId(null); saved(t('privacy.retention.saved')); }, onError: failed })} data-testid="retention-org-save">
            {t('privacy.retention.addRule')}
          </Button>
        </Group>
      </SimpleGrid>
    </Card>
  );
}

function OrganisationRule({ policy }: { policy: RetentionPolicy }) {
  const t = useT();
  const org = useOrganisation(policy.organisationId);
  const remove = useRemoveRetention();
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/organisations/${policy.organisationId}`} size="sm" dir="auto">
          {org.data?.name ?? '…'}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{policy.closedCaseMonths == null ? t('privacy.retention.keptForever') : t('privacy.retention.months', { months: policy.closedCaseMonths })}</Text>
      </Table.Td>
      <Table.Td w={40}>
        <ActionIcon variant="subtle" color="red" aria-label={t('privacy.retention.removeRule')} loading={remove.isPending} onClick={() => remove.mutate(policy.organisationId!)}>
          <IconTrash size={16} />
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}

function ProcessingLog() {
  const t = useT();
  const [kind, setKind] = useState<Kind>('all');
  const log = useProcessingLog(kind === 'all' ? {} : { kind });
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  // A phone gets one card per entry: five columns do not fit in 390 px.
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h4">
          {t('privacy.log.title')}
        </Title>
        <SegmentedControl size="xs" value={kind} onChange={(v) => setKind(v as Kind)} data={(['all', 'export', 'erase', 'retention'] as const).map((k) => ({ value: k, label: t(`privacy.kind.${k}`) }))} data-testid="privacy-log-kind" />
      </Group>
      <Paper withBorder shadow="xs" style={{ overflowX: 'auto' }}>
        {log.isPending ? (
          <Loading />
        ) : log.error ? (
          <ErrorAlert error={log.error} onRetry={() => log.refetch()} />
        ) : entries.length === 0 ? (
          <EmptyState py={48} icon={<IconShieldLock size={32} stroke={1.5} />} withIndicatorBackground title={t('privacy.log.empty')} />
        ) : phone ? (
          <Stack gap={0} data-testid="privacy-log">
            {entries.map((e) => (
              <LogCard key={e.id} entry={e} />
            ))}
            <LoadMore shown={entries.length} hasMore={Boolean(log.hasNextPage)} loading={log.isFetchingNextPage} onLoadMore={() => void log.fetchNextPage()} />
          </Stack>
        ) : (
          <>
            <Table verticalSpacing={8} miw={640} data-testid="privacy-log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('privacy.log.when')}</Table.Th>
                  <Table.Th>{t('privacy.log.what')}</Table.Th>
                  <Table.Th>{t('privacy.log.subject')}</Table.Th>
                  <Table.Th>{t('privacy.log.by')}</Table.Th>
                  <Table.Th>{t('privacy.log.result')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <LogRow key={e.id} entry={e} />
                ))}
              </Table.Tbody>
            </Table>
            <LoadMore shown={entries.length} hasMore={Boolean(log.hasNextPage)} loading={log.isFetchingNextPage} onLoadMore={() => void log.fetchNextPage()} />
          </>
        )}
      </Paper>
    </Stack>
  );
}

/** The parts of one log entry, laid out as a table row on a desktop and as a card on a phone. */
function useLogParts(entry: ProcessingEntry) {
  const t = useT();
  const contact = useContact(entry.contactId);
  return {
    when: <DateTime value={entry.createdAt} />,
    what: (
      <Group gap={4} wrap="nowrap">
        <Badge size="sm" variant="light" color={kindColor[entry.kind]} tt="none" style={{ flexShrink: 0 }}>
          {t(`privacy.kind.${entry.kind}`)}
        </Badge>
        <Badge size="sm" variant="dot" color={statusColor[entry.status]} tt="none" style={{ flexShrink: 0 }}>
          {t(`privacy.status.${entry.status}`)}
        </Badge>
      </Group>
    ),
    subject: entry.contactId ? (
      <Anchor component={Link} to={`/contacts/${entry.contactId}`} size="sm" dir="auto">
        {contact.data ? (contact.data.erasedAt ? t('privacy.contact.erased') : contact.data.name) : '…'}
      </Anchor>
    ) : (
      <Text size="sm" c="dimmed" span>
        {t('privacy.log.allCases')}
      </Text>
    ),
    by: (
      <Text size="sm" dir="auto" span>
        {entry.actor.name ?? t('privacy.log.theJob')}
      </Text>
    ),
    result: <Text size="sm">{entry.status === 'failed' ? entry.error : processingSummary(t, entry)}</Text>,
  };
}

function LogRow({ entry }: { entry: ProcessingEntry }) {
  const parts = useLogParts(entry);
  return (
    <Table.Tr data-testid="privacy-log-row">
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {parts.when}
        </Text>
      </Table.Td>
      <Table.Td>{parts.what}</Table.Td>
      <Table.Td>{parts.subject}</Table.Td>
      <Table.Td>{parts.by}</Table.Td>
      <Table.Td>{parts.result}</Table.Td>
    </Table.Tr>
  );
}

function LogCard({ entry }: { entry: ProcessingEntry }) {
  const parts = useLogParts(entry);
  return (
    <Stack gap={4} p="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }} data-testid="privacy-log-row">
      <Group justify="space-between" gap="xs" wrap="wrap">
        {parts.what}
        <Text size="xs" c="dimmed">
          {parts.when}
        </Text>
      </Group>
      <Group gap={6} wrap="wrap">
        {parts.subject}
        <Text size="sm" c="dimmed" span>
          ·
        </Text>
        {parts.by}
      </Group>
      {parts.result}
    </Stack>
  );
}
