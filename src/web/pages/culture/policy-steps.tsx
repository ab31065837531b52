import { Badge, Group, List, Stack, Text } from '@mantine/core';
import type { EffectivePolicyAnswer } from '../../../culture/browser';
import { useDisplayNames } from '../../i18n/display-names';
import { useCodeLabel, useT } from '../../i18n/use-t';
import { useWhy } from './use-culture-format';

/**
 * How the effective policy came about: country → organisation → contact → observed, with
 * what each step changed (and why), what it held back, and the evidence the observations used.
 */
export function PolicySteps({ answer }: { answer: EffectivePolicyAnswer }) {
  const t = useT();
  const why = useWhy();
  const names = useDisplayNames();
  const channel = useCodeLabel();
  const { observed } = answer;
  const counts = Object.entries(observed.channelCounts)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${channel('channel', c)} ${n}`)
    .join(', ');
  return (
    <Stack gap={6} data-testid="culture-steps">
      {answer.steps.map((step, i) => (
        <div key={step.layer}>
          <Group gap={6}>
            <Badge size="xs" variant="outline" circle>
              {i + 1}
            </Badge>
            <Text size="xs" fw={600}>
              {t(`culture.layer.${step.layer}`)}
            </Text>
            {step.layer === 'country' && (
              <Text size="xs" c="dimmed">
                {answer.country ? names.region(answer.country) : answer.countryName}
              </Text>
            )}
          </Group>
          {step.layer !== 'country' && step.changes.length === 0 && step.skipped.length === 0 && (
            <Text size="xs" c="dimmed" ms={28}>
              {t('culture.step.noChanges')}
            </Text>
          )}
          <List size="xs" ms={28} spacing={2}>
            {step.changes.map((c, j) => (
              <List.Item key={`${c.field}-${j}`}>
                <Text size="xs" span fw={500}>
                  {t(`culture.field.${c.field}`)}:
                </Text>{' '}
                <Text size="xs" span c="dimmed">
                  {why(c)}
                </Text>
              </List.Item>
            ))}
            {step.skipped.map((s, j) => (
              <List.Item key={`skip-${s.field}-${j}`}>
                <Text size="xs" span c="orange.8">
                  {t('culture.step.skipped', { field: t(`culture.field.${s.field}`) })}
                </Text>
              </List.Item>
            ))}
          </List>
          {step.layer === 'observed' && (
            <Text size="xs" c="dimmed" ms={28}>
              {t('culture.step.evidence', { contacts: observed.contacts, cases: observed.cases, counts: counts || '—' })}
            </Text>
          )}
        </div>
      ))}
    </Stack>
  );
}
