import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ApiError, isNotFound } from '../api/client';
import { useT } from '../i18n/use-t';
import { NotFound } from './not-found';

/** A centred spinner for a page or panel that is still loading. */
export function Loading({ minHeight = 160 }: { minHeight?: number }) {
  return (
    <Center mih={minHeight}>
      <Loader size="sm" type="dots" />
    </Center>
  );
}

/** Shows an API error in words the user can act on, with a retry when that could help. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const status = error instanceof ApiError ? error.status : 0;
  const message =
    status === 403 ? t('common.error.forbidden') : status === 0 ? t('common.error.network') : error instanceof ApiError ? error.message : t('common.error.unknown');
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('common.error.title')}>
      <Stack gap="xs" align="flex-start">
        {message}
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * Renders a query's loading, not-found and error states the same way everywhere, and the
 * children only once data has arrived.
 */
export function QueryState<T>({
  query,
  children,
  notFoundHome,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
  notFoundHome?: string;
}) {
  if (query.isPending) return <Loading />;
  if (query.error) {
    if (isNotFound(query.error)) return <NotFound home={notFoundHome} />;
    return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  }
  return <>{children(query.data as T)}</>;
}
