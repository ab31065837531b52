import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The title row every page starts with: title, optional subtitle, actions at the end. */
export function PageHeader({ title, subtitle, actions, before }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; before?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" mb="md" gap="md">
      <Group gap="sm" wrap="nowrap" align="center" miw={0}>
        {before}
        <Stack gap={2} miw={0}>
          <Title order={2} size="h3" lh={1.25}>
            {typeof title === 'string' ? <bdi>{title}</bdi> : title}
          </Title>
          {subtitle && (
            <Text size="sm" c="dimmed" component="div">
              {subtitle}
            </Text>
          )}
        </Stack>
      </Group>
      {actions && (
        <Group gap="xs" wrap="nowrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
