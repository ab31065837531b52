import { Alert, Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { PolicyFieldName, ServicePolicy } from '../../../culture/browser';
import { POLICY_FIELDS } from '../../../culture/browser';
import { useCountryDetail, useCountryPolicy } from '../../api/culture';
import { usePermission } from '../../app/use-permission';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useDisplayNames } from '../../i18n/display-names';
import { useT } from '../../i18n/use-t';
import { CuratedEditModal } from './curated-editor';
import { DIMENSIONS, DimensionChart } from './dimension-chart';
import { PolicyRow } from './policy-row';
import { ConfidenceBadge, ProfileTable } from './profile-table';
import { usePolicyValue } from './use-culture-format';

/**
 * One country in full: the six dimensions with their provenance, every profile field with its
 * source and confidence (curated ones editable by managers), the resulting service policy with
 * its reasons, what data is missing, and the sources and attribution.
 */
export default function CountryPage() {
  const { code = '' } = useParams();
  const detail = useCountryDetail(code.toUpperCase());
  return <QueryState query={detail} notFoundHome="/cultures">{(d) => <CountryView detail={d} />}</QueryState>;
}

function CountryView({ detail }: { detail: NonNullable<ReturnType<typeof useCountryDetail>['data']> }) {
  const t = useT();
  const names = useDisplayNames();
  const format = usePolicyValue();
  const policy = useCountryPolicy(detail.profile.country);
  const [editing, setEditing] = useState<string | null>(null);
  const p = detail.profile;
  const name = names.region(p.country);
  const canEdit = usePermission('culture', 'edit');

  return (
    <>
      <PageHeader
        title={name}
        subtitle={<Group gap={6}><Text size="sm" c="dimmed">{p.country} · {p.dataVersion}</Text>{p.isDefault && <Badge size="xs" color="gray" data-testid="default-badge">{t('culture.coverage.default')}</Badge>}</Group>}
        before={<Anchor component={Link} to="/cultures" aria-label={t('common.back')}><IconArrowLeft size={18} /></Anchor>}
      />
      {p.missing.length > 0 && (
        <Alert color={p.isDefault ? 'gray' : 'yellow'} variant="light" icon={<IconAlertCircle size={16} />} mb="md" title={t(p.isDefault ? 'culture.country.defaultTitle' : 'culture.country.missingTitle')} data-testid="missing-alert">
          <List size="xs" spacing={2}>
            {p.missing.map((m) => <List.Item key={m.field}>{m.detail}</List.Item>)}
          </List>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap="md">
          <Paper withBorder shadow="xs" p="sm">
            <Title order={3} size="h5" mb="xs">{t('culture.country.dimensions')}</Title>
            <DimensionChart countries={[{ code: p.country, name, hofstede: Object.fromEntries(DIMENSIONS.map((d) => [d, p.hofstede[d].value])) as never }]} mode="bar" height={240} />
            <Table fz="xs" verticalSpacing={3} mt="xs" data-testid="hofstede-table">
              <Table.Tbody>
                {DIMENSIONS.map((d) => (
                  <Table.Tr key={d}>
                    <Table.Td>{t(`culture.dim.${d}`)}</Table.Td>
                    <Table.Td ta="end" className="tabular" fw={600}>{p.hofstede[d].value}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}><ConfidenceBadge confidence={p.hofstede[d].confidence} /></Table.Td>
                    <Table.Td><Text size="xs" c="dimmed">{p.hofstede[d].note ?? ''}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {p.subNational.length > 0 && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('culture.country.subNational')}: {p.subNational.map((s) => `${s.name} (${DIMENSIONS.map((d) => s.scores[d] ?? '–').join('/')})`).join('; ')}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt="xs" data-testid="hofstede-attribution">{t('culture.attribution.hofstede')}</Text>
          </Paper>
          <Paper withBorder shadow="xs" p="sm">
            <Title order={3} size="h5" mb="xs">{t('culture.country.profile')}</Title>
            <ProfileTable detail={detail} canEdit={canEdit} onEdit={setEditing} />
          </Paper>
        </Stack>
        <Stack gap="md">
          <Paper withBorder shadow="xs" p="sm" data-testid="country-policy">
            <Title order={3} size="h5" mb="xs">{t('culture.country.policy')}</Title>
            {policy.data && POLICY_FIELDS.map((f: PolicyFieldName) => {
              const field = policy.data!.policy[f as keyof Omit<ServicePolicy, 'country'>];
              return <PolicyRow key={f} label={t(`culture.field.${f}`)} value={format(f, field.value as never)} field={field} testId={`policy-row-${f}`} />;
            })}
          </Paper>
          {p.holidays.value.items.length > 0 && (
            <Paper withBorder shadow="xs" p="sm">
              <Title order={3} size="h5" mb="xs">{t('culture.country.holidays', { year: p.holidays.value.year })}</Title>
              <Table fz="xs" verticalSpacing={2}>
                <Table.Tbody>
                  {p.holidays.value.items.map((h) => (
                    <Table.Tr key={`${h.date}${h.name}`}><Table.Td className="tabular" w={110}>{h.date}</Table.Td><Table.Td>{h.name}</Table.Td></Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
          <Paper withBorder shadow="xs" p="sm" data-testid="sources">
            <Title order={3} size="h5" mb="xs">{t('culture.country.sources')}</Title>
            <Stack gap={6}>
              {detail.sources.map((s) => (
                <div key={s.id}>
                  <Group gap={6}>
                    <Badge size="xs" variant="outline" color="gray" tt="none">{s.id}</Badge>
                    <ConfidenceBadge confidence={s.confidence} />
                    <Text size="xs" c="dimmed">{t('culture.profile.asOf', { date: s.asOf })}</Text>
                  </Group>
                  <Text size="xs">{s.url ? <Anchor href={s.url} target="_blank" rel="noreferrer" size="xs">{s.title}</Anchor> : s.title}</Text>
                  {s.licence && <Text size="xs" c="dimmed">{s.licence}</Text>}
                </div>
              ))}
            </Stack>
            <Text size="xs" mt="sm" fw={600}>{t('culture.country.attribution')}</Text>
            <Text size="xs" c="dimmed" data-testid="attribution">{detail.attribution}</Text>
          </Paper>
        </Stack>
      </SimpleGrid>
      <CuratedEditModal detail={detail} field={editing} onClose={() => setEditing(null)} />
    </>
  );
}
