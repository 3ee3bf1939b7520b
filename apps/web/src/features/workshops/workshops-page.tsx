import { Anchor, Button, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '@/api/client';
import { TOPICS, type Topic } from '@/api/types';
import { useMe } from '@/lib/auth';
import { useT } from '@/i18n';
import { Empty, QueryState } from '@/ui/states';
import { workshopKeys } from './keys';
import { WorkshopCard } from './workshop-card';

const PAGE = 20;

/** Upcoming published workshops, soonest first, with a topic filter; public. */
export function WorkshopsPage() {
  const { t } = useT();
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('topic');
  const topic = TOPICS.includes(wanted as Topic) ? (wanted as Topic) : null;
  const list = useInfiniteQuery({
    queryKey: workshopKeys.list(topic),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/workshops', { params: { query: { limit: PAGE, ...(pageParam && { cursor: pageParam }), ...(topic && { topic }) } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const choose = (value: string) => setParams(value ? { topic: value } : {}, { replace: true });
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('workshops.list.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={560}>
            {t('workshops.list.intro')}
          </Text>
        </div>
        {me && (
          <Anchor component={Link} to="/workshops/mine" fw={600}>
            {t('workshops.list.mine')}
          </Anchor>
        )}
      </Group>
      <NativeSelect
        label={t('workshops.list.topic')}
        value={topic ?? ''}
        onChange={(e) => choose(e.currentTarget.value)}
        data={[{ value: '', label: t('workshops.list.allTopics') }, ...TOPICS.map((v) => ({ value: v, label: t(`common.topics.${v}`) }))]}
        maw={320}
      />
      <QueryState query={{ ...list, data: list.data?.pages.flatMap((p) => p.items) }}>
        {(items) =>
          items.length === 0 ? (
            <Empty title={topic ? t('workshops.list.emptyTopic') : t('workshops.list.empty')}>{t('workshops.list.emptyHint')}</Empty>
          ) : (
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="workshop-list">
                {items.map((w) => (
                  <WorkshopCard key={w.id} workshop={w} />
                ))}
              </SimpleGrid>
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
