import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Stack, Switch, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Notification } from '@/api/types';
import { RequireAuth, useZone } from '@/lib/auth';
import { formatDateTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { Empty, ErrorState, Loading } from '@/ui/states';
import { fetchInboxPage, notificationKeys, useMarkRead } from './notification-queries';
import classes from './notifications.module.css';

function InboxItem({ n }: { n: Notification }) {
  const { t, lang } = useT();
  const zone = useZone();
  const markRead = useMarkRead();
  const unread = !n.readAt;
  return (
    <Card withBorder padding="sm" component="li" className={unread ? classes.unread : undefined} data-testid="inbox-item" data-unread={unread}>
      <UnstyledButton component={Link} to={n.path} onClick={() => unread && markRead.mutate(n.id)} className={classes.open}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          {unread && <span className={classes.dot} aria-hidden />}
          {unread && <VisuallyHidden>{t('notifications.inbox.unread')}: </VisuallyHidden>}
          <Text fw={unread ? 700 : 500} size="sm" className={classes.title}>
            {n.title}
          </Text>
        </Group>
        <Text size="sm" mt={4} className={classes.body}>
          {n.body}
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          {formatDateTime(n.createdAt, lang, zone)}
        </Text>
      </UnstyledButton>
      {unread && (
        <Group gap="xs" mt="xs" justify="space-between">
          <Badge color="red" variant="light" size="sm">
            {t('notifications.inbox.unread')}
          </Badge>
          <Button size="compact-sm" variant="subtle" onClick={() => markRead.mutate(n.id)} aria-label={`${t('notifications.inbox.markRead')}: ${n.title}`}>
            {t('notifications.inbox.markRead')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

function Inbox() {
  const { t } = useT();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const q = useInfiniteQuery({
    queryKey: notificationKeys.inbox(onlyUnread),
    queryFn: ({ pageParam }) => fetchInboxPage(onlyUnread, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack maw={720} mx="auto">
      <Group justify="space-between" wrap="nowrap">
        <Title order={1} size="h2">
          {t('notifications.inbox.title')}
        </Title>
        <Anchor component={Link} to="/notifications/settings" size="sm" className={classes.settingsLink}>
          <IconSettings size={16} aria-hidden />
          {t('notifications.inbox.settings')}
        </Anchor>
      </Group>
      <Switch label={t('notifications.inbox.onlyUnread')} checked={onlyUnread} onChange={(e) => setOnlyUnread(e.currentTarget.checked)} />
      {q.isPending ? (
        <Loading />
      ) : q.error && items.length === 0 ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        onlyUnread ? (
          <Empty title={t('notifications.inbox.emptyUnread')}>{t('notifications.inbox.emptyUnreadHint')}</Empty>
        ) : (
          <Empty title={t('notifications.inbox.empty')}>{t('notifications.inbox.emptyHint')}</Empty>
        )
      ) : (
        <>
          <Stack component="ul" gap="sm" className={classes.list} data-testid="inbox">
            {items.map((n) => (
              <InboxItem key={n.id} n={n} />
            ))}
          </Stack>
          {q.isFetchNextPageError && <ErrorState error={q.error} onRetry={() => void q.fetchNextPage()} />}
          {q.hasNextPage && (
            <Button variant="default" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
              {t('notifications.inbox.more')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}

/** Kotak masuk: newest first, unread marked; opening one marks it read and goes where it points. */
export function InboxPage() {
  return (
    <RequireAuth>
      <Inbox />
    </RequireAuth>
  );
}
