import { Button, Center, Group, Text } from '@mantine/core';
import { useT } from '../i18n/use-t';

/** The footer under a cursor-paged list: how many are shown and a "load more" button while there are more. */
export function LoadMore({ shown, hasMore, loading, onLoadMore }: { shown: number; hasMore: boolean; loading: boolean; onLoadMore: () => void }) {
  const t = useT();
  return (
    <Group justify="space-between" px="sm" py="xs">
      <Text size="xs" c="dimmed" data-testid="shown-count">
        {t('common.shown', { count: shown })}
      </Text>
      {hasMore ? (
        <Button size="xs" variant="default" loading={loading} onClick={onLoadMore} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      ) : (
        <Center />
      )}
    </Group>
  );
}
