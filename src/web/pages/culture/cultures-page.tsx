import { Anchor, Badge, Checkbox, Group, Paper, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { CountrySummary } from '../../../culture/browser';
import { useCountryList } from '../../api/culture';
import { PageHeader } from '../../components/page-header';
import { ErrorAlert, Loading } from '../../components/query-state';
import { useDisplayNames } from '../../i18n/display-names';
import { useCodeLabel, useT } from '../../i18n/use-t';
import { CompareTable } from './compare-table';
import { DimensionChart } from './dimension-chart';

const MAX_COMPARE = 5;
const DEFAULT_COMPARE = ['DE', 'JP', 'IL'];
export const coverageColors: Record<CountrySummary['coverage'], string> = { measured: 'teal', proxy: 'yellow', curated: 'blue', default: 'gray' };

/**
 * The managers' Cultures page: every country with culture data, side-by-side comparison of the
 * six dimensions (radar or bars) and of the resulting service policies, links to each profile
 * with its sources. The selection lives in the URL so a comparison can be shared.
 */
export default function CulturesPage() {
  const t = useT();
  const names = useDisplayNames();
  const channel = useCodeLabel();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [coverage, setCoverage] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const [mode, setMode] = useState<'radar' | 'bar'>('radar');
  const list = useCountryList({ q: q || undefined, coverage: coverage ?? undefined, all });
  // The API pages by ISO code; people look for a country by its name in their own language.
  const countries = useMemo(
    () => (list.data?.pages.flatMap((p) => p.items) ?? []).slice().sort((a, b) => names.region(a.code).localeCompare(names.region(b.code))),
    [list.data, names],
  );
  const selected = (params.get('compare') ?? DEFAULT_COMPARE.join(',')).split(',').filter(Boolean).slice(0, MAX_COMPARE);
  const setSelected = (codes: string[]) => setParams((p) => { p.set('compare', codes.join(',')); return p; }, { replace: true });
  const toggle = (code: string) => setSelected(selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code].slice(-MAX_COMPARE));

  const byCode = useMemo(() => new Map(countries.map((c) => [c.code, c])), [countries]);
  const chartCountries = selected.map((c) => byCode.get(c)).filter((c): c is CountrySummary => Boolean(c)).map((c) => ({ ...c, name: names.region(c.code) }));

  return (
    <>
      <PageHeader title={t('culture.page.title')} subtitle={t('culture.page.subtitle')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Paper withBorder shadow="xs" p="sm">
          <Group gap="xs" mb="xs" wrap="wrap">
            <TextInput size="xs" w={200} leftSection={<IconSearch size={14} />} placeholder={t('culture.page.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-testid="culture-search" />
            <Select size="xs" w={170} clearable placeholder={t('culture.page.coverage')} value={coverage} onChange={setCoverage}
              data={(['measured', 'proxy', 'curated', 'default'] as const).map((c) => ({ value: c, label: t(`culture.coverage.${c}`) }))} />
            <Switch size="xs" label={t('culture.page.all')} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
          </Group>
          {list.isPending ? <Loading /> : list.error ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : (
            <ScrollArea h={560} type="auto">
              <Table stickyHeader highlightOnHover verticalSpacing={4} fz="sm" data-testid="culture-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={32} />
                    <Table.Th>{t('culture.page.country')}</Table.Th>
                    <Table.Th>{t('culture.page.data')}</Table.Th>
                    <Table.Th visibleFrom="sm">{t('culture.field.register')}</Table.Th>
                    <Table.Th visibleFrom="sm">{t('culture.page.firstChannel')}</Table.Th>
                    <Table.Th ta="end">{t('culture.dim.short.pdi')}</Table.Th>
                    <Table.Th ta="end">{t('culture.dim.short.idv')}</Table.Th>
                    <Table.Th ta="end">{t('culture.dim.short.uai')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {countries.map((c) => (
                    <Table.Tr key={c.code} data-testid={`culture-row-${c.code}`}>
                      <Table.Td>
                        <Checkbox size="xs" checked={selected.includes(c.code)} onChange={() => toggle(c.code)} aria-label={t('culture.page.compareOne', { country: names.region(c.code) })} data-testid={`compare-${c.code}`} />
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/cultures/${c.code}`} size="sm" fw={500}>
                          {names.region(c.code)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Badge size="xs" variant="light" color={coverageColors[c.coverage]} styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
                          {t(`culture.coverageShort.${c.coverage}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{t(`culture.register.${c.register}`)}</Table.Td>
                      <Table.Td visibleFrom="sm">{channel('channel', c.firstChannel)}</Table.Td>
                      <Table.Td ta="end" className="tabular" c={c.coverage === 'measured' ? undefined : 'dimmed'}>{c.hofstede.pdi}</Table.Td>
                      <Table.Td ta="end" className="tabular" c={c.coverage === 'measured' ? undefined : 'dimmed'}>{c.hofstede.idv}</Table.Td>
                      <Table.Td ta="end" className="tabular" c={c.coverage === 'measured' ? undefined : 'dimmed'}>{c.hofstede.uai}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {countries.length === 0 && <Text size="sm" c="dimmed" ta="center" py="lg">{t('common.nothingFound')}</Text>}
            </ScrollArea>
          )}
        </Paper>
        <Paper withBorder shadow="xs" p="sm">
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5">{t('culture.page.compare')}</Title>
            <SegmentedControl size="xs" value={mode} onChange={(m) => setMode(m as 'radar' | 'bar')} data={[{ value: 'radar', label: t('culture.chart.radar') }, { value: 'bar', label: t('culture.chart.bar') }]} data-testid="chart-mode" />
          </Group>
          {chartCountries.length === 0 ? (
            <Text size="sm" c="dimmed" py="xl" ta="center">{t('culture.page.pick', { max: MAX_COMPARE })}</Text>
          ) : (
            <Stack gap={4}>
              <DimensionChart countries={chartCountries} mode={mode} />
              <Text size="xs" c="dimmed" data-testid="hofstede-attribution">{t('culture.attribution.hofstede')}</Text>
            </Stack>
          )}
        </Paper>
      </SimpleGrid>
      {selected.length > 0 && (
        <Paper withBorder shadow="xs" p="sm" mt="md">
          <Title order={3} size="h5" mb="xs">{t('culture.page.policies')}</Title>
          <CompareTable codes={selected} />
        </Paper>
      )}
    </>
  );
}
