import { ActionIcon, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useT } from '../i18n/use-t';

/** A value an admin pastes into a provider's console, with a copy button. */
export function Copyable({ value }: { value: string }) {
  const t = useT();
  return (
    <Group gap={4} wrap="nowrap">
      <Code dir="ltr" style={{ wordBreak: 'break-all' }}>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={t(copied ? 'channels.copied' : 'channels.copy')}>
            <ActionIcon size="sm" variant="subtle" onClick={copy} aria-label={t('channels.copy')}>
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
