import { Badge, Box, Collapse, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { PolicyLayer } from '../../../culture/browser';
import type { PolicyField } from '../../../culture/browser';
import { useT } from '../../i18n/use-t';
import { useWhy } from './use-culture-format';

const layerColors: Record<PolicyLayer, string> = { country: 'gray', organisation: 'grape', contact: 'indigo', observed: 'teal' };

/**
 * One policy field as a row: label and value, a badge when something other than the country
 * default decided it, and the one-sentence explanation one click away.
 */
export function PolicyRow({ label, value, field, origin, testId, extra }: {
  label: ReactNode;
  value: ReactNode;
  field: Pick<PolicyField<unknown>, 'why' | 'whyCode' | 'whyParams' | 'sources'>;
  origin?: PolicyLayer;
  testId?: string;
  extra?: ReactNode;
}) {
  const t = useT();
  const why = useWhy();
  const [open, { toggle }] = useDisclosure(false);
  return (
    <Box data-testid={testId} py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <UnstyledButton onClick={toggle} w="100%" aria-expanded={open} data-testid={testId ? `${testId}-toggle` : undefined}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Stack gap={2} align="flex-start" style={{ flexShrink: 0 }} mt={2}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            {origin && origin !== 'country' && (
              <Badge size="xs" variant="light" color={layerColors[origin]} data-testid={testId ? `${testId}-origin` : undefined}>
                {t(`culture.layer.${origin}`)}
              </Badge>
            )}
          </Stack>
          <Group gap={4} wrap="nowrap" justify="flex-end" style={{ minWidth: 0 }}>
            <Text size="sm" ta="end" component="div" style={{ overflowWrap: 'anywhere' }}>
              {value}
            </Text>
            <IconChevronDown size={12} style={{ flexShrink: 0, marginTop: 4, transform: open ? 'rotate(180deg)' : undefined, transition: 'transform 120ms' }} />
          </Group>
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        <Text size="xs" c="dimmed" mt={4} data-testid={testId ? `${testId}-why` : undefined}>
          {why(field)}
        </Text>
        {extra}
      </Collapse>
    </Box>
  );
}
