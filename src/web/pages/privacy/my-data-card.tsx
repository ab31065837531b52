import { Button, Paper, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { contactExportUrl } from '../../api/privacy';
import { usePermission } from '../../app/use-permission';
import { useT } from '../../i18n/use-t';

/** A customer's right of access: download everything the help desk holds about them, as one zip. */
export function MyDataCard({ contactId }: { contactId: string }) {
  const t = useT();
  const canExport = usePermission('privacy', 'export');
  if (!canExport) return null;
  return (
    <Paper withBorder p="md" data-testid="my-data">
      <Title order={3} size="h5" mb={4}>
        {t('privacy.mine.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('privacy.mine.explain')}
      </Text>
      <Button size="xs" variant="default" component="a" href={contactExportUrl(contactId)} download leftSection={<IconDownload size={14} />} data-testid="my-data-download">
        {t('privacy.mine.download')}
      </Button>
    </Paper>
  );
}
