import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { Notification, Page } from '@/api/types';

export const notificationKeys = {
  all: ['notifications'] as const,
  /** The first 100 unread (the bell's count, Beranda's list): a Page<Notification>. */
  unread: ['notifications', 'unread'] as const,
  /** The inbox pages, per filter: InfiniteData<Page<Notification>>. */
  inbox: (onlyUnread: boolean) => ['notifications', 'inbox', { onlyUnread }] as const,
  inboxes: ['notifications', 'inbox'] as const,
};

export const fetchUnread = () => unwrap<Page<Notification>>(api.GET('/api/notifications', { params: { query: { unread: true, limit: 100 } } }));

export const fetchInboxPage = (onlyUnread: boolean, cursor: string | undefined) =>
  unwrap<Page<Notification>>(api.GET('/api/notifications', { params: { query: { ...(onlyUnread && { unread: true }), limit: 20, cursor } } }));

/** The `notification` socket event carries an inbox item without `readAt`: it is new, so unread. */
export type PushedNotification = Omit<Notification, 'readAt'> & { readAt?: string | null };

/** A pushed notification goes to the top of the unread list and of every inbox page list already loaded. */
export function addToCache(client: QueryClient, pushed: PushedNotification) {
  const item: Notification = { ...pushed, readAt: pushed.readAt ?? null };
  client.setQueryData<Page<Notification>>(notificationKeys.unread, (page) =>
    page && !page.items.some((n) => n.id === item.id) ? { ...page, items: [item, ...page.items] } : page,
  );
  client.setQueriesData<InfiniteData<Page<Notification>>>({ queryKey: notificationKeys.inboxes }, (data) => {
    if (!data || data.pages.some((p) => p.items.some((n) => n.id === item.id))) return data;
    const [first, ...rest] = data.pages;
    return { ...data, pages: [{ ...first, items: [item, ...first.items] }, ...rest] };
  });
}

/** Read: out of the unread list (the bell counts it), marked read where the inbox shows it. */
function markReadInCache(client: QueryClient, id: string, readAt: string) {
  client.setQueryData<Page<Notification>>(notificationKeys.unread, (page) => page && { ...page, items: page.items.filter((n) => n.id !== id) });
  client.setQueriesData<InfiniteData<Page<Notification>>>({ queryKey: notificationKeys.inboxes }, (data) =>
    data && { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((n) => (n.id === id && !n.readAt ? { ...n, readAt } : n)) })) },
  );
}

/** POST /api/notifications/:id/read, shown at once; a failure puts the server's view back. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onMutate: (id) => markReadInCache(client, id, new Date().toISOString()),
    onError: () => void client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
