import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '@/api/client';
import type { Notification, Page } from '@/api/types';
import { useSocketEvent } from '@/lib/socket';
import { useT } from '@/i18n';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
};

/** The bell with the unread count; the `notification` socket event refreshes it live. */
export function NotificationBell() {
  const { t } = useT();
  const client = useQueryClient();
  const unread = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => unwrap<Page<Notification>>(api.GET('/api/notifications', { params: { query: { unread: true, limit: 100 } as never } })),
  });
  useSocketEvent<Notification>('notification', () => void client.invalidateQueries({ queryKey: notificationKeys.all }));
  const count = unread.data?.items.length ?? 0;
  return (
    <Indicator label={count > 99 ? '99+' : count} size={18} disabled={count === 0} offset={4} color="red" data-testid="bell-count" data-count={count}>
      <ActionIcon component={Link} to="/notifications" variant="subtle" size="lg" aria-label={t('common.nav.notifications') + (count ? ` (${count})` : '')}>
        <IconBell size={20} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}
