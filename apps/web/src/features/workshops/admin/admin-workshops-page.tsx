import { useState } from 'react';
import { Button, Card, Group, NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { TOPICS, type Topic, type Workshop } from '@/api/types';
import { useZone } from '@/lib/auth';
import { formatDateTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { StaffPage } from '@/ui/staff-page';
import { Empty, QueryState } from '@/ui/states';
import { useAdminWorkshops, type AdminFilters, type WorkshopStatus } from './admin-queries';
import { WorkshopStatusBadge } from './status-badge';

const STATUSES: WorkshopStatus[] = ['draft', 'published', 'completed', 'cancelled'];

/** The console's list: every workshop, upcoming or past, by status, topic and title; filters live in the URL. */
export function AdminWorkshopsPage() {
  const { t } = useT();
  return (
    <StaffPage
      area="admin"
      title={t('adminWorkshops.list.title')}
      actions={
        <Button component={Link} to="/admin/workshops/new" leftSection={<IconPlus size={18} aria-hidden />}>
          {t('adminWorkshops.list.create')}
        </Button>
      }
    >
      <List />
    </StaffPage>
  );
}

/** Inside the role check: nobody else asks the api. */
function List() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q, 300);
  const filters: AdminFilters = {
    when: params.get('when') === 'past' ? 'past' : 'upcoming',
    status: STATUSES.includes(params.get('status') as WorkshopStatus) ? (params.get('status') as WorkshopStatus) : null,
    topic: TOPICS.includes(params.get('topic') as Topic) ? (params.get('topic') as Topic) : null,
    q: debounced,
  };
  const list = useAdminWorkshops(filters);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const filtered = !!(filters.status || filters.topic || filters.q);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <div>
          <Text size="sm" fw={500} mb={4} id="when-label">
            {t('adminWorkshops.list.when')}
          </Text>
          <SegmentedControl
            fullWidth
            aria-labelledby="when-label"
            value={filters.when}
            onChange={(v) => set('when', v === 'past' ? 'past' : null)}
            data={[
              { value: 'upcoming', label: t('adminWorkshops.list.upcoming') },
              { value: 'past', label: t('adminWorkshops.list.past') },
            ]}
          />
        </div>
        <TextInput
          label={t('adminWorkshops.list.search')}
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            set('q', e.currentTarget.value || null);
          }}
        />
        <NativeSelect
          label={t('adminWorkshops.list.status')}
          value={filters.status ?? ''}
          onChange={(e) => set('status', e.currentTarget.value || null)}
          data={[{ value: '', label: t('adminWorkshops.list.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`adminWorkshops.status.${s}`) }))]}
        />
        <NativeSelect
          label={t('adminWorkshops.list.topic')}
          value={filters.topic ?? ''}
          onChange={(e) => set('topic', e.currentTarget.value || null)}
          data={[{ value: '', label: t('adminWorkshops.list.allTopics') }, ...TOPICS.map((v) => ({ value: v, label: t(`common.topics.${v}`) }))]}
        />
      </SimpleGrid>
      <QueryState query={{ ...list, data: list.data?.pages.flatMap((p) => p.items) }}>
        {(items) =>
          items.length === 0 ? (
            <Empty
              title={filtered ? t('adminWorkshops.list.emptyFiltered') : t('adminWorkshops.list.empty')}
              action={
                <Button component={Link} to="/admin/workshops/new" variant="light">
                  {t('adminWorkshops.list.create')}
                </Button>
              }
            >
              {t('adminWorkshops.list.emptyHint')}
            </Empty>
          ) : (
            <Stack gap="sm" data-testid="admin-workshops" aria-busy={list.isPlaceholderData}>
              {items.map((w) => (
                <Row key={w.id} workshop={w} past={filters.when === 'past'} />
              ))}
              {list.hasNextPage && (
                <Button variant="outline" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ alignSelf: 'center' }}>
                  {t('adminWorkshops.list.more')}
                </Button>
              )}
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}

function Row({ workshop: w, past }: { workshop: Workshop; past: boolean }) {
  const { t, lang } = useT();
  const zone = useZone();
  const first = w.sessions[0];
  const last = w.sessions[w.sessions.length - 1];
  return (
    <Card withBorder component="article" padding="sm" data-testid="admin-workshop" aria-labelledby={`aw-${w.id}`}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={2} size="h5" id={`aw-${w.id}`}>
            <Text component={Link} to={`/admin/workshops/${w.id}`} inherit c="teal.9" td="underline" style={{ overflowWrap: 'anywhere' }}>
              {w.title}
            </Text>
          </Title>
          <Text size="sm">
            {past && last ? t('adminWorkshops.list.lastSession', { date: formatDateTime(last.end, lang, zone) }) : first && t('adminWorkshops.list.firstSession', { date: formatDateTime(first.start, lang, zone) })}
          </Text>
          <Text size="sm" c="dimmed">
            {[
              t(`common.topics.${w.topic}`),
              t('adminWorkshops.list.sessions', { count: w.sessions.length }),
              t('adminWorkshops.list.seats', { registered: w.registeredCount, capacity: w.capacity }),
              ...(w.waitlistCount ? [t('adminWorkshops.list.waitlist', { count: w.waitlistCount })] : []),
            ].join(' · ')}
          </Text>
        </Stack>
        <WorkshopStatusBadge status={w.status} />
      </Group>
    </Card>
  );
}
