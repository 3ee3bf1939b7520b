import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '@/api/client';
import type { MyWorkshop } from '@/api/types';
import { RequireAuth, useZone } from '@/lib/auth';
import { formatDate, formatTimeRange } from '@/lib/datetime';
import { useT } from '@/i18n';
import { JoinCountdown } from '@/ui/join-countdown';
import { Empty, QueryState } from '@/ui/states';
import { workshopKeys } from './keys';
import { useWorkshopLiveUpdates } from './workshop-queries';

type When = 'upcoming' | 'past';

export function MyWorkshopsPage() {
  return (
    <RequireAuth>
      <MyWorkshops />
    </RequireAuth>
  );
}

/** "Workshop saya": upcoming and past, my status or place in line, and the join buttons. */
function MyWorkshops() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const when: When = params.get('when') === 'past' ? 'past' : 'upcoming';
  useWorkshopLiveUpdates();
  const list = useInfiniteQuery({
    queryKey: workshopKeys.mine(when),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/me/workshops', { params: { query: { when, limit: 20, ...(pageParam && { cursor: pageParam }) } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('workshops.mine.title')}
      </Title>
      <SegmentedControl
        aria-label={t('workshops.mine.tabs')}
        value={when}
        onChange={(v) => setParams(v === 'past' ? { when: 'past' } : {}, { replace: true })}
        data={[
          { value: 'upcoming', label: t('workshops.mine.upcoming') },
          { value: 'past', label: t('workshops.mine.past') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <QueryState query={{ ...list, data: list.data?.pages.flatMap((p) => p.items) }}>
        {(items) =>
          items.length === 0 ? (
            <Empty
              title={when === 'past' ? t('workshops.mine.emptyPast') : t('workshops.mine.empty')}
              action={
                <Anchor component={Link} to="/workshops">
                  {t('workshops.mine.browse')}
                </Anchor>
              }
            />
          ) : (
            <Stack data-testid="my-workshops">
              {items.map((m) => (
                <MyWorkshopCard key={`${m.workshop.id}-${m.as}`} item={m} past={when === 'past'} />
              ))}
              {list.hasNextPage && (
                <Button variant="outline" color="teal.9" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ alignSelf: 'center' }}>
                  {t('workshops.list.more')}
                </Button>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function StatusBadge({ item }: { item: MyWorkshop }) {
  const { t } = useT();
  if (item.as === 'speaker') return <Badge color="grape.9" variant="outline">{t('workshops.mine.asSpeaker')}</Badge>;
  if (item.status === 'waitlisted')
    return (
      <Badge color="orange" c="dark.8" variant="light" data-testid="my-status">
        {t('workshops.mine.waitlisted', { position: item.position ?? '?' })}
      </Badge>
    );
  return (
    <Badge color="teal.9" variant="outline" data-testid="my-status">
      {t('workshops.mine.registered')}
    </Badge>
  );
}

function MyWorkshopCard({ item, past }: { item: MyWorkshop; past: boolean }) {
  const { t, lang } = useT();
  const zone = useZone();
  const w = item.workshop;
  const now = new Date();
  const seated = item.as === 'speaker' || item.status === 'registered';
  const sessions = past ? [] : w.sessions.filter((s) => new Date(s.end) > now);
  return (
    <Card withBorder component="article" aria-labelledby={`mw-${w.id}`} data-testid="my-workshop">
      <Stack gap="xs">
        <Group gap={6}>
          <StatusBadge item={item} />
          <Badge variant="outline" color="gray.8">
            {t(`common.topics.${w.topic}`)}
          </Badge>
        </Group>
        <Title order={2} size="h4" id={`mw-${w.id}`}>
          {w.title}
        </Title>
        {sessions.map((s) => (
          <Group key={s.id} justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <div>
              <Text size="sm" fw={600}>
                {formatDate(s.start, lang, zone)}
              </Text>
              <Text size="sm">{formatTimeRange(s.start, s.end, lang, zone)}</Text>
            </div>
            {seated && <JoinCountdown start={s.start} end={s.end} to={`/workshops/${w.id}/sessions/${s.id}`} label={t('workshops.detail.joinSession')} />}
          </Group>
        ))}
        {!past && !seated && (
          <Text size="sm" c="dimmed">
            {t('workshops.mine.waitlistNoJoin')}
          </Text>
        )}
        {past && w.sessions[0] && <Text size="sm">{formatDate(w.sessions[0].start, lang, zone)}</Text>}
        <Group gap="md">
          <Anchor component={Link} to={`/workshops/${w.id}`} size="sm">
            {t('workshops.mine.details')}
          </Anchor>
          {past && item.status === 'registered' && (
            <Anchor component={Link} to={`/workshops/${w.id}/certificate`} size="sm" fw={600}>
              {t('workshops.mine.certificate')}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
