import { Button, EmptyState } from '@mantine/core';
import { IconBug } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useRouteError } from 'react-router-dom';
import { useT } from '../i18n/use-t';

/**
 * Shown when a page throws while rendering: a calm apology and a reload, instead of the
 * router's developer screen. The error goes to the console for whoever debugs it.
 */
export function CrashPage() {
  const t = useT();
  const error = useRouteError();
  useEffect(() => console.error(error), [error]);
  return (
    <EmptyState
      mt={80}
      icon={<IconBug size={40} stroke={1.5} />}
      withIndicatorBackground
      title={t('common.crash.title')}
      description={t('common.crash.description')}
      data-testid="crash-page"
    >
      <EmptyState.Actions>
        <Button variant="light" onClick={() => window.location.reload()}>
          {t('common.crash.reload')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
