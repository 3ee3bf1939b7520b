import { useEffect, useRef } from 'react';
import { ActionIcon, Anchor, Indicator } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useSocket, useSocketEvent } from '@/lib/socket';
import { useT } from '@/i18n';
import { addToCache, fetchUnread, notificationKeys, useMarkRead } from './notification-queries';

export { notificationKeys } from './notification-queries';

/** Pushes sent while the line was down are not replayed: after a reconnect the inbox is read again. */
function useRefetchAfterReconnect() {
  const client = useQueryClient();
  const { connected } = useSocket();
  const wasConnected = useRef(false);
  useEffect(() => {
    if (connected && wasConnected.current) void client.invalidateQueries({ queryKey: notificationKeys.all });
    if (connected) wasConnected.current = true;
  }, [connected, client]);
}

/**
 * The bell with the unread count. A `notification` socket event goes straight into the cache (the count
 * and the inbox grow without a refetch) and shows a toast with a link to what it is about.
 */
export function NotificationBell() {
  const { t } = useT();
  const client = useQueryClient();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const unread = useQuery({ queryKey: notificationKeys.unread, queryFn: fetchUnread });
  useRefetchAfterReconnect();

  useSocketEvent('notification', (n) => {
    addToCache(client, n);
    const to = n.path;
    // The toasts render outside the router: the link navigates through this component's navigate.
    notifications.show({
      id: `notification-${n.id}`,
      title: n.title,
      autoClose: 6000,
      closeButtonProps: { 'aria-label': t('common.close') },
      message: (
        <Anchor
          href={to}
          size="sm"
          data-testid="toast-link"
          onClick={(e) => {
            e.preventDefault();
            notifications.hide(`notification-${n.id}`);
            markRead.mutate(n.id);
            void navigate(to);
          }}
        >
          {t('notifications.bell.toastOpen')}
        </Anchor>
      ),
    });
  });

  const count = unread.data?.items.length ?? 0;
  const shown = count > 99 ? '99+' : String(count);
  return (
    <Indicator label={shown} size={18} disabled={count === 0} offset={4} color="red" data-testid="bell-count" data-count={count}>
      <ActionIcon component={Link} to="/notifications" variant="subtle" size="lg" aria-label={t('common.nav.notifications') + (count ? ` (${t('notifications.inbox.countUnread', { count })})` : '')}>
        <IconBell size={20} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}
