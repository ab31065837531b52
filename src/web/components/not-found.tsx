import { Button, EmptyState } from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/use-t';

/**
 * What a missing record looks like. The API answers 404 both for records that do not exist and
 * for records the user may not see, and this page deliberately does not tell the two apart.
 */
export function NotFound({ home = '/' }: { home?: string }) {
  const t = useT();
  return (
    <EmptyState
      mt={80}
      data-testid="not-found"
      icon={<IconMoodEmpty size={40} stroke={1.5} />}
      withIndicatorBackground
      title={t('common.notFound.title')}
      description={t('common.notFound.description')}
    >
      <EmptyState.Actions>
        <Button component={Link} to={home} variant="light">
          {t('common.notFound.home')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
