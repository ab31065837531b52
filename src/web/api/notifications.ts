/** The signed-in user's notifications (SLA warnings and breaches, promise reminders, hand-offs). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';

const fetchRecent = () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: 15 } } }));
export type NotificationPage = Awaited<ReturnType<typeof fetchRecent>>;
export type AppNotification = NotificationPage['items'][number];

export const notificationKeys = { recent: ['notifications', 'recent'] as const };

/** The latest notifications and the unread count; refreshed by the realtime push and every few minutes as a fallback. */
export function useNotifications() {
  return useQuery({ queryKey: notificationKeys.recent, queryFn: fetchRecent, refetchInterval: 300_000 });
}

/** Marks one notification, or all when no id is given, as read. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id?: string) => unwrap(api.POST('/api/v1/notifications/read', { body: id ? { id } : {} })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
