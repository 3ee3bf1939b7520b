import { useState } from 'react';
import { Button, Card, CopyButton, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconCheck, IconCopy } from '@tabler/icons-react';
import type { FeedAddress } from '@/api/types';
import { useCalendarFeed, useMakeCalendarFeed, useStopCalendarFeed } from './calendar-feed-queries';
import { useT } from '@/i18n';
import { ErrorState, Loading } from '@/ui/states';
import classes from './notifications.module.css';


function Confirm({ kind, onConfirm, onClose, loading, error }: { kind: 'rotate' | 'stop' | null; onConfirm: () => void; onClose: () => void; loading: boolean; error: unknown }) {
  const { t } = useT();
  return (
    <Modal opened={kind !== null} onClose={onClose} title={kind ? t(`notifications.calendar.${kind}Title`) : ''} centered>
      <Stack>
        <Text size="sm">{kind && t(`notifications.calendar.${kind}Text`)}</Text>
        {!!error && <ErrorState error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={kind === 'stop' ? 'red' : undefined} onClick={onConfirm} loading={loading}>
            {kind && t(`notifications.calendar.${kind}Confirm`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Address({ feed, onRotate, onStop }: { feed: FeedAddress; onRotate: () => void; onStop: () => void }) {
  const { t } = useT();
  return (
    <Stack gap="sm">
      <Button component="a" href={feed.webcal} leftSection={<IconCalendarPlus size={18} aria-hidden />} data-testid="webcal-link">
        {t('notifications.calendar.open')}
      </Button>
      <div>
        <Text size="sm" fw={500}>
          {t('notifications.calendar.address')}
        </Text>
        <Text size="sm" ff="monospace" className={classes.url} data-testid="feed-url">
          {feed.url}
        </Text>
      </div>
      <CopyButton value={feed.url} timeout={3000}>
        {({ copied, copy }) => (
          <Button variant="outline" onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />} aria-live="polite">
            {copied ? t('notifications.calendar.copied') : t('notifications.calendar.copy')}
          </Button>
        )}
      </CopyButton>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <Button variant="default" onClick={onRotate}>
          {t('notifications.calendar.rotate')}
        </Button>
        <Button variant="outline" color="red" onClick={onStop}>
          {t('notifications.calendar.stop')}
        </Button>
      </SimpleGrid>
    </Stack>
  );
}

/** The calendar feed: a secret webcal:// address the phone's calendar subscribes to; renew or stop it. */
export function CalendarSubscription() {
  const { t } = useT();
  const [confirm, setConfirm] = useState<'rotate' | 'stop' | null>(null);
  const [stopped, setStopped] = useState(false);
  const feed = useCalendarFeed();
  const rotate = useMakeCalendarFeed(() => {
    setConfirm(null);
    setStopped(false);
  });
  const stop = useStopCalendarFeed(() => {
    setConfirm(null);
    setStopped(true);
  });
  const error = rotate.error ?? stop.error;
  return (
    <Card withBorder data-testid="calendar-subscription">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('notifications.calendar.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('notifications.calendar.intro')}
        </Text>
        {feed.isPending ? (
          <Loading />
        ) : feed.error ? (
          <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
        ) : feed.data ? (
          <Address feed={feed.data} onRotate={() => setConfirm('rotate')} onStop={() => setConfirm('stop')} />
        ) : (
          <>
            <Text size="sm" role={stopped ? 'status' : undefined}>
              {stopped ? t('notifications.calendar.stopped') : t('notifications.calendar.none')}
            </Text>
            <Button onClick={() => rotate.mutate()} loading={rotate.isPending} leftSection={<IconCalendarPlus size={18} aria-hidden />}>
              {t('notifications.calendar.create')}
            </Button>
          </>
        )}
        {error && !confirm && <ErrorState error={error} />}
      </Stack>
      <Confirm kind={confirm} onClose={() => { rotate.reset(); stop.reset(); setConfirm(null); }} loading={rotate.isPending || stop.isPending} error={error} onConfirm={() => (confirm === 'stop' ? stop.mutate() : rotate.mutate())} />
    </Card>
  );
}
