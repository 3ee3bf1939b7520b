import { Anchor, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '@/api/client';
import type { MyWorkshop, Page } from '@/api/types';
import { useMe, useZone } from '@/lib/auth';
import { formatDate, formatDateTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { JoinCountdown } from '@/ui/join-countdown';
import { Empty, QueryState } from '@/ui/states';
import { fetchUnread, notificationKeys } from '@/features/notifications/notification-queries';

interface ConsultationItem {
  id: string;
  mentorName?: string;
  start: string;
  end: string;
  topic: string;
  status: string;
}

function NextConsultation() {
  const { t, lang } = useT();
  const zone = useZone();
  const q = useQuery({
    queryKey: ['consultations', 'next'],
    queryFn: async () => {
      const from = new Date(Date.now() - 60 * 60_000).toISOString();
      const page = (await unwrap<Page<ConsultationItem>>(api.GET('/api/consultations', { params: { query: { status: 'booked', from, limit: 5 } } })));
      return page.items.filter((c) => new Date(c.end) > new Date()).sort((a, b) => a.start.localeCompare(b.start))[0] ?? null;
    },
  });
  return (
    <Card withBorder data-testid="next-consultation">
      <Title order={2} size="h4" mb="xs">
        {t('home.home.nextConsultation')}
      </Title>
      <QueryState query={q}>
        {(c) =>
          c ? (
            <Stack gap={6}>
              <Text fw={600}>{t(`common.topics.${c.topic}`)}</Text>
              {c.mentorName && <Text size="sm">{t('home.home.with', { name: c.mentorName })}</Text>}
              <Text size="sm">{formatDateTime(c.start, lang, zone)}</Text>
              <Group>
                <JoinCountdown start={c.start} end={c.end} to={`/consultations/${c.id}`} />
                <Anchor component={Link} to={`/consultations/${c.id}`} size="sm">
                  {t('home.home.details')}
                </Anchor>
              </Group>
            </Stack>
          ) : (
            <Empty title={t('home.home.noConsultation')} action={<Anchor component={Link} to="/mentors">{t('home.home.bookConsultation')}</Anchor>} />
          )
        }
      </QueryState>
    </Card>
  );
}

function NextSession() {
  const { t, lang } = useT();
  const zone = useZone();
  const q = useQuery({
    queryKey: ['workshops', 'mine', 'upcoming'],
    queryFn: () => unwrap<Page<MyWorkshop>>(api.GET('/api/me/workshops', { params: { query: { limit: 20 } } })),
  });
  return (
    <Card withBorder data-testid="next-session">
      <Title order={2} size="h4" mb="xs">
        {t('home.home.nextSession')}
      </Title>
      <QueryState query={q}>
        {(page) => {
          const now = new Date();
          const next = page.items
            .filter((m) => m.status !== 'waitlisted')
            .flatMap((m) => m.workshop.sessions.filter((s) => new Date(s.end) > now).map((s) => ({ w: m.workshop, s })))
            .sort((a, b) => a.s.start.localeCompare(b.s.start))[0];
          return next ? (
            <Stack gap={6}>
              <Text fw={600}>{next.w.title}</Text>
              <Text size="sm">{formatDateTime(next.s.start, lang, zone)}</Text>
              <JoinCountdown start={next.s.start} end={next.s.end} to={`/workshops/${next.w.id}/sessions/${next.s.id}`} />
            </Stack>
          ) : (
            <Empty title={t('home.home.noSession')} action={<Anchor component={Link} to="/workshops">{t('home.home.browseWorkshops')}</Anchor>} />
          );
        }}
      </QueryState>
    </Card>
  );
}

function UnreadNotifications() {
  const { t, lang } = useT();
  const zone = useZone();
  const q = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: fetchUnread,
  });
  return (
    <Card withBorder data-testid="home-notifications">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('home.home.notifications')}
        </Title>
        <Anchor component={Link} to="/notifications" size="sm">
          {t('home.home.allNotifications')}
        </Anchor>
      </Group>
      <QueryState query={q}>
        {(page) =>
          page.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('home.home.noNotifications')}
            </Text>
          ) : (
            <Stack gap="xs">
              {page.items.slice(0, 3).map((n) => (
                <div key={n.id}>
                  <Text size="sm" fw={600}>
                    {n.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt, lang, zone)}
                  </Text>
                </div>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}

function FollowUps() {
  const { t, lang } = useT();
  const zone = useZone();
  // One request: the actions from my consultations, until the mentor's follow-up is done.
  const q = useQuery({
    queryKey: ['consultations', 'action-items'],
    queryFn: async () => (await unwrap(api.GET('/api/me/action-items', { params: { query: { limit: 5 } } }))).items,
  });
  return (
    <Card withBorder data-testid="home-actions">
      <Title order={2} size="h4" mb="xs">
        {t('home.home.actions')}
      </Title>
      <QueryState query={q}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('home.home.noActions')}
            </Text>
          ) : (
            <Stack gap="sm">
              {items.map((item) => (
                <div key={item.consultationId}>
                  <Anchor component={Link} to={`/consultations/${item.consultationId}`} fw={600} size="sm">
                    {t(`common.topics.${item.topic}`)} · {formatDate(item.start, lang, zone)}
                  </Anchor>
                  <List size="sm" spacing={2}>
                    {item.actions.map((a) => (
                      <List.Item key={a}>{a}</List.Item>
                    ))}
                  </List>
                  {item.followUpOn && (
                    <Text size="xs" c="dimmed">
                      {t('home.home.followUpOn', { date: formatDate(`${item.followUpOn}T12:00:00Z`, lang, zone) })}
                    </Text>
                  )}
                </div>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}

/** Beranda: what is next for me, what is new, what I promised to do. */
export function HomePage() {
  const { t } = useT();
  const { me } = useMe();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('home.home.greeting', { name: me?.name ?? '' })}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NextConsultation />
        <NextSession />
        <UnreadNotifications />
        {/* What an entrepreneur took away from their consultations (staff have their own desks). */}
        {me?.roles.includes('entrepreneur') && <FollowUps />}
      </SimpleGrid>
    </Stack>
  );
}
