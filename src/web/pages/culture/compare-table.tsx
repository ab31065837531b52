import { Table, Text, Tooltip } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import type { CountryPolicyAnswer } from '../../../culture/browser';
import type { PolicyFieldName, ServicePolicy } from '../../../culture/browser';
import { api, unwrap } from '../../api/client';
import { cultureKeys } from '../../api/culture';
import { useDisplayNames } from '../../i18n/display-names';
import { useT } from '../../i18n/use-t';
import { usePolicyValue, useWhy } from './use-culture-format';

const FIELDS: PolicyFieldName[] = ['channels', 'tone', 'register', 'expectedContacts', 'followUpCadence', 'continuity', 'hierarchyCautions', 'procedure', 'appearance', 'workweek'];

type Loose = { GET(url: string): Promise<{ data?: unknown; error?: unknown; response: Response }> };

/** The service policies of the selected countries side by side; hover a cell for its reason. */
export function CompareTable({ codes }: { codes: string[] }) {
  const t = useT();
  const format = usePolicyValue();
  const why = useWhy();
  const names = useDisplayNames();
  const results = useQueries({
    queries: codes.map((code) => ({
      queryKey: cultureKeys.countryPolicy(code),
      queryFn: () => unwrap((api as unknown as Loose).GET(`/api/v1/culture/countries/${code}/policy`)) as Promise<CountryPolicyAnswer>,
      staleTime: 5 * 60_000,
    })),
  });
  const answers = results.map((r) => r.data).filter((a): a is CountryPolicyAnswer => Boolean(a));
  if (answers.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} fz="xs" data-testid="compare-table" withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150} />
            {answers.map((a) => (
              <Table.Th key={a.country}>{names.region(a.country)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {FIELDS.map((f) => (
            <Table.Tr key={f}>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {t(`culture.field.${f}`)}
                </Text>
              </Table.Td>
              {answers.map((a) => {
                const field = a.policy[f as keyof Omit<ServicePolicy, 'country'>];
                return (
                  <Table.Td key={a.country}>
                    <Tooltip label={why(field)} multiline w={320} withArrow openDelay={300}>
                      <Text size="xs">{format(f as Exclude<PolicyFieldName, 'country'>, field.value as never)}</Text>
                    </Tooltip>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
